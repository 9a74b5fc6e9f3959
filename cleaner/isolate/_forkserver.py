"""Imported by the deadline pool's fork server (`cleaner.isolate.deadline`), never by anyone else.

Importing it loads the library and cleans the sample pages once, in the fork server itself, so every
child forked from it starts with trafilatura's models loaded and the rule patterns compiled: a new
or replacement child is ready in milliseconds instead of half a second.
"""

from cleaner.isolate.deadline import warm_up

warm_up()
