"""Rule families: reader-addressed prompts found by co-occurring concepts, in fifteen languages.

The wording rules know one wording each; a family knows what a prompt is made of and takes its
parts in any order: a paywall is reading on plus a subscription, a donation ask is giving plus a
cause plus the reader (or the site's "we"). Three things keep article prose safe: the word cap
(prompts are short), a concept only a prompt has (the reader addressed, the site's "we", an offer's
"now" or "free", an order's own verb form), and a guard against reported speech ("said", "laut",
"selon", ...): a sentence that attributes its words is news, however short.

The words are data, one row per language: lexicon.py (the reader, the site's we, offers, reported
speech), paywall_words.py, donation_words.py, promo_words.py, signup_words.py. The families come
after the wording rules, so a prompt one of those knows keeps that rule's name.
"""

from __future__ import annotations

from cleaner.mark.rules.base import PhraseRule
from cleaner.mark.rules.family_asks import ASK_FAMILY
from cleaner.mark.rules.family_paywall import PAYWALL_FAMILY
from cleaner.mark.rules.family_signup import SIGNUP_FAMILY

FAMILY_RULES: tuple[PhraseRule, ...] = (*PAYWALL_FAMILY, *ASK_FAMILY, *SIGNUP_FAMILY)
