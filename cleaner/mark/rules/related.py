"""Related-links box labels and inline links to other articles (runs of headlines are a
sequence heuristic in cleaner/mark/boilerplate.py)."""

from __future__ import annotations

from cleaner.document import Reason
from cleaner.mark.rules.base import PhraseRule, rule

RELATED = Reason.RELATED_LINKS

# What a related-links box calls its entries ("Related Stories", "Latest News", "Sponsored Content").
_LINK_LIST = r"(?:articles|stories|posts|coverage|content|news|reading|links|topics|tags|videos|headlines)"
# Headings of related-links boxes, each the whole block (checked by the related_label rule). A name
# after "More from/in" must be capitalised, so a subhead like "More in common than you think" stays.
_SECTION = r"(?-i:[A-Z0-9]).{0,30}"
_RELATED_LABELS = (
    rf"related(?: {_LINK_LIST})?",
    rf"recommended(?: for you| {_LINK_LIST})?",
    rf"more (?:from|in|on) {_SECTION}|more on this (?:story|topic)|more (?:stories|news|like this)\b.{{0,30}}",
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"read (?:more|next)|up next|what to read next|don't miss|further reading|see also|also read",
    rf"(?:what's )?trending(?: now| today| {_LINK_LIST})?(?: (?:in|on) {_SECTION})?",
    rf"(?:most|more) (?:popular|read|viewed|shared)(?: today| this week| now| {_LINK_LIST})?(?: (?:in|on) {_SECTION})?",
    rf"popular(?: now| today| this week| {_LINK_LIST})?(?: (?:in|on) {_SECTION})?",
    rf"(?:our )?latest {_LINK_LIST}(?: (?:from|in|on) {_SECTION})?",
    rf"top stories(?: (?:in|on|from) {_SECTION})?",
    rf"editor'?s'? picks|(?:from )?around the web|sponsored(?: {_LINK_LIST})?",
    r"lesen sie auch|mehr zum thema|à lire aussi|lire aussi|sur le même sujet",
    r"te puede interesar|noticias relacionadas|lee también",
    # Box labels in more languages: see also, related, most read, recommended, more news.
    r"weitere (?:artikel|nachrichten|beiträge)|meistgelesen\w*|das könnte sie auch interessieren|les plus lus|à voir aussi"
    r"|nos articles recommandés|lo más (?:leído|visto)|más noticias|leggi anche|articoli correlati|i più letti"
    r"|potrebbe interessarti|leia também|notícias relacionadas|mais lidas|veja também|lees ook|gerelateerde artikelen"
    r"|meest gelezen|meer nieuws|przeczytaj (?:także|też|również)|zobacz (?:również|też|także)|najczęściej czytane"
    r"|polecane(?: artykuły)?|läs (?:också|även|mer)|relaterade artiklar|mest lästa?|fler nyheter|[iİ]lgili haberler"
    r"|bunlar da ilginizi çekebilir|en çok okunanlar|daha fazla haber",
    r"tags|tagged|topics|keywords|schlagworte|schlagwörter|étiquettes|etiquetas|tags relacionadas",
)

RELATED_LINK_RULES: tuple[PhraseRule, ...] = (
    rule(
        "tag_list",
        RELATED,
        40,
        "a list of topic tags",
        r"^(?!.*[.!?]\W{0,12}$)\W*(?:tags|tagged(?: with| in)?|topics|keywords|filed under|schlagworte|schlagwörter|étiquettes|etiquetas)"
        r"\s*:\s*\S",
        note="a list of topic tags, each a link to other articles ('Tags: elections, Congress'); a list has no "
        "sentence end ('Topics: the council will discuss three...' stays); the end is looked for within a "
        "few characters of punctuation, so 'Tags:' followed by 100,000 dots costs one pass, not a pass per dot",
    ),
    rule(
        "related_label",
        RELATED,
        6,
        "the heading of a related-links box",
        r"^(?!.*(?<!\.)[.!?]\s*$)\W*(?:" + "|".join(_RELATED_LABELS) + r")[^\w=({\[]*$",
        note="the heading of a related-links box; a heading has no sentence end, though it may trail off "
        "('More from Science...'); 'More on that later.' stays, and so does a line of code ('tags = {')",
    ),
    rule(
        "related_lead_in",
        RELATED,
        25,
        "a link to another article",
        r"^\W*(?:read more|also read|read also|related|see also|see more|recommended|more|don't miss|must read"
        r"|lesen sie auch|lire aussi|à lire aussi|lee también|leer más|leggi anche|leia também|lees ook|przeczytaj (?:także|też)"
        r"|läs (?:också|även|mer)|ilgili haber)\s*[:|»>]\s*\S",
        note="an inline link to another article",
    ),
)
