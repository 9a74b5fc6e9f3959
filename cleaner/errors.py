"""The library's exceptions: everything `clean()` raises on bad input is a `CleanerError`.

CleanerError                 base class; `code` is a stable machine-readable name
└── InputError               the input cannot be cleaned as given (the caller's fault)
    ├── EmptyInputError      nothing but whitespace
    ├── InputTooLargeError   over the size limit (before or after gzip decompression)
    ├── TooManyBlocksError   more blocks (paragraphs, lines) than a page may have
    ├── DecodeError          bytes that are not text in any charset we can detect
    ├── BinaryInputError     an image, PDF, archive or other non-text file
    ├── UnknownFormatError   a format other than auto, html or text
    ├── MalformedLineError   a JSON Lines input line that is not a `{"id", "content", "url"?}` object
    └── InvalidCollectionNameError  a collection name that is not 1-64 letters, digits, _ . -
ContentTypeError             an argument of the wrong type (`clean(None)`); also a TypeError
CollectionError              a near-duplicate collection cannot take the document
├── IdConflictError          the id is already in the collection, with a different article
├── CollectionMismatchError  the collection was built with other index parameters
├── StoreUnavailableError    the collection's store (Redis) does not answer
└── CollectionFullError      the collection (or all of them) holds as many articles as allowed
WorkerError                  the child process cleaning the page did not answer (cleaner.isolate.deadline)
├── CleanTimeoutError        over the time limit: the child was stopped and replaced
├── BudgetExceededError      the request's time budget ran out before (or while) cleaning this page
├── MemoryLimitError         over the memory limit: the child gave up the page and was replaced
└── WorkerDiedError          the child died (a crash in native code, or killed from outside)

Every error survives pickling (the batch cleaner and the deadline pool carry them across processes).
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
        self.size, self.limit, self._what = size, limit, what

    def __reduce__(self) -> tuple[type[InputTooLargeError], tuple[int | None, int, str]]:
        return type(self), (self.size, self.limit, self._what)


class TooManyBlocksError(InputError):
    """The page splits into more blocks than `CleanOptions.max_blocks`: refused before any step runs."""

    code = "too_many_blocks"

    def __init__(self, blocks: int, limit: int) -> None:
        super().__init__(f"the page has {blocks} blocks (paragraphs or lines), over the limit of {limit}")
        self.blocks, self.limit = blocks, limit

    def __reduce__(self) -> tuple[type[TooManyBlocksError], tuple[int, int]]:
        return type(self), (self.blocks, self.limit)


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


class ContentTypeError(CleanerError, TypeError):
    """An argument of the wrong type, said at the door rather than as a bare TypeError from deep inside."""

    code = "invalid_argument"

    def __init__(self, what: str, expected: str, got: str) -> None:
        super().__init__(f"{what} must be {expected}, not {got}")
        self.what, self.expected, self.got = what, expected, got

    def __reduce__(self) -> tuple[type[ContentTypeError], tuple[str, str, str]]:
        return type(self), (self.what, self.expected, self.got)


class CollectionError(CleanerError):
    """A near-duplicate collection cannot take the document."""

    code = "collection_error"


class IdConflictError(CollectionError):
    code = "id_conflict"


class CollectionMismatchError(CollectionError):
    code = "collection_mismatch"


class StoreUnavailableError(CollectionError):
    code = "store_unavailable"


class CollectionFullError(CollectionError):
    """The collection, or all collections of the store together, hold the most articles allowed."""

    code = "collection_full"


class WorkerError(CleanerError):
    """The child process that was cleaning the page did not answer."""

    code = "worker_error"


class CleanTimeoutError(WorkerError):
    """Cleaning one page took longer than the time limit; the child doing it was replaced."""

    code = "timeout"

    def __init__(self, limit: float) -> None:
        super().__init__(f"cleaning this page took longer than the time limit of {limit:g} s")
        self.limit = limit

    def __reduce__(self) -> tuple[type[CleanTimeoutError], tuple[float]]:
        return type(self), (self.limit,)


class MemoryLimitError(WorkerError):
    """Cleaning one page needed more memory than the child may take; the child was replaced."""

    code = "memory_limit"

    def __init__(self, limit: int) -> None:
        super().__init__(f"cleaning this page needed more than the memory limit of {limit >> 20} MiB")
        self.limit = limit

    def __reduce__(self) -> tuple[type[MemoryLimitError], tuple[int]]:
        return type(self), (self.limit,)


class BudgetExceededError(WorkerError):
    """The time budget of the call's request ran out: the page was not cleaned (or was stopped)."""

    code = "time_budget"

    def __init__(self, budget: float) -> None:
        super().__init__(f"the request's time budget of {budget:g} s ran out before this page was cleaned")
        self.budget = budget

    def __reduce__(self) -> tuple[type[BudgetExceededError], tuple[float]]:
        return type(self), (self.budget,)


class WorkerDiedError(WorkerError):
    """The child process died while cleaning the page (a crash in native code, the OOM killer, a kill)."""

    code = "worker_died"

    def __init__(self, exitcode: int | None = None, when: str = "while cleaning this page") -> None:
        how = f" (exit code {exitcode})" if exitcode is not None else ""
        super().__init__(f"the process cleaning pages died {when}{how}; it has been replaced")
        self.exitcode, self._when = exitcode, when

    def __reduce__(self) -> tuple[type[WorkerDiedError], tuple[int | None, str]]:
        return type(self), (self.exitcode, self._when)
