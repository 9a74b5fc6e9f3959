"""Imported by the deadline pool's fork server (`cleaner.isolate.deadline`), never by anyone else.

Importing it loads the library and cleans the sample pages once, in the fork server itself, so every
child forked from it starts with trafilatura's models loaded and the rule patterns compiled: a new
or replacement child is ready in milliseconds instead of half a second.
"""

import gc

from cleaner.isolate.deadline import warm_up

warm_up()
# Everything loaded so far lives as long as the fork server: out of the collector's sight, the
# children's collections never walk (and so never copy-on-write) the pages they share with it.
gc.freeze()
