"""JSON Lines documents, the format corpus pipelines exchange: parsing an input line, writing a result.

An input line is one object `{"id": "...", "content": "...", "url": "..."}` (`url` optional; an
integer id is taken as its decimal string). Anything else is a `MalformedLineError`, which the batch
turns into an error record for that line: a bad line never stops a batch and is never dropped
silently. The message says what is wrong, never what the line holds (documents are not echoed).

>>> parse_line(b'{"id": "a-1", "content": "<p>Hello</p>", "url": "https://example.com/a"}')
('a-1', '<p>Hello</p>', 'https://example.com/a')
>>> parse_line(b'{"id": 7, "content": "plain text"}')
('7', 'plain text', None)
"""

from __future__ import annotations

import json
from typing import Any

from cleaner.errors import MalformedLineError
from cleaner.read.decode import has_lone_surrogate

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def is_jsonl(name: str) -> bool:
    """Whether a file name says JSON Lines (`.jsonl`, or gzip'd `.jsonl.gz`)."""
    return name.lower().endswith(JSONL_SUFFIXES)


def parse_line(raw: bytes) -> tuple[str, str, str | None]:
    """(id, content, url) of one input line; `MalformedLineError` says what is wrong with it."""
    try:
        value = json.loads(raw)
    except ValueError as exc:  # UnicodeDecodeError is a ValueError too
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8 text"
        raise MalformedLineError(f"not a JSON line ({reason})") from None
    if not isinstance(value, dict):
        raise MalformedLineError(f"a JSON {type(value).__name__}, not an object with id and content")
    identifier, content, url = value.get("id"), value.get("content"), value.get("url")
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        identifier = str(identifier)
    if not isinstance(identifier, str) or not identifier:
        raise MalformedLineError('no "id" (a non-empty string or an integer)')
    if not isinstance(content, str):
        raise MalformedLineError(f'document {identifier!r} has no "content" string')
    if url is not None and not isinstance(url, str):
        raise MalformedLineError(f'document {identifier!r} has a "url" that is not a string')
    for name, text in (("id", identifier), ("url", url)):
        if text is not None and has_lone_surrogate(text):
            # "\ud800" is valid JSON but no Unicode text: the report and the output could not hold it.
            raise MalformedLineError(
                f'the "{name}" holds a lone surrogate (\\ud800-\\udfff): not Unicode text'
            )
    return identifier, content, url


def result_line(identifier: str, result: dict[str, Any]) -> str:
    """One output line: the document's id, then its result (text, metadata, removed counts)."""
    return json.dumps({"id": identifier, **result}, ensure_ascii=False) + "\n"
