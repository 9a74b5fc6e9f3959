r"""Boilerplate phrasing as data: each rule names the reason it marks and the prompt it targets.

A rule fires on a block when every one of its patterns matches and the block has at most
`max_words` words. The word cap is what keeps article prose safe: prompts are short, while a news
sentence that merely mentions subscribers, paywalls or newsletters is long and matches no prompt
shape. Where the cap alone cannot tell them apart, a rule also asks for the shape of a prompt: the
reader addressed ("you", "please") or an order opening a clause ("Sign in to ..."), since news
about subscriptions is told in the third person ("readers who subscribe ..."). Site names are never
literals; where a prompt names the site, the pattern leaves a slot. Patterns are matched
case-insensitively against `match_form(text)`: curly quotes straightened and words that a scraper
glued together ("GET 30 DAYS FREEAlready a member?") pulled apart.

Every rule has prompts it must mark and article sentences it must leave in tests/mark/test_rules.py; a
rule without a positive example there fails the suite. Every pattern must also run in linear time on
any input (tests/test_linear_patterns.py pumps each one): bound a repeat that a search may start at
many positions (`\W{0,8}`, not `\W*`, after a clause start; `\w{0,12}` after a word stem), make a
repeat that must not give characters back possessive (`\S++\W*+$`), and never let two alternatives
of a repeated group match the same text (`(?>...)`, longest wording first).
"""

from __future__ import annotations

from cleaner.mark.rules.base import PhraseRule, match_form
from cleaner.mark.rules.comments import COMMENT_RULES
from cleaner.mark.rules.credit import CREDIT_RULES
from cleaner.mark.rules.cta import CALL_TO_ACTION_RULES
from cleaner.mark.rules.families import FAMILY_RULES
from cleaner.mark.rules.forum import FORUM_RULES
from cleaner.mark.rules.newsletter import NEWSLETTER_RULES
from cleaner.mark.rules.paywall import PAYWALL_RULES
from cleaner.mark.rules.promo import PROMO_RULES
from cleaner.mark.rules.related import RELATED_LINK_RULES
from cleaner.mark.rules.social import SOCIAL_EMBED_RULES

# Order matters only for the reason a block gets (the first matching rule names it): paywall
# before newsletter before calls-to-action, so "Subscribe to our newsletter" is a newsletter box.
PHRASE_RULES: tuple[PhraseRule, ...] = (
    *PAYWALL_RULES,
    *NEWSLETTER_RULES,
    *CALL_TO_ACTION_RULES,
    *SOCIAL_EMBED_RULES,
    *COMMENT_RULES,
    *FORUM_RULES,
    *RELATED_LINK_RULES,
    *CREDIT_RULES,
    *PROMO_RULES,
    # Concept families last: a prompt a wording rule knows keeps that rule's name.
    *FAMILY_RULES,
)

__all__ = ["PHRASE_RULES", "PhraseRule", "match_form"]
