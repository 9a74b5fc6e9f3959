"""`python -m cleaner.cli`: the console script, from a source tree."""

from cleaner.cli import run

run()
