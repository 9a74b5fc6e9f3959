"""Bytes to text: charsets, BOMs, gzip limits, binary refusal, html-or-text sniffing."""

from __future__ import annotations

import codecs
import contextlib
import gzip

import pytest

from cleaner.errors import BinaryInputError, CleanerError, DecodeError, EmptyInputError, InputTooLargeError
from cleaner.read.decode import decode, gunzip, sniff_format, text_encoding

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


def _registry_names() -> list[str]:
    """Every name Python's codec registry answers to: its modules and all their aliases."""
    import encodings
    import encodings.aliases
    import pkgutil

    modules = {module.name for module in pkgutil.iter_modules(encodings.__path__)} - {"aliases"}
    return sorted(modules | set(encodings.aliases.aliases))


# Byte transforms and codecs that are not character sets, under the spellings people use.
NOT_CHARSETS = [
    "hex", "hex_codec", "rot13", "rot_13", "ROT-13", "base64", "base_64", "base64_codec", "zlib", "zip",
    "bz2", "uu", "uu_codec", "quopri", "quoted-printable", "idna", "IDNA", "punycode", "undefined",
    "unicode_escape", "raw_unicode_escape", "unicode-escape",
]  # fmt: skip
# Latin-1 bytes that are not UTF-8 (so a declared charset is consulted), with plain words around.
LATIN1_PAGE = "Le café de la gare a rouvert lundi, a dit le maire devant les habitants réunis. ".encode(
    "latin-1"
)


@pytest.mark.parametrize("label", NOT_CHARSETS)
def test_a_label_naming_no_charset_is_ignored(label: str) -> None:
    assert text_encoding(label) is None
    for raw, charset in (
        (LATIN1_PAGE, label),
        (b'<meta charset="' + label.encode() + b'">' + LATIN1_PAGE, None),
    ):
        assert "a rouvert lundi" in decode(raw, LIMIT, charset)


@pytest.mark.parametrize("label", _registry_names())
def test_every_label_of_the_registry_decodes_or_falls_back(label: str) -> None:
    """Whatever codec a label names, decoding gives text (a declared charset or detection), never an
    exception that is not the library's own."""
    for raw in (LATIN1_PAGE, b"\xff\xfe\x00 caf\xe9 =41 \\x41 \\N{bad} +AGE- xn--" * 8):
        for charset, page in ((label, raw), (None, b'<meta charset="' + label.encode() + b'">' + raw)):
            # A refusal (binary, undecodable) is the library's own error, which the service makes a 4xx.
            with contextlib.suppress(CleanerError):
                assert isinstance(decode(page, LIMIT, charset), str)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("utf-8", "utf-8"), ("UTF8", "utf-8"), ("latin1", "iso8859-1"), ("Windows-1252", "cp1252"),
        ("shift_jis", "shift_jis"), ("koi8-r", "koi8-r"), ("utf-7", "utf-7"), ("", None), (None, None),
        ("x" * 200, None), ("no-such-charset", None), ("utf\x008", None),
    ],
)  # fmt: skip
def test_text_encoding_of_real_charsets(label: str | None, expected: str | None) -> None:
    assert text_encoding(label) == expected
