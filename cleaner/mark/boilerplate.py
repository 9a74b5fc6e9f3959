"""Boilerplate marking: the phrase rules of `rules.py`, and the related-headlines sequence heuristic."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from cleaner.document import Block, Document, Kind, Reason
from cleaner.mark.rules import PHRASE_RULES, PhraseRule
from cleaner.mark.rules.base import match_forms
from cleaner.mark.rules.prefilter import LiteralIndex
from cleaner.options import CleanOptions
from cleaner.read.segment import LIST_MARKER, ends_sentence
from cleaner.read.words import word_count

# HTML: blocks the page model removed this close to the article are still read by the phrase rules,
# so that a paywall prompt under the article is explained as one (and sets `paywalled`).
NAMED_WITHIN_BLOCKS = 5


def mark_phrases(document: Document, options: CleanOptions) -> None:
    """Mark every kept block that one of the enabled phrase rules matches, and name what the
    blocks just around the article that the page model removed are (a paywall prompt, a promo)."""
    blocks = document.near_article(NAMED_WITHIN_BLOCKS)
    for block, rule in zip(
        blocks, rule_set(options.reasons).first_matches([b.text for b in blocks]), strict=True
    ):
        if rule is not None:
            block.name(rule.reason, rule.name, rule.why)


# Longest block the phrase rules look at, in characters. The longest word cap (60 words) is about 400
# characters of prose; a block of a few "words" and thousands of characters (a keyword and 100,000
# dots) is no prompt, and every rule's work on a block stays bounded whatever its patterns.
MAX_RULE_CHARS = 2_000


class RuleSet:
    """Phrase rules in their order of precedence, with what it takes to skip them quickly."""

    def __init__(self, rules: tuple[PhraseRule, ...]) -> None:
        self.rules = rules
        self._longest_cap = max((rule.max_words for rule in rules), default=0)
        self._literals = LiteralIndex({literal for rule in rules if rule.needs for literal in rule.needs})
        # Which rules each literal (by its number in the index) lets through, and the rules no
        # literal can rule out.
        by_literal: dict[str, list[int]] = {}
        for number, rule in enumerate(rules):
            for literal in rule.needs or ():
                by_literal.setdefault(literal, []).append(number)
        self._rules_of = tuple(tuple(by_literal[literal]) for literal in self._literals.literals)
        self._always = frozenset(number for number, rule in enumerate(rules) if rule.needs is None)

    def first_match(self, text: str) -> PhraseRule | None:
        """The first rule whose patterns all match `text` within its word cap, if any."""
        return self.first_matches([text])[0]

    def first_matches(self, texts: Sequence[str]) -> list[PhraseRule | None]:
        """first_match of each text, a page's texts at once.

        The literal prefilter: most blocks contain no word any rule needs, and the rest only a few
        rules' words, found for all the blocks in one pass; only those rules run their regexes,
        still in order of precedence.
        """
        found: list[PhraseRule | None] = [None] * len(texts)
        # No prompt is this long (in characters, then in words): long prose, most of a page's text,
        # is never formed nor scanned, and every rule's work on a block stays bounded.
        short = [
            number
            for number, text in enumerate(texts)
            if len(text) <= MAX_RULE_CHARS and word_count(text) <= self._longest_cap
        ]
        forms = match_forms([texts[number] for number in short])
        for number, form, literals in zip(short, forms, self._literals.found_in(forms), strict=True):
            if not literals and not self._always:
                continue
            words = word_count(texts[number])
            candidates = set(self._always)
            for literal in literals:
                candidates.update(self._rules_of[literal])
            for candidate in sorted(candidates):
                rule = self.rules[candidate]
                if words <= rule.max_words and all(pattern.search(form) for pattern in rule.patterns):
                    found[number] = rule
                    break
        return found


@lru_cache(maxsize=64)
def rule_set(reasons: frozenset[Reason]) -> RuleSet:
    """The phrase rules of these reasons, built once per set of reasons."""
    return RuleSet(tuple(rule for rule in PHRASE_RULES if rule.reason in reasons))


def first_matching_rule(text: str) -> PhraseRule | None:
    """The first of all phrase rules that matches `text`, if any."""
    return rule_set(frozenset(Reason)).first_match(text)


@dataclass(frozen=True)
class HeadlineShape:
    """What a related-article headline looks like, and how many in a row make a related-links box.

    Headlines are short, carry no sentence punctuation at the end, and on American sites (and in
    German, where nouns are capitalised) capitalise most content words. A single such line after an
    article is often a caption or a sign-off; three or more in a row are a list of links.
    """

    min_words: int = 2
    max_words: int = 20
    max_chars: int = 180
    min_capitalized_share: float = 0.5
    # Under a "Related"/"À lire aussi" label the label is the evidence, so sentence-case headlines
    # (British, French, Spanish, Italian sites) count too: capitalisation is not asked for there.
    under_label_capitalized_share: float = 0.0
    # ... but a headline there is another article's whole title. One to three words after an inline
    # box ("In Conclusion", "Physical Benefits", "Suite 5112") are the article's own subhead or list
    # going on, and end the box.
    under_label_min_words: int = 4
    min_run: int = 3
    # HTML: list items that are all link text (a list of links to other pages) in a run this long.
    link_list_density: float = 0.9
    # A paragraph this long, ending a sentence, is article prose; the run must come after the last one.
    prose_min_words: int = 15


HEADLINE = HeadlineShape()

_STOP_WORDS = frozenset(
    "a an the of in on at to for and or but nor with from by as is are was were be vs via into "
    "over after before about than that this its it his her their our your my de la le les des du "
    "el los las y en et und der die das von zu im".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Headlines end without punctuation; a line ending in one of these is a sentence or a lead-in.
# Searched from the start of each run of non-word characters only (the lookbehind), and only a run
# that reaches the end (the possessive lookahead): "[.;:,]\W*$" rescanned a run of dots from every dot.
_CLAUSE_END = re.compile(r"(?<!\W)(?=\W*+$)\W*?[.;:,]")
_INTRODUCES_LIST = re.compile(r":\s*$")


def is_headline(block: Block, shape: HeadlineShape = HEADLINE) -> bool:
    """True when the block has the shape of a linked article headline."""
    text = block.text
    words = text.split()
    if not shape.min_words <= len(words) <= shape.max_words or len(text) > shape.max_chars:
        return False
    if block.kind is Kind.LINE or "\n" in text or _CLAUSE_END.search(text) or LIST_MARKER.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    content = [w for w in _WORD.findall(text) if w.lower() not in _STOP_WORDS]
    if not content:
        return False
    capitalized = sum(w[0].isupper() for w in content)
    return capitalized / len(content) >= shape.min_capitalized_share


def prose_paragraph(block: Block, min_words: int) -> bool:
    """A block of at least `min_words` words that ends a sentence: article prose."""
    text = block.text
    return (
        block.kind is not Kind.FRAGMENT
        and len(text) >= min_words  # a word is a character at least: cheap to rule out
        and word_count(text) >= min_words
        and ends_sentence(text)
    )


def mark_related_links(document: Document, options: CleanOptions, shape: HeadlineShape = HEADLINE) -> None:
    """Mark headline runs after the article's last prose paragraph, and headlines under a related label."""
    if Reason.RELATED_LINKS not in options.reasons:
        return
    blocks = document.blocks
    _mark_under_labels(blocks, shape)
    _mark_link_lists(blocks, shape)
    if document.format == "text":
        # Plain text: a run of short title-case lines after the last paragraph is as often the
        # article's own list (prices, products, a timeline) as a box of links; the block
        # classifier's step marks it, sparing the lines it is confident are article text.
        return
    mark_headline_runs(blocks, shape)


