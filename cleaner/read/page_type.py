"""What kind of page this is (article, forum thread, documentation), from the page's own markup.

A forum thread's replies are its content; a documentation page's code and parameter lists are its
content; an article's comments are not. The evidence is what sites declare or cannot help showing:
schema.org types, the generator that built the page (forum and documentation software announce
themselves), the class names that software puts on its pages, conventional URL paths, and the
shape of the body (many posts by different authors; many code blocks). Each signal adds weight to
one type; the heaviest wins, and an article is what a page is when nothing says otherwise.
"""

from __future__ import annotations

import re
from typing import Any, Literal
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaner.read.jsonld import json_ld

PageType = Literal["article", "forum", "documentation", "other"]
PAGE_TYPES: tuple[PageType, ...] = ("article", "forum", "documentation", "other")

# schema.org types (JSON-LD @type, microdata itemtype) and the page type each declares.
SCHEMA_TYPES: dict[str, PageType] = {
    # Page-level declarations only: Question and Answer also mark up FAQ sections of articles.
    "discussionforumposting": "forum",
    "qapage": "forum",
    "techarticle": "documentation",
    "apireference": "documentation",
    "softwaresourcecode": "documentation",
    "newsarticle": "article",
    "article": "article",
    "blogposting": "article",
    "reportagenewsarticle": "article",
    "analysisnewsarticle": "article",
    "opinionnewsarticle": "article",
    "review": "article",
    "recipe": "article",
}
# Software that builds forums or documentation sites, as named in <meta name="generator"> and in
# the class names it puts on <html> and <body>.
SOFTWARE: dict[str, PageType] = {
    "discourse": "forum",
    "phpbb": "forum",
    "vbulletin": "forum",
    "xenforo": "forum",
    "mybb": "forum",
    "invision": "forum",
    "ipsapp": "forum",
    "flarum": "forum",
    "nodebb": "forum",
    "vanilla": "forum",
    "smf": "forum",
    "bbpress": "forum",
    "khoros": "forum",
    "lithium": "forum",
    "sphinx": "documentation",
    "mkdocs": "documentation",
    "docusaurus": "documentation",
    "gitbook": "documentation",
    "docsify": "documentation",
    "vuepress": "documentation",
    "vitepress": "documentation",
    "nextra": "documentation",
    "starlight": "documentation",
    "readthedocs": "documentation",
    "antora": "documentation",
    "hugo-book": "documentation",
    "jekyll-docs": "documentation",
    "rst-content": "documentation",
    "md-content": "documentation",
}
# Conventional URL path words.
PATH_WORDS: dict[str, PageType] = {
    "t": "forum",
    "forum": "forum",
    "forums": "forum",
    "thread": "forum",
    "threads": "forum",
    "topic": "forum",
    "topics": "forum",
    "showthread": "forum",
    "viewtopic": "forum",
    "community": "forum",
    "discuss": "forum",
    "discussion": "forum",
    "discussions": "forum",
    "questions": "forum",
    "boards": "forum",
    "docs": "documentation",
    "doc": "documentation",
    "documentation": "documentation",
    "reference": "documentation",
    "api": "documentation",
    "manual": "documentation",
    "handbook": "documentation",
    "guide": "documentation",
    "guides": "documentation",
    "tutorial": "documentation",
    "learn": "documentation",
    "man": "documentation",
    "news": "article",
    "blog": "article",
    "article": "article",
    "articles": "article",
    "story": "article",
}
# Weights: what a page declares about itself outweighs what its address and shape suggest.
WEIGHTS = {"schema": 3.0, "software": 3.0, "path": 1.0, "posts": 2.0, "code": 1.5}
# A thread shows several posts: elements declared as posts or comments, this many at least.
MIN_POSTS = 3
# A documentation page shows code: this many code blocks at least.
MIN_CODE_BLOCKS = 3
_WORDS = re.compile(r"[a-z][a-z0-9-]*")
# Class names forum software gives each post's body ("post" alone also names a blog's article).
_POST_CLASSES = frozenset(
    {
        "postbody",
        "post-body",
        "post_body",
        "message-body",
        "messagecontent",
        "cooked",
        "topic-post",
        "post-message",
        "postmessage",
        "bbwrapper",
        "bbcode",
    }
)


# schema.org types of a post in a thread.
_POST_TYPES = ("discussionforumposting", "answer")


# Class and itemtype values of every element, read by libxml2 (a walk in Python costs more).
_CLASS_NAMES = XPath("descendant-or-self::*/@class", smart_strings=False)
_ITEMTYPES = XPath("descendant-or-self::*/@itemtype", smart_strings=False)
_WITH_NAMES = XPath("descendant-or-self::*[@itemtype or @class]")


