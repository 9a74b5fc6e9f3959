"""Already-extracted articles with junk planted around them: the plain-text case a scraper leaves.

Article bodies are real: the hand-marked main content (`articleBody`) of both shared sets, so the
articles' own lists, steps, code and replies are there to be lost. The junk is written in
bench/planted_junk.py (ten families, ten languages, three halves of wordings: A to write rules and
train from, B held apart to measure, C written blind for an honest measure, since rules were written
while looking at what was left of B) and planted where scrapers leave it:
- before the article: a teaser (a copy of the lead, whole or cut short with an ellipsis), cookie and
  app banners, social and ad lines;
- inside: ad markers, a newsletter or app line, a "Read more:" label with one headline;
- after: a paywall prompt, a related-headlines run under a label, share, donation, newsletter and
  comment-form lines.
Headlines of the related runs are the titles of other pages of the sets.

    .venv/bin/python bench/planted.py --split C            # score clean() on the blind wordings
    .venv/bin/python bench/planted.py --split B            # the held-out wordings (optimistic now)
    .venv/bin/python bench/planted.py --write DIR --count 12 --split B   # a labelled folder (fixtures)

Scored (`score`): article paragraphs lost (share, and documents losing more than one), the lead kept
exactly once, planted junk lines left, teasers left. A written folder is also a benchmark folder
for `article-cleaner eval DIR --mode text` (`without` = the planted lines).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script or imported as bench.planted

from _shared import SETS, site_fold
from planted_junk import APP_STORES, FAMILIES, LANGUAGES, SITES, SPLITS, phrasings

from cleaner.evaluate import paragraphs_lost

# Bodies kept to this many paragraphs: long threads and manuals would dominate the pooled shares.
MAX_PARAGRAPHS = 60
# The lead a teaser copies must be a real paragraph, not a dateline or a subhead.
LEAD_MIN_WORDS = 15
_TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,40}$")


@dataclass
class Planted:
    """One generated document and what was planted in it."""

    id: str
    set: str
    fold: int
    language: str
    paragraphs: list[str]
    text: str
    # (family, line) for every planted line; teasers are family "teaser", headlines "related_headline".
    junk: list[tuple[str, str]] = field(default_factory=list)


def sources() -> list[tuple[str, str, str, list[str], str]]:
    """(set, id, url, article paragraphs, page title) of every page of both shared sets."""
    found = []
    for name, folder in SETS.items():
        labels = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        for key, value in sorted(labels.items()):
            body = [line.strip() for line in value["articleBody"].splitlines() if line.strip()]
            title = _title(folder / "fulltext" / f"{key}.txt")
            found.append((name, key, value.get("url") or "", body[:MAX_PARAGRAPHS], title))
    return found


def _title(path: Path) -> str:
    if not path.exists():
        return ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.strip():
            return _TITLE_SUFFIX.sub("", line.strip())[:150]
    return ""


def generate(split: str, seed: int = 13, folds: Iterable[int] | None = None) -> list[Planted]:
    """One planted document per usable page (of the given site folds), junk wordings of one half."""
    everything = sources()
    titles = [title for *_, title in everything if 4 <= len(title.split()) <= 16]
    wanted = set(range(5)) if folds is None else set(folds)
    documents = []
    for name, key, url, body, _ in everything:
        fold = site_fold(url)
        if fold not in wanted or len(body) < 3 or len(body[0].split()) < LEAD_MIN_WORDS:
            continue
        rng = random.Random(f"{seed}/{split}/{name}/{key}")
        documents.append(_plant(rng, split, name, key, fold, body, titles))
    return documents


def _plant(
    rng: random.Random, split: str, name: str, key: str, fold: int, body: list[str], titles: list[str]
) -> Planted:
    language = rng.choice(LANGUAGES)
    site, app = rng.choice(SITES), rng.choice(APP_STORES)
    junk: list[tuple[str, str]] = []

    def line(family: str) -> str:
        lang = language if rng.random() < 0.8 else rng.choice(LANGUAGES)
        text = rng.choice(phrasings(family, lang, split)).format(site=site, app=app, n=rng.randint(2, 9))
        junk.append((family, text))
        return text

    def headlines(count: int) -> list[str]:
        chosen = rng.sample(titles, count)
        junk.extend(("related_headline", title) for title in chosen)
        return chosen

    before: list[str] = []
    for family in rng.sample(
        ["cookie", "app_promo", "social_promo", "ad_marker", "paywall"], rng.randint(0, 3)
    ):
        before.append(line(family))
    if rng.random() < 0.7:
        lead = body[0]
        words = lead.split()
        teaser = (
            lead
            if rng.random() < 0.4
            else " ".join(words[: rng.randint(8, max(9, len(words) * 2 // 3))])
            + rng.choice(("...", "…", " […]"))
        )
        junk.append(("teaser", teaser))
        before.insert(rng.randint(0, len(before)), teaser)
    inside: dict[int, list[str]] = {}
    for _ in range(rng.randint(1, 3)):
        gap = rng.randint(1, len(body) - 1)
        family = rng.choice(
            ["ad_marker", "ad_marker", "newsletter", "app_promo", "donation", "related_label"]
        )
        lines = [line(family)]
        if family == "related_label":
            lines += headlines(1)
        inside.setdefault(gap, []).extend(lines)
    after: list[str] = []
    if rng.random() < 0.4:
        after.append(line("paywall"))
    tail = rng.sample(
        ["share_friend", "social_promo", "donation", "newsletter", "comment_form", "related"],
        rng.randint(1, 4),
    )
    for family in tail:
        if family == "related":
            after += [line("related_label"), *headlines(rng.randint(3, 6))]
        else:
            after.append(line(family))
    lines = list(before)
    for number, paragraph in enumerate(body):
        lines += inside.get(number, [])
        lines.append(paragraph)
    lines += after
    separator = "\n\n" if rng.random() < 0.6 else "\n"
    return Planted(f"{name}-{key}", name, fold, language, body, separator.join(lines) + "\n", junk)


@dataclass
class Score:
    """What clean() did to a set of planted documents."""

    documents: int
    paragraphs: int
    paragraphs_lost: int
    documents_losing_more_than_one: int
    documents_losing_over_half: int
    lead_not_once: int
    junk_lines: int
    junk_left: int
    teasers: int
    teasers_left: int
    left_by_family: dict[str, str]

    def line(self) -> str:
        return (
            f"{self.documents} documents: paragraphs lost {self.paragraphs_lost}/{self.paragraphs} "
            f"({100 * self.paragraphs_lost / max(self.paragraphs, 1):.2f} %), documents losing >1: "
            f"{self.documents_losing_more_than_one}, >half: {self.documents_losing_over_half}, lead not once: "
            f"{self.lead_not_once}; junk left {self.junk_left}/{self.junk_lines} "
            f"({100 * self.junk_left / max(self.junk_lines, 1):.2f} %), teasers left {self.teasers_left}/{self.teasers}"
        )


def score(documents: list[Planted], outputs: list[str]) -> Score:
    """Score the clean texts of planted documents (same order)."""
    lost_total = paragraphs = more_than_one = over_half = lead_bad = 0
    junk_lines = junk_left = teasers = teasers_left = 0
    planted: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for document, output in zip(documents, outputs, strict=True):
        lost, total = paragraphs_lost("\n".join(document.paragraphs), output)
        lost_total += lost
        paragraphs += total
        more_than_one += lost > 1
        over_half += lost * 2 > total
        # Lines compared with their spaces folded, as segmentation folds them.
        kept_lines = Counter(_folded(text) for text in output.splitlines())
        lead = _folded(document.paragraphs[0])
        lead_bad += kept_lines[lead] != 1
        article = {_folded(paragraph) for paragraph in document.paragraphs}
        for family, raw in document.junk:
            text = _folded(raw)
            if text in article:
                continue  # the article itself says it (a headline quoted in the body): not junk here
            is_left = kept_lines[text] > 0
            if family == "teaser":
                if text == lead:
                    continue  # a whole copy of the lead: scored by "lead not once"
                teasers += 1
                teasers_left += is_left
            else:
                junk_lines += 1
                junk_left += is_left
                planted[family] += 1
                left[family] += is_left
    return Score(
        len(documents),
        paragraphs,
        lost_total,
        more_than_one,
        over_half,
        lead_bad,
        junk_lines,
        junk_left,
        teasers,
        teasers_left,
        {family: f"{left[family]}/{planted[family]}" for family in sorted(planted)},
    )


def _folded(text: str) -> str:
    return " ".join(text.split())


def left_by_language(
    documents: list[Planted], outputs: list[str], split: str
) -> dict[tuple[str, str], list[int]]:
    """(family, language of the line) -> [left, planted] for the planted junk lines of one half, counted
    as `score` counts them (teasers apart; headlines of related runs are language "-"). A line's
    language is that of the wording it was made from (one in five lines is in another language than
    its document); a wording written the same in two languages counts for both, joined with "/"."""
    wordings: dict[str, set[tuple[str, str]]] = {}
    for family in FAMILIES:
        for language in LANGUAGES:
            for wording in phrasings(family, language, split):
                for site in SITES:
                    for app in APP_STORES:
                        for n in range(2, 10):
                            text = _folded(wording.format(site=site, app=app, n=n))
                            wordings.setdefault(text, set()).add((family, language))
    found: dict[tuple[str, str], list[int]] = {}
    for document, output in zip(documents, outputs, strict=True):
        kept_lines = Counter(_folded(text) for text in output.splitlines())
        article = {_folded(paragraph) for paragraph in document.paragraphs}
        for family, raw in document.junk:
            text = _folded(raw)
            if family == "teaser" or text in article:
                continue
            languages = sorted(language for of, language in wordings.get(text, ()) if of == family)
            language = "-" if family == "related_headline" else "/".join(languages) or "?"
            cell = found.setdefault((family, language), [0, 0])
            cell[0] += kept_lines[text] > 0
            cell[1] += 1
    return found


def breakdown(cells: dict[tuple[str, str], list[int]], top: int = 15) -> str:
    """Junk left by family, by language and the worst family x language cells, as printable lines."""

    def share(left: int, planted: int) -> str:
        return f"{left}/{planted} ({100 * left / max(planted, 1):.1f} %)"

    lines = []
    for axis, name in ((0, "family"), (1, "language")):
        totals: dict[str, list[int]] = {}
        for key, (left, planted) in cells.items():
            total = totals.setdefault(key[axis], [0, 0])
            total[0] += left
            total[1] += planted
        ranked = sorted(totals.items(), key=lambda item: (-item[1][0] / max(item[1][1], 1), item[0]))
        lines.append(f"left by {name}: " + ", ".join(f"{key} {share(*value)}" for key, value in ranked))
    worst = sorted(cells.items(), key=lambda item: (-item[1][0], -item[1][0] / max(item[1][1], 1), item[0]))
    lines.append(
        f"most left (family/language, top {top}): "
        + ", ".join(
            f"{family}/{language} {share(*value)}" for (family, language), value in worst[:top] if value[0]
        )
    )
    return "\n".join(lines)


def run(documents: list[Planted], clean_text: Callable[[str], str]) -> Score:
    return score(documents, [clean_text(document.text) for document in documents])


def write(documents: list[Planted], folder: Path) -> None:
    """A labelled folder: ground-truth.json (`without` = planted lines), fulltext/, planted.json."""
    (folder / "fulltext").mkdir(parents=True, exist_ok=True)
    truth = {}
    for document in documents:
        (folder / "fulltext" / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
        truth[document.id] = {
            "articleBody": "\n".join(document.paragraphs),
            "page_type": "planted",
            "with": [p[:60] for p in document.paragraphs if len(p.split()) >= 6],
            "without": [
                text
                for family, text in document.junk
                if family != "teaser" and text not in document.paragraphs
            ],
        }
    (folder / "ground-truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    meta = {document.id: {k: v for k, v in asdict(document).items() if k != "text"} for document in documents}
    (folder / "planted.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


def read(folder: Path) -> list[Planted]:
    """Documents written by `write`."""
    meta = json.loads((folder / "planted.json").read_text(encoding="utf-8"))
    return [
        Planted(
            **{**value, "junk": [tuple(pair) for pair in value["junk"]]},
            text=(folder / "fulltext" / f"{key}.txt").read_text(encoding="utf-8"),
        )
        for key, value in meta.items()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=SPLITS, default="B")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--by-family",
        action="store_true",
        help="also break the junk left down by family, by language of the line and by both",
    )
    parser.add_argument("--write", type=Path, help="write a labelled folder instead of scoring")
    parser.add_argument(
        "--count", type=int, default=0, help="only this many documents (spread over the sets)"
    )
    args = parser.parse_args()
    documents = generate(args.split, args.seed)
    if args.count:
        documents = random.Random(args.seed).sample(documents, args.count)
    if args.write:
        write(documents, args.write)
        print(f"wrote {len(documents)} documents to {args.write}")
        return
    from cleaner import CleanOptions, clean

    options = CleanOptions(format="text")
    outputs = [clean(document.text, options).text() for document in documents]
    result = score(documents, outputs)
    print(result.line())
    if args.by_family:
        print(breakdown(left_by_language(documents, outputs, args.split)))
    else:
        print("left by family: " + ", ".join(f"{k} {v}" for k, v in result.left_by_family.items()))


if __name__ == "__main__":
    main()