def mark_headline_runs(
    blocks: list[Block], shape: HeadlineShape = HEADLINE, spare: Callable[[Block], bool] | None = None
) -> None:
    """Mark runs of headline-like lines after the article's last prose paragraph (`spare`: lines
    of a run to leave kept, which still count towards its length)."""
    last_prose = next(
        (b.index for b in reversed(blocks) if b.kept and prose_paragraph(b, shape.prose_min_words)), None
    )
    if last_prose is None:
        return  # no article prose to anchor on: a page of short lines may be the content itself
    run: list[Block] = []
    introduced = False
    for block in blocks[last_prose + 1 :]:
        if not block.kept:
            continue  # removed prompts between headlines don't break the run
        if is_headline(block, shape):
            run.append(block)
            continue
        if not introduced:
            _mark_run(run, shape, spare)
        run = []
        # A line ending in a colon introduces a list the article gives ("Tickets are sold at:"); a
        # related-links label with a colon ("Read more:") is marked by the phrase rules and skipped.
        introduced = bool(_INTRODUCES_LIST.search(block.text))
    if not introduced:
        _mark_run(run, shape, spare)


def _mark_run(run: list[Block], shape: HeadlineShape, spare: Callable[[Block], bool] | None) -> None:
    """Mark a long enough run, but its spared lines only when they are fewer than half of it: lines
    alike enough to make one run are one thing, the article's list or a box of links, and the
    majority says which."""
    if len(run) >= shape.min_run:
        spared = [spare is not None and spare(block) for block in run]
        if sum(spared) * 2 < len(run):
            spared = [False] * len(run)
        for block, kept in zip(run, spared, strict=True):
            if kept:
                continue
            block.mark(
                Reason.RELATED_LINKS,
                "headline_run",
                f"one of {len(run)} headline-like lines after the article",
            )


def _mark_link_lists(blocks: list[Block], shape: HeadlineShape) -> None:
    """HTML: a run of list items that are nothing but links is a list of other pages, anywhere."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and not block.kept:
            continue
        if (
            block is not None
            and block.kind is Kind.LIST_ITEM
            and (block.link_density or 0.0) >= shape.link_list_density
        ):
            run.append(block)
            continue
        if len(run) >= shape.min_run:
            for item in run:
                item.mark(
                    Reason.RELATED_LINKS, "link_list", f"one of {len(run)} list items that are only links"
                )
        run = []


def _mark_under_labels(blocks: list[Block], shape: HeadlineShape) -> None:
    """Headlines right under a "Related"/"Read more" label are links, however many there are."""
    linked = replace(
        shape,
        min_capitalized_share=shape.under_label_capitalized_share,
        min_words=shape.under_label_min_words,
    )
    under_label = False
    for block in blocks:
        if block.rule == "related_label":
            under_label = True
        elif block.kept and under_label and is_headline(block, linked):
            block.mark(Reason.RELATED_LINKS, "under_related_label", "a headline under a related-links label")
        elif block.kept or block.removed is not Reason.RELATED_LINKS:
            under_label = False  # prose, or another box (a newsletter form, comments): the list ended
