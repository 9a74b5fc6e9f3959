"""Reader comments after an article: found by the comment template's attribution lines, in several
languages; quotes in an article and a forum's quote headers stay."""

from __future__ import annotations

import pytest

from cleaner import CleanOptions, Reason, clean
from cleaner.document import Block, Kind
from cleaner.mark.comment_thread import is_attribution, is_timestamp

ARTICLE = [
    "The harbour bridge reopened to traffic on Tuesday morning after two years of repairs, officials said.",
    "Engineers replaced the deck and strengthened the piers, and the council expects fewer closures in winter.",
    "Drivers crossing at rush hour saved about ten minutes on the first day, according to the transport office.",
]
REPLIES = [
    "Finally! I have been waiting for this for ages.",
    "The detour through the old town was a nightmare every single morning.",
    "Does anyone know whether the cycle lane is open as well?",
    "It is, I rode across it this morning.",
]


def _text(*lines: str) -> str:
    return "\n\n".join(lines)


def _thread_marks(page: str) -> list[Block]:
    """The blocks of the page the comment-thread step marked."""
    document = clean(page, CleanOptions(format="text", explain=True))
    return [block for block in document.blocks if block.rule == "comment_thread"]


def _thread(attributions: list[str]) -> list[str]:
    lines: list[str] = []
    for attribution, reply in zip(attributions, REPLIES, strict=False):
        lines += [attribution, reply]
    return lines


@pytest.mark.parametrize(
    "attributions",
    [
        ["harbourfan says:", "Jo M. says:", "oldtowner says:"],
        [
            "Ann on May 3, 2019 at 4:15 pm said:",
            "Bob on May 3, 2019 at 5:02 pm said:",
            "Cy on May 4, 2019 at 9:30 am said:",
        ],
        ["by carol (1234) writes:", "by dave (56) writes:", "by erin (789) writes:"],
        ["Max sagt:", "Lena sagt:", "Jonas sagt:"],
        ["Lucie dit :", "Marc dit :", "Inès dit :"],
        ["Pilar dice:", "Jorge dice:", "Lucía dice:"],
        ["Anouk zegt:", "Daan zegt:", "Sem zegt:"],
        ["João diz:", "Ana diz:", "Rui diz:"],
    ],
)
def test_a_thread_after_the_article_is_marked(attributions: list[str]) -> None:
    page = _text(*ARTICLE, "3 Comments", *_thread(attributions), "About us", "Privacy policy")
    document = clean(page, CleanOptions(format="text", explain=True))
    kept = document.text()
    assert all(line in kept for line in ARTICLE)
    assert not any(reply in kept for reply in REPLIES[:3])
    thread = [block for block in document.blocks if block.rule == "comment_thread"]
    assert thread and all(block.removed is Reason.COMMENTS for block in thread)


@pytest.mark.parametrize(
    "attributions",
    [
        # A forum's quote headers (past tense, no time): the replies are the thread's content.
        ["harbourfan said:", "Jo M. wrote:", "oldtowner said:"],
        ["Max schrieb:", "Lena schrieb:", "Jonas schrieb:"],
        # Two quoted people are not a thread.
        ["The mayor says:", "The engineer says:"],
    ],
)
def test_quotes_and_forum_headers_stay(attributions: list[str]) -> None:
    page = _text(*ARTICLE, *_thread(attributions))
    assert not _thread_marks(page)


def test_a_thread_without_an_article_before_it_stays() -> None:
    """Replies that open the page are the page (a forum thread, a guestbook): nothing to be after."""
    lines = _thread(["harbourfan says:", "Jo M. says:", "oldtowner says:", "pier9 says:"])
    assert not _thread_marks(_text(*lines))


@pytest.mark.parametrize(
    "text",
    [
        "harbourfan says:",
        "Jo M. on March 2, 2020 at 10:41 am said:",
        "by carol (1234) writes:",
        "Lucie dit :",
        "Ирина пишет:",
        "Lena schreibt:",
    ],
)
def test_attribution_lines(text: str) -> None:
    assert is_attribution(Block(0, text, Kind.PARAGRAPH))


@pytest.mark.parametrize(
    "text",
    [
        "As the minister told parliament on Monday, the plan is simple and, she says:",
        "Jo M. said:",  # a forum quote header: past tense without a time
        "Here is what he says",  # no colon
        "Reader comments",
        "The report says: costs will rise",
    ],
)
def test_not_attribution_lines(text: str) -> None:
    assert not is_attribution(Block(0, text, Kind.PARAGRAPH))


def test_headings_are_not_attributions() -> None:
    assert not is_attribution(Block(0, "What the minister says:", Kind.HEADING))


def _headed(heading: str, times: list[str]) -> list[str]:
    lines = [heading]
    for name, time, reply in zip(["harbourfan", "Jo M.", "oldtowner", "pier9"], times, REPLIES, strict=False):
        lines += [name, time, reply, "Reply"]
    return lines


@pytest.mark.parametrize(
    ("heading", "times"),
    [
        ("34 Comments", ["2 days ago at 07:52 am", "2 days ago at 08:10 am", "1 day ago", "5 hours ago"]),
        (
            "[ 167 comments ]",
            ["November 19, 2019 at 6:34 am", "November 19, 2019 at 6:44 am", "November 20, 2019"],
        ),
        ("Kommentare (12)", ["vor 3 Stunden", "vor 2 Stunden", "vor 45 Minuten"]),
        ("Commentaires", ["il y a 2 jours", "il y a 1 jour", "19.11.2019 18:34"]),
        ("Comentarios", ["hace 5 horas", "hace 3 horas", "2019-11-19"]),
    ],
)
def test_a_headed_thread_after_the_article_is_marked(heading: str, times: list[str]) -> None:
    page = _text(*ARTICLE, *_headed(heading, times), "About us")
    document = clean(page, CleanOptions(format="text", explain=True))
    kept = document.text()
    assert all(line in kept for line in ARTICLE)
    assert not any(reply in kept for reply in REPLIES[:3])


@pytest.mark.parametrize(
    "lines",
    [
        # A forum's "Comment" button is no comments heading: the posts under it are the thread itself.
        [*ARTICLE, *_headed("Comment", ["2 days ago", "1 day ago", "5 hours ago"])],
        # A comments link above the article is not its end.
        _headed("12 Comments", ["2 days ago", "1 day ago", "5 hours ago"])[:1] + ARTICLE + REPLIES,
        # Dates without a comments heading: a timeline in the article.
        [
            *ARTICLE,
            "November 19, 2019",
            REPLIES[0],
            "November 20, 2019",
            REPLIES[1],
            "November 21, 2019",
            REPLIES[2],
        ],
    ],
)
def test_headed_threads_need_a_heading_after_the_article(lines: list[str]) -> None:
    assert not _thread_marks(_text(*lines))


@pytest.mark.parametrize(
    "text",
    [
        "2 days ago at 07:52 am",
        "November 19, 2019 at 6:34 am",
        "19.11.2019 18:34",
        "vor 3 Stunden",
        "hace 5 horas",
        "1 year ago",
    ],
)
def test_timestamp_lines(text: str) -> None:
    assert is_timestamp(Block(0, text, Kind.PARAGRAPH))


@pytest.mark.parametrize(
    "text",
    ["The bridge reopened on November 19, 2019.", "2 days", "Ago", "Published 2 days ago by the council"],
)
def test_not_timestamp_lines(text: str) -> None:
    assert not is_timestamp(Block(0, text, Kind.PARAGRAPH))
