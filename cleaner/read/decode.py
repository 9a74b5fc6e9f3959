"""Bytes to text: gzip (bounded), binary refusal, charset choice, and html-or-text sniffing."""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Any

import charset_normalizer
import re2

from cleaner.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
)

_GZIP_MAGIC = b"\x1f\x8b"

# Signatures of common binary files people point a text cleaner at by mistake.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or docx/xlsx/epub)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Text codecs of Python's registry that are not character sets a page can be written in: each
# either fails on ordinary bytes even with errors="replace" or reads escapes, not characters.
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"})
# Longer labels are not charset names (the longest real ones are about 20 characters).
_MAX_LABEL_CHARS = 40


def _linear_bytes(pattern: bytes) -> Any:
    """A bytes pattern compiled by RE2 (linear time whatever the input), byte for byte, ignoring case."""
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    options.case_sensitive = False
    return re2.compile(pattern, options)


# RE2: "<meta<meta<meta..." with no ">" made the backtracking engine rescan the rest of the head from
# every "<meta". RE2's \s lacks \v, so the whitespace class is spelled out as Python's bytes \s.
_META_CHARSET = _linear_bytes(
    rb"""<meta[^>]+charset[ \t\n\r\f\v]*=[ \t\n\r\f\v]*["']?[ \t\n\r\f\v]*([A-Za-z0-9._:-]+)"""
)
# C0 controls other than tab, newline and carriage return: never part of an article.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Lone UTF-16 surrogates: a str from JSON may carry them ("\\ud800"); no UTF-8 output can hold them.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Share of control characters above which decoded "text" is really binary.
_MAX_CONTROL_SHARE = 0.05
# ...and at least this many: a stray NUL or bell in a short text is noise, not binary.
_MIN_BINARY_CONTROLS = 8

# A comment ends at its first "-->" and is never re-read (an atomic group): with backtracking allowed, a run
# of empty comments before junk ("<!----><!---->...x") had every way of pairing them tried.
_HTML_START = re.compile(
    r"\A\s*+(?:<\?xml[^>]*+>\s*+)?(?>(?:<!--.*?-->\s*+)*)"
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|article|main|section|p|span|table|header|nav|script|style|link)\b",
    re.I | re.S,
)
_HTML_CLOSING_TAG = re.compile(
    r"</(?:p|div|span|a|li|ul|ol|td|tr|table|body|html|head|article|section|h[1-6]|b|i|em|strong|title|script)\s*>",
    re.I,
)
# Closing tags that make a body without a telling start count as HTML: more than a mention.
_MIN_CLOSING_TAGS = 3


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data (all members), refusing to inflate past max_bytes (a bomb stops early)."""
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise DecodeError(f"broken gzip data: {exc}") from exc
        if len(out) > max_bytes or inflater.unconsumed_tail:
            raise InputTooLargeError(None, max_bytes, "decompressed input")
        if not inflater.eof:
            raise DecodeError("broken gzip data: the stream is truncated")
        data = inflater.unused_data
    return bytes(out)


def decode(data: bytes, max_bytes: int, charset: str | None = None) -> str:
    """Turn raw bytes into text: bounded gunzip, binary check, then BOM > UTF-8 > declared > detected."""
    if len(data) > max_bytes:
        raise InputTooLargeError(len(data), max_bytes)
    if data[:2] == _GZIP_MAGIC:
        data = gunzip(data, max_bytes)
    if not data.strip():
        raise EmptyInputError("the input is empty")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"the input looks like {what}, not HTML or text")
    text = _decode_text(data, charset)
    return normalize_text(text)


def normalize_text(text: str) -> str:
    """Drop control characters and lone surrogates, refusing text that is mostly control characters
    (binary)."""
    controls = len(_CONTROL_CHARS.findall(text[:65536]))
    if controls > _MIN_BINARY_CONTROLS and controls > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise BinaryInputError("the input is binary data, not HTML or text")
    if controls:
        text = _CONTROL_CHARS.sub(lambda m: "" if m.group() == "\x00" else " ", text)
    if not text.isascii() and has_lone_surrogate(text):
        text = _SURROGATES.sub("\ufffd", text)
    if not text.strip():
        raise EmptyInputError("the input has no text")
    return text


def has_lone_surrogate(text: str) -> bool:
    """Whether the text holds a lone surrogate (U+D800 to U+DFFF, which JSON's "\\ud800" can carry):
    exactly what strict UTF-8 refuses to encode (and encoding costs half of a regular expression's
    scan). Such text cannot be written as UTF-8, echoed in an answer or logged."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _decode_text(data: bytes, charset: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        # Valid UTF-8 wins over a declared single-byte charset: mislabelled pages are common and
        # multi-byte UTF-8 sequences almost never occur by accident in other encodings.
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for declared in (charset, _meta_charset(data)):
        named = text_encoding(declared)
        # A page declared UTF-8 that is not valid UTF-8 is mislabelled: detection reads it better
        # than replacement characters would.
        if named is None or named == "utf-8":
            continue
        try:
            return data.decode(named, errors="replace")
        except (UnicodeError, LookupError, ValueError):
            continue  # a codec that fails even with replacement: the label did not fit these bytes
    if b"\x00" in data[:4096]:
        raise BinaryInputError("the input contains NUL bytes and no text encoding fits it")
    match = charset_normalizer.from_bytes(data[:262144]).best()
    if match is None or match.encoding is None:
        raise DecodeError("the input is not text in any character set we can detect")
    return data.decode(match.encoding, errors="replace")


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def text_encoding(label: str | None) -> str | None:
    """The codec a charset label names, when it is a character set; None for anything else.

    Python's codecs registry also answers to names of byte transforms (hex, base64, zlib, bz2, uu,
    quopri, rot13), of codecs that are not character sets (idna, punycode, unicode_escape,
    undefined), and to names no web page means as a charset. A label is data from the page or the
    client, so only character sets are honoured; anything else is ignored and detection decides.
    """
    if not label or len(label) > _MAX_LABEL_CHARS:
        return None
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def sniff_format(text: str) -> str:
    """'html' when the text is markup, else 'text'. Looks at the start, then counts closing tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    closing = _HTML_CLOSING_TAG.findall(text[:65536])
    return "html" if len(closing) >= _MIN_CLOSING_TAGS else "text"
