"""Credits and notices around an article: copyright and reprint notices, photo credits, author
contact lines; and page chrome: the labels of buttons and tools that scrapers keep as text."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import PhraseRule, rule

CREDIT = Reason.CREDIT
CHROME = Reason.PAGE_CHROME

CREDIT_RULES: tuple[PhraseRule, ...] = (
    rule(
        "copyright_notice",
        CREDIT,
        30,
        "a copyright line",
        r"^\W*(?:copyright|\(c\))\b.{0,60}?(?:\d{4}|all rights reserved)|©\s*(?:[\w&.,'-]+ ){0,6}?\d{4}"
        r"|\ball rights reserved\b"
        r"|\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b",
        note="a copyright line: opening with the word, or the sign anywhere, with a year; or the rights "
        "formula (prose about a copyright case neither opens so nor uses the sign)",
    ),
    rule(
        "reprint_notice",
        CREDIT,
        60,
        "a reprint and licensing notice",
        r"\bfor your personal,? non-commercial use only\b|\bpresentation-ready copies\b"
        r"|^\W*(?:reprints? (?:and|&) permissions|order reprints?)\W*$",
        note="the reprint and licensing notice of a news agency page",
    ),
    rule(
        "photo_credit",
        CREDIT,
        15,
        "a photo credit",
        r"^\W*(?:photo(?:graph)?s?|images?|pictures?|credits?|fotos?|bild(?:er)?|video)(?: credits?)?"
        r"\s*(?::|©|\bby\b)\s*\S",
        note="a photo or image credit line ('Photo: Name/Agency', 'Image credit: ...')",
    ),
    rule(
        "caption_credit",
        CREDIT,
        40,
        "a photo caption with its credit",
        r"\((?:photo|image|picture|credit|foto)s?(?: credit)?\s*:\s*[^()]{1,50}\)\s*$",
        note="a caption that ends in its credit, '(Image: Agency)': captions are not article text",
    ),
    rule(
        "author_contact",
        CREDIT,
        30,
        "a contact line for the author",
        r"^\W*(?:write to|e-?mail|contact|reach) (?:the (?:author|writer|reporter)|[\w.'-]+(?: [\w.'-]+){0,3}) at "
        r"[\w.+-]+@[\w-]+\.\w",
        note="an author contact line under the article ('Write to X at x@example.com')",
    ),
    rule(
        "tool_label",
        CHROME,
        9,
        "the label of a page tool (print, text size, save, listen)",
        r"^\W*(?:print(?: this)?(?: article| story| page)?|text size|font size|(?:increase|decrease) text size"
        r"|save(?: this)? (?:article|story)|listen to (?:this )?(?:article|story)|reading time\W*\d+ ?min\w*"
        r"|an error has occurred,? please try again(?: later)?)\W*$",
        note="the label of a page tool (print, text size, save, listen), alone on its line",
    ),
)
