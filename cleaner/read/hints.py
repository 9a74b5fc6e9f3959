"""What a page's markup says about the part a block sits in: landmarks, roles, schema.org types and
the class and id names web developers give to navigation, footers, comments, posts and so on.

These are conventions shared across sites (the words of HTML5 landmarks, ARIA roles, schema.org
and common CSS naming), never one site's vocabulary: each group lists many spellings, and a
learned model weighs them, so no single name decides anything.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

# Hint groups: name -> words found in class and id names (split at non-letters and camelCase).
CLASS_HINTS: dict[str, frozenset[str]] = {
    "navigation": frozenset(
        "nav navbar navigation navlinks menu menubar menus mainmenu submenu megamenu breadcrumb breadcrumbs "
        "crumbs topbar toolbar skip skiplink tabs pagination pager paging subnav sitemap".split()
    ),
    "header": frozenset("header masthead banner topnav branding logo".split()),
    "footer": frozenset("footer foot colophon copyright bottom legal subfooter".split()),
    "aside": frozenset("sidebar aside rail widget widgets secondary sidenav sidecol toc".split()),
    "comments": frozenset("comment comments respond disqus replies commentlist discussion".split()),
    "social": frozenset(
        "share sharing social sharebar follow facebook twitter whatsapp pinterest linkedin".split()
    ),
    "related": frozenset(
        "related recommended recommendations recirc popular trending teaser teasers promo promos more "
        "readmore upnext outbrain taboola".split()
    ),
    "ads": frozenset(
        "ad ads advert adverts advertisement adslot sponsor sponsored dfp gpt adunit commercial".split()
    ),
    "overlay": frozenset(
        "cookie cookies consent gdpr modal popup overlay newsletter subscribe subscription signup paywall "
        "register login dialog lightbox".split()
    ),
    "meta": frozenset(
        "meta byline author date time timestamp tags tag category categories label labels info".split()
    ),
    "content": frozenset(
        "content article post entry body text story main prose richtext blog page single detail".split()
    ),
    "forum": frozenset(
        "post posts message messages thread topic reply answer answers question cooked postbody bbcode "
        "forum usercontent".split()
    ),
    "docs": frozenset("doc docs documentation markdown md rst highlight api reference manual guide".split()),
    "code": frozenset("code codeblock highlight syntax sourcecode pre".split()),
    "hidden": frozenset(
        "hidden hide invisible sronly visuallyhidden screenreader offscreen collapsed".split()
    ),
    "caption": frozenset("caption credit credits figcaption figure photo image img media gallery".split()),
}
# Landmark elements and the hint group each one is.
TAG_HINTS: dict[str, str] = {
    "nav": "navigation",
    "header": "header",
    "footer": "footer",
    "aside": "aside",
    "form": "overlay",
    "article": "content",
    "main": "content",
    "figure": "caption",
    "figcaption": "caption",
    "pre": "code",
    "code": "code",
    "dialog": "overlay",
}
# ARIA roles and the hint group each one is.
ROLE_HINTS: dict[str, str] = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "toolbar": "navigation",
    "tablist": "navigation",
    "search": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "main": "content",
    "article": "content",
    "dialog": "overlay",
    "alertdialog": "overlay",
}
# schema.org types and properties (itemtype / itemprop) and the group each one is.
SCHEMA_HINTS: dict[str, str] = {
    "articlebody": "content",
    "text": "content",
    "reviewbody": "content",
    "comment": "comments",
    "discussionforumposting": "forum",
    "answer": "forum",
    "question": "forum",
    "socialmediaposting": "forum",
    "blogposting": "content",
    "newsarticle": "content",
    "article": "content",
    "techarticle": "docs",
    "sitenavigationelement": "navigation",
    "wpheader": "header",
    "wpfooter": "footer",
    "wpsidebar": "aside",
    "wpadblock": "ads",
    "breadcrumblist": "navigation",
    "author": "meta",
    "person": "meta",
}
HINT_GROUPS: tuple[str, ...] = tuple(CLASS_HINTS)
_GROUP_BIT = {name: 1 << index for index, name in enumerate(HINT_GROUPS)}
_WORD_GROUPS: dict[str, int] = {}
for _name, _words in CLASS_HINTS.items():
    for _word in _words:
        _WORD_GROUPS[_word] = _WORD_GROUPS.get(_word, 0) | _GROUP_BIT[_name]
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_WORDS = re.compile(r"[a-z]+")
_MAX_NAME_CHARS = 400


def element_hints(element: HtmlElement) -> int:
    """The hint groups an element declares, as a bit set over HINT_GROUPS."""
    bits = 0
    tag = element.tag
    if isinstance(tag, str) and tag in TAG_HINTS:
        bits |= _GROUP_BIT[TAG_HINTS[tag]]
    names = " ".join(filter(None, (element.get("class"), element.get("id"))))
    if names:
        bits |= _name_hints(names[:_MAX_NAME_CHARS])
    role = element.get("role")
    if role:
        bits |= _GROUP_BIT.get(ROLE_HINTS.get(role.strip().lower(), ""), 0)
    for attribute in ("itemprop", "itemtype"):
        value = element.get(attribute)
        if value:
            schema = value.rsplit("/", 1)[-1].strip().lower()
            bits |= _GROUP_BIT.get(SCHEMA_HINTS.get(schema, ""), 0)
    return bits


@lru_cache(maxsize=8192)
def _name_hints(names: str) -> int:
    """The hint groups named in class and id names (pages repeat a few class names many times)."""
    bits = 0
    for word in _WORDS.findall(_CAMEL.sub(" ", names).lower()):
        bits |= _WORD_GROUPS.get(word, 0)
    return bits


def group_bit(name: str) -> int:
    return _GROUP_BIT[name]
