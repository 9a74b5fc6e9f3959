"""article-cleaner: turn raw scraped pages (HTML or text) into clean article text, explaining every removal."""

from cleaner.document import Block, Document, Kind, Metadata, Reason
from cleaner.errors import (
    BinaryInputError,
    CleanerError,
    CleanTimeoutError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MemoryLimitError,
    UnknownFormatError,
    WorkerDiedError,
    WorkerError,
)
from cleaner.isolate.deadline import DeadlinePool
from cleaner.options import DEFAULT_OPTIONS, FORMATS, CleanOptions
from cleaner.pipeline import STEPS, clean
from cleaner.result import to_result

__all__ = [
    "DEFAULT_OPTIONS",
    "FORMATS",
    "STEPS",
    "BinaryInputError",
    "Block",
    "CleanOptions",
    "CleanTimeoutError",
    "CleanerError",
    "DeadlinePool",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "Kind",
    "MemoryLimitError",
    "Metadata",
    "Reason",
    "UnknownFormatError",
    "WorkerDiedError",
    "WorkerError",
    "clean",
    "to_result",
]
