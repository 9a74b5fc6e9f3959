"""Building blocks of the phrase rules: the rule type, pattern fragments shared by several
families, and the form of the text that rules match against."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import re2

from cleaner.document import Reason
from cleaner.mark.rules.prefilter import SEPARATOR, most_selective, required_literals


@dataclass(frozen=True)
class PhraseRule:
    """One kind of prompt: every pattern must match a block of at most max_words words."""

    name: str
    reason: Reason
    patterns: tuple[re.Pattern[str], ...]
    max_words: int
    # What the block is, for the people reading the explanation (the API's and playground's `why`).
    why: str
    # For rule authors: what the rule targets and which article sentences it must leave alone.
    note: str = ""
    # Lowercase strings one of which the text must contain for the rule to match (None: unknown).
    needs: frozenset[str] | None = None


def rule(name: str, reason: Reason, max_words: int, why: str, *patterns: str, note: str) -> PhraseRule:
    """A PhraseRule with its patterns compiled case-insensitively. `why` is the short reason users
    see; `note` keeps the author's reasoning and counter-examples in the code."""
    compiled = tuple(re.compile(p, re.IGNORECASE | re.UNICODE) for p in patterns)
    needs = most_selective([required_literals(pattern) for pattern in compiled])
    return PhraseRule(name, reason, compiled, max_words, why, note, needs)


# A site or brand name: one to four words, e.g. "WIRED", "The Daily Planet".
SITE = r"(?:[\w&.'-]{1,40} ){1,4}"
# Verbs that ask the reader to pay, register or log in.
ACCOUNT = (
    r"(?:subscrib\w{0,12}+|sign(?:ing|ed)? ?(?:in|up)|log(?:ged|ging)? ?(?:in|on)|login|register(?:ed)?"
    r"|create (?:a |an |your )?(?:free )?account|become a (?:paid )?(?:member|subscriber))"
)
# Where a prompt's imperative stands: the start of the block or of one of its sentences (a box's
# heading, button and small print often arrive glued into one block).
CLAUSE_START = r"(?:^|[.!?:;|•—–])\W{0,8}+(?:please\s{1,4})?"
# A prompt's opening imperative. Prose sentences about subscriptions are in the third person
# ("readers who subscribe ...", "users had to register ..."), so they never open with one of these.
IMPERATIVE = (
    CLAUSE_START + r"(?:subscribe|sign|log|register|create|join|become|get|gain|start|try|claim|enjoy"
    r"|unlock|click|tap|accept|allow|support|donate|upgrade|continue|keep|read|activate|begin|stay"
    r"|never miss|don't miss)\b"
)
# A prompt speaks to the reader: second person, "please", or an imperative opening a clause.
TO_READER = r"\b(?:you|your|yours|yourself|please)\b|" + IMPERATIVE
# An account order after a comma: "To keep reading this article, log in or create an account".
THEN_ACCOUNT = r",\s{0,4}(?:please\s{1,4})?" + ACCOUNT

_GLUED_CAPS = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z])")
_GLUED_SENTENCE = re.compile(r"(?<=[a-z][.?!])(?=[A-Z])")
# Where either of them could split a word (the same ASCII classes, run by RE2 over a whole page):
# most pages have no such place, and most blocks of the others none either.
_GLUED = re2.compile(r"[A-Z]{3}[a-z]|[a-z][.?!][A-Z]")
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "))


def match_form(text: str) -> str:
    """The text rules match against: quotes straightened, glued words ("FREEAlready") split."""
    return _unglued(_straightened(text))


def match_forms(texts: Sequence[str]) -> list[str]:
    """match_form of each text, straightening a page's quotes at once and looking for glued words
    only in the blocks where RE2 finds a place for one."""
    joined = SEPARATOR.join(texts)
    if joined.count(SEPARATOR) != len(texts) - 1:  # a text holds the separator: one by one
        return [match_form(text) for text in texts]
    straight = _straightened(joined)
    forms = straight.split(SEPARATOR) if texts else []
    places = [found.start() for found in _GLUED.finditer(straight)]
    if places:
        # A match never spans the separator, and the first in each block is found: unglue those.
        ends = list(accumulate(len(form) + 1 for form in forms))
        for number in {bisect_right(ends, place) for place in places}:
            forms[number] = _unglued(forms[number])
    return forms


def _straightened(text: str) -> str:
    if text.isascii():
        return text
    for curly, straight in _QUOTES:
        text = text.replace(curly, straight)
    return text


def _unglued(text: str) -> str:
    return _GLUED_SENTENCE.sub(" ", _GLUED_CAPS.sub(" ", text))
