"""Words, for scripts written with spaces and without.

Counting words by whitespace makes a Japanese or Chinese paragraph one "word", and a Thai one a
handful: every word cap and every shape feature then takes a whole article paragraph for a menu
item. Here a Han or Kana character counts as a word (a word of those languages is one to two
characters, and the characters carry what words carry elsewhere: particles are the function
words), and a run of Thai, Lao, Khmer or Myanmar letters counts one word per four characters (their
typical word length). Text in other scripts is counted exactly as before, by whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Han (with extensions and compatibility forms), Hiragana, Katakana (and half-width forms).
_HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# Thai, Lao, Myanmar, Khmer: alphabets written without spaces between words.
_UNSPACED_ALPHABETS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
# The Indic scripts (Devanagari to Sinhala): written with spaces, but their vowel signs are not word
# characters to Python's `\w`, which would cut "में" after its first letter; the whole block counts.
_INDIC = "\u0900-\u0dff"
UNSPACED_WORD_LETTERS = 4

# One word of an unspaced script: a Han or Kana character, or up to four letters of an alphabet.
_UNSPACED_WORD = f"[{_HAN_KANA}]|[{_UNSPACED_ALPHABETS}]{{1,{UNSPACED_WORD_LETTERS}}}"
_UNSPACED_UNIT = re.compile(_UNSPACED_WORD)
# A token (letters or digits) and a word (letters only): one word of an unspaced script, or a run of
# any other word characters (Indic vowel signs included). Outside those scripts they are `\w+` and
# `[^\W\d_]+`.
_OTHER = f"{_HAN_KANA}{_UNSPACED_ALPHABETS}{_INDIC}"
TOKEN = re.compile(f"{_UNSPACED_WORD}|(?:[^\\W{_OTHER}]|[{_INDIC}])+")
WORD = re.compile(f"{_UNSPACED_WORD}|(?:[^\\W\\d_{_OTHER}]|[{_INDIC}])+")
# Full-width sentence ends (Chinese, Japanese) and the Thai/Myanmar/Khmer ones, beside [.!?].
SENTENCE_MARKS = "。！？｡।॥။៕"


_WORD_CHARACTER = re.compile(r"\w")


# A page's blocks are counted by several steps (phrase rules, prose tests, comment threads): the count
# of each text is kept for the blocks of a page or two.
@lru_cache(maxsize=4096)
def word_count(text: str) -> int:
    """Whitespace-separated tokens, where each unit of a script without spaces is a word of its own (and
    the punctuation between them, "。", is not)."""
    if text.isascii() or not _UNSPACED_UNIT.search(text):
        return len(text.split())
    units = len(_UNSPACED_UNIT.findall(text))
    rest = _UNSPACED_UNIT.sub(" ", text).split()
    return units + sum(1 for token in rest if _WORD_CHARACTER.search(token))


def in_han_kana(char: str) -> bool:
    """A Han or Kana character: a word of its own."""
    return _HAN_KANA_CHARACTER.match(char) is not None


def in_unspaced_alphabet(char: str) -> bool:
    """A letter (or mark) of Thai, Lao, Myanmar or Khmer."""
    return _UNSPACED_CHARACTER.match(char) is not None


_HAN_KANA_CHARACTER = re.compile(f"[{_HAN_KANA}]")
_UNSPACED_CHARACTER = re.compile(f"[{_UNSPACED_ALPHABETS}]")
