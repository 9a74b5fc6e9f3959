"""`clean()` under a time and memory limit, in warm child processes forked from a fork server.

A page that hangs a parser or eats memory costs its child, never the caller. May use
`cleaner.pipeline` and the core types; callers (service, batch) pass the work.
"""
