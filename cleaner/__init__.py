"""article-cleaner: turn raw scraped pages (HTML or text) into clean article text, explaining every removal.

The names below load on first use (PEP 562): `import cleaner` alone, as `article-cleaner --help`
does, costs no parser, model or trafilatura.
"""

import typing as _typing
from importlib import import_module as _import_module

from cleaner.version import __version__ as __version__

if _typing.TYPE_CHECKING:
    from cleaner.document import Block, Document, Kind, Metadata, Reason
    from cleaner.errors import (
        BinaryInputError,
        CleanerError,
        CleanTimeoutError,
        ContentTypeError,
        DecodeError,
        EmptyInputError,
        InputError,
        InputTooLargeError,
        MemoryLimitError,
        TooManyBlocksError,
        UnknownFormatError,
        WorkerDiedError,
        WorkerError,
    )
    from cleaner.isolate.deadline import DeadlinePool
    from cleaner.options import DEFAULT_OPTIONS, FORMATS, CleanOptions
    from cleaner.pipeline import STEPS, clean
    from cleaner.result import to_result

# Each public name, and the module that defines it.
_EXPORTS = {
    "cleaner.document": ("Block", "Document", "Kind", "Metadata", "Reason"),
    "cleaner.errors": (
        "BinaryInputError",
        "CleanerError",
        "CleanTimeoutError",
        "ContentTypeError",
        "DecodeError",
        "EmptyInputError",
        "InputError",
        "InputTooLargeError",
        "MemoryLimitError",
        "TooManyBlocksError",
        "UnknownFormatError",
        "WorkerDiedError",
        "WorkerError",
    ),
    "cleaner.isolate.deadline": ("DeadlinePool",),
    "cleaner.options": ("DEFAULT_OPTIONS", "FORMATS", "CleanOptions"),
    "cleaner.pipeline": ("STEPS", "clean"),
    "cleaner.result": ("to_result",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "DEFAULT_OPTIONS",
    "FORMATS",
    "STEPS",
    "BinaryInputError",
    "Block",
    "CleanOptions",
    "CleanTimeoutError",
    "CleanerError",
    "ContentTypeError",
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
    "TooManyBlocksError",
    "UnknownFormatError",
    "WorkerDiedError",
    "WorkerError",
    "clean",
    "to_result",
]


def __getattr__(name: str) -> _typing.Any:
    """Load a public name from its module on first use, then keep it here."""
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(_import_module(_MODULE_OF[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names (loaded or not) and the version; not the wings, which are no API."""
    return [*__all__, "__version__"]
