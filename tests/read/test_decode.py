"""Bytes to text: charsets, BOMs, gzip limits, binary refusal, html-or-text sniffing."""

from __future__ import annotations

import codecs
import gzip

import pytest

from cleaner.errors import BinaryInputError, DecodeError, EmptyInputError, InputTooLargeError
from cleaner.read.decode import decode, gunzip, sniff_format

LIMIT = 1024 * 1024
GERMAN = "Grüße aus Köln: die Straße war gesperrt, sagte die Polizei am Montag."


@pytest.mark.parametrize(
    ("raw", "charset", "expected"),
    [
        (GERMAN.encode("utf-8"), None, GERMAN),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), None, GERMAN),
        (GERMAN.encode("utf-16"), None, GERMAN),  # with its BOM
        (GERMAN.encode("latin-1"), "iso-8859-1", GERMAN),
        # Valid UTF-8 wins over a mislabelled single-byte charset.
        (GERMAN.encode("utf-8"), "iso-8859-1", GERMAN),
        (
            b'<meta charset="windows-1251"><p>' + "Привет, мир".encode("cp1251"),
            None,
            '<meta charset="windows-1251"><p>Привет, мир',
        ),
    ],
)
def test_decode_picks_the_right_charset(raw: bytes, charset: str | None, expected: str) -> None:
    assert decode(raw, LIMIT, charset) == expected


def test_decode_detects_an_undeclared_legacy_charset() -> None:
    text = "Der Bürgermeister eröffnete die Brücke über den Fluß, und die Bürger jubelten laut. " * 4
    assert decode(text.encode("cp1252"), LIMIT).startswith("Der Bürgermeister eröffnete")


def test_decode_ignores_an_unknown_declared_charset() -> None:
    assert decode(GERMAN.encode("utf-8"), LIMIT, "no-such-charset") == GERMAN


def test_gzip_is_inflated() -> None:
    assert decode(gzip.compress(GERMAN.encode()), LIMIT) == GERMAN


def test_gzip_bomb_stops_at_the_limit() -> None:
    bomb = gzip.compress(b"a" * (50 * LIMIT))
    assert len(bomb) < LIMIT
    with pytest.raises(InputTooLargeError, match="decompressed input"):
        decode(bomb, LIMIT)


def test_broken_gzip_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="gzip"):
        gunzip(gzip.compress(b"hello world" * 100)[:30], LIMIT)


def test_input_over_the_limit_is_refused() -> None:
    with pytest.raises(InputTooLargeError, match="over the limit"):
        decode(b"x" * (LIMIT + 1), LIMIT)


@pytest.mark.parametrize("raw", [b"", b"   \n\t ", b"\x00\x00\x00"])
def test_empty_input_is_refused(raw: bytes) -> None:
    with pytest.raises((EmptyInputError, BinaryInputError)):
        decode(raw, LIMIT)


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04" + bytes(100),
        b"\xff\xd8\xff\xe0" + bytes(100),
        bytes(range(256)) * 8,
    ],
)
def test_binary_input_is_refused(raw: bytes) -> None:
    with pytest.raises((BinaryInputError, DecodeError)):
        decode(raw, LIMIT)


def test_nul_and_control_characters_are_dropped() -> None:
    assert decode(b"Hello\x00 world\x07, again.", LIMIT) == "Hello world , again."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("  <html lang='en'><head><title>x</title></head></html>", "html"),
        ("<!-- saved by a crawler -->\n<div class='post'><p>Text</p></div>", "html"),
        ("Intro line\n<div><p>one</p><p>two</p><span>three</span></div>", "html"),
        ("Plain article text.\nSecond paragraph.", "text"),
        ("A tutorial sentence that mentions the </p> tag once.", "text"),
        ("Ünïcödé text with émojis 🎉 and no markup at all.", "text"),
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected
