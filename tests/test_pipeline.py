"""clean() as a whole: options, the public API, the result shape, and marks that explain."""

from __future__ import annotations

import pickle
import subprocess
import sys
from typing import Any

import pytest

import cleaner
from cleaner import CleanerError, CleanOptions, ContentTypeError, Document, Kind, Reason, clean, to_result
from cleaner.document import Block

PAGE = "\n".join(
    [
        "The museum will reopen its east wing in June after a renovation that took three years and cost 12 million.",
        "You've reached your free article limit.",
        "Curators said the collection of medieval maps would be shown together for the first time since 1950.",
    ]
)


def test_public_api_is_curated() -> None:
    exported = set(cleaner.__all__)
    # The facade loads its names on first use: every one resolves, and nothing else is public.
    public = {name for name in dir(cleaner) if not name.startswith("_")}
    assert exported == public
    assert all(getattr(cleaner, name) is not None for name in exported)
    # Moving modules between wings never changes what users import.
    assert exported == {
        "DEFAULT_OPTIONS", "FORMATS", "STEPS", "BinaryInputError", "Block", "CleanOptions",
        "CleanTimeoutError", "CleanerError", "ContentTypeError", "DeadlinePool", "DecodeError", "Document",
        "EmptyInputError", "InputError", "InputTooLargeError", "Kind", "MemoryLimitError", "Metadata",
        "Reason", "TooManyBlocksError", "UnknownFormatError", "WorkerDiedError", "WorkerError", "clean", "to_result",
    }  # fmt: skip
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        cleaner.nothing  # noqa: B018


def test_importing_the_package_loads_no_parser() -> None:
    """`import cleaner` (as `article-cleaner --help` does) loads none of the heavy dependencies."""
    code = (
        "import sys, cleaner; print(sorted(m for m in ('trafilatura', 'numpy', 'lxml') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((None,), {}, "content must be bytes or str (the page), not NoneType"),
        ((42,), {}, "content must be bytes or str (the page), not int"),
        ((["a page"],), {}, "content must be bytes or str (the page), not list"),
        (("a page", "text"), {}, "options must be a CleanOptions, not str"),
        (("a page",), {"url": 3}, "url must be a str or None, not int"),
        (("a page",), {"charset": b"utf-8"}, "charset must be a str or None, not bytes"),
    ],
)
def test_wrong_types_get_a_clear_error(args: tuple[Any, ...], kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ContentTypeError) as caught:
        clean(*args, **kwargs)
    assert str(caught.value) == message
    # Both a TypeError (Python's convention) and a CleanerError (what every face catches).
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, CleanerError)
    assert pickle.loads(pickle.dumps(caught.value)).args == caught.value.args


def test_bytes_like_content_is_taken() -> None:
    assert (
        clean(bytearray(PAGE.encode())).text()
        == clean(memoryview(PAGE.encode())).text()
        == clean(PAGE).text()
    )


def test_clean_marks_instead_of_deleting() -> None:
    document = clean(PAGE, CleanOptions(format="text"))
    assert len(document.blocks) == 3
    prompt = document.blocks[1]
    assert (prompt.removed, prompt.rule) == (Reason.PAYWALL, "free_article_limit")
    assert prompt.why
    assert document.text() == "\n".join(PAGE.split("\n")[::2])
    assert document.removed_counts() == {"paywall": 1}


def test_bytes_and_str_give_the_same_result() -> None:
    assert clean(PAGE.encode()).text() == clean(PAGE).text()


def test_url_is_kept_in_metadata() -> None:
    assert clean(PAGE, url="https://example.org/a").metadata.url == "https://example.org/a"


def test_result_shape_with_and_without_explain() -> None:
    document = clean(PAGE, CleanOptions(format="text"))
    result = to_result(document)
    assert set(result) == {
        "page_type",
        "text",
        "title",
        "author",
        "date",
        "url",
        "sitename",
        "language",
        "paywalled",
        "format",
        "chars_in",
        "chars_out",
        "removed",
    }
    assert result["chars_out"] == len(result["text"]) and result["chars_in"] == len(PAGE)
    blocks = to_result(document, explain=True)["blocks"]
    assert [b["removed"] for b in blocks] == [None, "paywall", None]
    assert blocks[1] == {
        "index": 1,
        "text": "You've reached your free article limit.",
        "kind": "paragraph",
        "removed": "paywall",
        "rule": "free_article_limit",
        "why": blocks[1]["why"],
        "duplicate_of": None,
        "similarity": None,
        "article_probability": blocks[1]["article_probability"],
    }
    # Every block of a text is scored by the classifier: a probability, not a mark, for kept blocks.
    assert all(isinstance(b["article_probability"], float) for b in blocks)


def test_first_mark_wins() -> None:
    block = Block(index=0, text="x")
    block.mark(Reason.PAYWALL, "a", "first")
    block.mark(Reason.DUPLICATE, "b", "second")
    assert (block.removed, block.rule, block.why) == (Reason.PAYWALL, "a", "first")


def test_fragment_glues_to_a_kept_block_only() -> None:
    blocks = [
        Block(0, "Photo of the meeting"),
        Block(1, "pic.twitter.com/x", Kind.FRAGMENT),
        Block(2, "Next."),
    ]
    assert Document(blocks, "text").text() == "Photo of the meeting pic.twitter.com/x\nNext."
    blocks[0].mark(Reason.DUPLICATE, "r", "w")
    assert Document(blocks, "text").text() == "pic.twitter.com/x\nNext."


def test_reasons_option_turns_rule_families_off() -> None:
    options = CleanOptions(format="text", reasons=frozenset({Reason.DUPLICATE}))
    assert clean(PAGE, options).text() == PAGE


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"format": "pdf"}, cleaner.UnknownFormatError),
        ({"max_bytes": 0}, ValueError),
        ({"duplicate_threshold": 0}, ValueError),
        ({"num_perm": 4}, ValueError),
    ],
)
def test_options_are_validated(kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        CleanOptions(**kwargs)  # type: ignore[arg-type]


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(cleaner.InputError):
        CleanOptions().with_format("docx")


def test_options_are_shared_safely() -> None:
    assert CleanOptions().with_format(None) == CleanOptions()
    with pytest.raises(AttributeError):
        CleanOptions().format = "html"  # type: ignore[misc]
