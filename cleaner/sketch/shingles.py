"""Text keys shared by every scale of deduplication: normalised words, word shingles, fingerprints.

Normalisation folds what a re-capture changes without changing the text: Unicode compatibility
forms (curly quotes, full-width letters), case, punctuation and whitespace.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)

# Fewer words than this repeat naturally (refrain labels, "Q:", "Advertisement"): never compared,
# neither inside a page nor across a site's pages.
EXACT_MIN_WORDS = 4
# Interview turns: a question may be asked twice, and a "Q:" label recurs on every interview of a
# site, so labelled turns are never copies.
DIALOGUE_TURN = re.compile(
    r"^\s*(?:Q\d{0,2}|A\d{0,2}|Question|Answer|Interviewer|Frage|Antwort|Pregunta|Respuesta)\s*[:.]\s",
    re.IGNORECASE,
)


def normalized_words(text: str) -> list[str]:
    """Words for comparison: Unicode-folded (curly quotes, widths), lowercased."""
    return _WORD.findall(_folded(text))


def _folded(text: str) -> str:
    if text.isascii():  # the common case, where folding is only lowercasing
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def shingles(words: list[str], size: int) -> list[bytes]:
    """Distinct word n-grams as bytes (datasketch hashes bytes); a short text is one shingle."""
    if len(words) <= size:
        return [" ".join(words).encode()] if words else []
    grams = zip(*(words[i:] for i in range(size)), strict=False)  # the n-grams at each start
    return list(dict.fromkeys(map(str.encode, map(" ".join, grams))))


def fingerprint(words: list[str]) -> str:
    """A short stable key of a normalised text (16 hex digits), the same in every process and run."""
    return hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()
