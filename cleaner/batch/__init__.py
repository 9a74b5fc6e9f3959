"""The directory job: inputs (files, JSON Lines), engines (local processes, Dask), one ordered
writer (sinks, report journal, resume), the corpus-wide --dedup plan, progress.

May use everything below it: `cleaner.pipeline`, `cleaner.isolate`, `cleaner.near` and the core.
"""