def detect_page_type(
    tree: HtmlElement, url: str | None, linked_data: list[Any] | None = None
) -> tuple[PageType, dict[str, float]]:
    """The page's type and the weight of evidence for each type (for explanations and models).
    `linked_data`: the page's JSON-LD, when the caller has parsed it already."""
    votes: dict[str, float] = {}
    itemtypes = _ITEMTYPES(tree)  # one pass over the elements for both readers of itemtype
    for kind in _schema_types(itemtypes, json_ld(tree) if linked_data is None else linked_data):
        votes[kind] = votes.get(kind, 0.0) + WEIGHTS["schema"]
    for kind in _software(tree):
        votes[kind] = votes.get(kind, 0.0) + WEIGHTS["software"]
    for kind in _path_types(url):
        votes[kind] = votes.get(kind, 0.0) + WEIGHTS["path"]
    if _post_count(tree, itemtypes) >= MIN_POSTS:
        votes["forum"] = votes.get("forum", 0.0) + WEIGHTS["posts"]
    if sum(1 for _ in tree.iter("pre")) >= MIN_CODE_BLOCKS:
        votes["documentation"] = votes.get("documentation", 0.0) + WEIGHTS["code"]
    evidence = {kind: float(votes.get(kind, 0.0)) for kind in PAGE_TYPES}
    best = max(
        ("forum", "documentation", "article"), key=lambda kind: (votes.get(kind, 0.0), kind == "article")
    )
    return (best if votes.get(best, 0.0) > 0 else "article"), evidence  # type: ignore[return-value]


def _schema_types(itemtypes: list[str], linked_data: list[Any]) -> set[str]:
    found: set[str] = set()
    for data in linked_data:
        _collect_types(data, found, depth=0)
    for itemtype in itemtypes[:200]:
        found.add(itemtype.rsplit("/", 1)[-1].strip().lower())
    return {SCHEMA_TYPES[name] for name in found if name in SCHEMA_TYPES}


def _collect_types(data: object, found: set[str], depth: int) -> None:
    if depth > 6:
        return
    if isinstance(data, dict):
        kind = data.get("@type")
        for name in kind if isinstance(kind, list) else [kind]:
            if isinstance(name, str):
                found.add(name.strip().lower())
        for value in data.values():
            if isinstance(value, dict | list):
                _collect_types(value, found, depth + 1)
    elif isinstance(data, list):
        for item in data[:50]:
            _collect_types(item, found, depth + 1)


def _software(tree: HtmlElement) -> set[str]:
    names: list[str] = []
    for meta in tree.iter("meta"):
        if (meta.get("name") or "").strip().lower() in ("generator", "application-name"):
            names.append((meta.get("content") or "").lower())
    body = tree.find("body")
    for element in (tree, body):
        if element is not None:
            names.append(" ".join(filter(None, (element.get("class"), element.get("id")))).lower())
    words = {word for name in names for word in _WORDS.findall(name)}
    words |= {part for word in words for part in word.split("-")}
    return {kind for name, kind in SOFTWARE.items() if name in words}


def _path_types(url: str | None) -> set[str]:
    if not url:
        return set()
    try:
        parts = urlsplit(url)
    except ValueError:
        return set()
    words = set(_WORDS.findall(parts.path.lower())) | set(
        _WORDS.findall((parts.hostname or "").split(".")[0])
    )
    return {PATH_WORDS[word] for word in words if word in PATH_WORDS}


def _post_count(tree: HtmlElement, itemtypes: list[str] | None = None) -> int:
    """Elements declared as posts, answers or comments (schema.org), or classed as posts;
    `itemtypes`: the page's itemtype values, when the caller has read them already."""
    itemtypes = _ITEMTYPES(tree) if itemtypes is None else itemtypes
    declared = sum(itemtype.rsplit("/", 1)[-1].lower() in _POST_TYPES for itemtype in itemtypes)
    names = "\n".join(_CLASS_NAMES(tree)).lower()
    if not any(name in names for name in _POST_CLASSES):
        return declared  # no element is classed as a post: the declared ones are all
    count = 0
    for element in _WITH_NAMES(tree):
        itemtype = (element.get("itemtype") or "").rsplit("/", 1)[-1].lower()
        if itemtype in _POST_TYPES:
            count += 1
            continue
        classes = element.get("class")
        if classes and _POST_CLASSES.intersection(classes.lower().split()):
            count += 1
    return count
