"""The library's exceptions: everything `clean()` raises on bad input is a `CleanerError`.

CleanerError                 base class; `code` is a stable machine-readable name
└── InputError               the input cannot be cleaned as given (the caller's fault)
    ├── EmptyInputError      nothing but whitespace
    ├── InputTooLargeError   over the size limit (before or after gzip decompression)
    ├── DecodeError          bytes that are not text in any charset we can detect
    ├── BinaryInputError     an image, PDF, archive or other non-text file
    ├── UnknownFormatError   a format other than auto, html or text
    ├── MalformedLineError   a JSON Lines input line that is not a `{"id", "content", "url"?}` object
    └── InvalidCollectionNameError  a collection name that is not 1-64 letters, digits, _ . -
CollectionError              a near-duplicate collection cannot take the document
├── IdConflictError          the id is already in the collection, with a different article
├── CollectionMismatchError  the collection was built with other index parameters
└── StoreUnavailableError    the collection's store (Redis) does not answer
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error the library raises on purpose."""

    code = "cleaner_error"


class InputError(CleanerError, ValueError):
    """The input cannot be cleaned as given."""

    code = "invalid_input"


class EmptyInputError(InputError):
    code = "empty_input"


class InputTooLargeError(InputError):
    code = "input_too_large"

    def __init__(self, size: int | None, limit: int, what: str = "input") -> None:
        amount = f"is {size} bytes" if size is not None else "is"
        super().__init__(f"{what} {amount}, over the limit of {limit} bytes")
        self.size = size
        self.limit = limit


class DecodeError(InputError):
    code = "undecodable_input"


class BinaryInputError(InputError):
    code = "binary_input"


class UnknownFormatError(InputError):
    code = "unknown_format"


class MalformedLineError(InputError):
    code = "malformed_line"


class InvalidCollectionNameError(InputError):
    code = "invalid_collection"


class CollectionError(CleanerError):
    """A near-duplicate collection cannot take the document."""

    code = "collection_error"


class IdConflictError(CollectionError):
    code = "id_conflict"


class CollectionMismatchError(CollectionError):
    code = "collection_mismatch"


class StoreUnavailableError(CollectionError):
    code = "store_unavailable"
