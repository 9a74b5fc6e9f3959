"""Choices of a directory run that live with heavy modules (the engines, the --dedup plan), kept in
a module that loads nothing: the command line's parser reads them for `--help`."""

from __future__ import annotations

from typing import Literal, get_args

EngineName = Literal["local", "dask"]
ENGINES: tuple[str, ...] = get_args(EngineName)
# Of a cluster of near-duplicate articles, write the longest only, or all of them.
Keep = Literal["longest", "all"]
KEEP_CHOICES: tuple[Keep, ...] = get_args(Keep)
DUPLICATES_NAME = "duplicates.jsonl"
