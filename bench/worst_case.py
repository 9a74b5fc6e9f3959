"""Worst-case small inputs (issue 15): how long `clean()` takes on each, here and in another checkout.

Each case is a page built to make one part of the cleaner superlinear: a word glued to itself under
the account-button rule, empty comments before junk under the HTML sniff, a keyword followed by
tens of thousands of dots or marks under the tag-list, embed-link, newsletter and free-trial rules,
10,000 teaser lines, a page of 50,000 blocks. Every case runs in its own process (CPU time of the
`clean()` call, best of `--rounds`), stopped at `--limit` seconds. With `--before PATH` the same cases
run against the checkout at PATH (its own .venv, else this interpreter with that code) in the same session, so the two columns compare.

    .venv/bin/python bench/worst_case.py --before /work/main
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> Python expression building the page (str); sizes as in the reports.
CASES: dict[str, str] = {
    "account button: word glued 40 times": "'loginlogin' * 20 + 'x!'",
    "html sniff: 30 empty comments before junk": "'<!---->' * 30 + 'x' * 10",
    "html sniff: 3,000 spaced comments before junk": "'<!-- --> ' * 3000 + 'x'",
    "tag list: 'Tags:' + 100k dots": "'Tags: ' + '.' * 100_000 + 'a'",
    "embed link: link + 50k dots": "'pic.twitter.com/a' + '.' * 50_000 + ' a'",
    "newsletter: keyword + 50k marks": "'Sign up ' + '!' * 50_000 + ' for our newsletter'",
    "free trial: keyword + 50k dots": "'Start your free' + '.' * 50_000 + 'trial'",
    "clause starts: 50k '!.'": "'Subscribe' + '!.' * 25_000 + 'x'",
    "account verb glued 10k times": "'subscrib' * 10_000 + ' to continue reading'",
    # Under the rules' 2,000-character cap, so the patterns themselves run: 500 such blocks a page.
    "500 blocks: 'Tags:' + 1,900 dots": "'\\n\\n'.join('Tags: ' + '.' * 1900 + 'a' for _ in range(500))",
    "500 blocks: 'Sign up' + 1,900 marks": "'\\n\\n'.join('Sign up ' + '!' * 1900 + ' newsletter' for _ in range(500))",
    "500 blocks: link + 1,900 dots": "'\\n\\n'.join('pic.twitter.com/a' + '.' * 1900 + ' a' for _ in range(500))",
    "500 blocks: 'Subscribe' + 1,900 '!.'": "'\\n\\n'.join('Subscribe' + '!.' * 950 + ' to continue reading' for _ in range(500))",
    "10,000 teaser lines": "'\\n\\n'.join(f'Line {i} of a teaser that goes on {i % 97} ...' for i in range(10_000))",
    "10,000 identical teaser lines": "'\\n\\n'.join('The same teaser line that trails off here ...' for i in range(10_000))",
    "50,000 blocks": "'\\n\\n'.join(f'Paragraph {i} says something about item {i * 7919 % 100003}.' for i in range(50_000))",
    "50,000 near-duplicate blocks": "'\\n\\n'.join(' '.join(f'w{(i + j) % 40}' for j in range(30)) + f' end{i}.' for i in range(50_000))",
}

_RUN = """
import json, sys, time
from cleaner import clean
page = {expression}
best = float("inf")
error = None
for _ in range({rounds}):
    start = time.process_time()
    try:
        clean(page)
    except Exception as exc:  # a typed refusal is an answer too
        error = f"{{type(exc).__name__}}: {{exc}}"
    best = min(best, time.process_time() - start)
print(json.dumps({{"seconds": best, "error": error, "chars": len(page)}}))
"""


def run(checkout: Path, expression: str, rounds: int, limit: float) -> dict[str, object]:
    """Time one case in a fresh process of that checkout's interpreter."""
    own = checkout / ".venv" / "bin" / "python"
    python = own if own.exists() else Path(sys.executable)  # the checkout's code comes first on sys.path
    code = _RUN.format(expression=expression, rounds=rounds)
    try:
        done = subprocess.run(
            [str(python), "-c", code],
            cwd=checkout,
            capture_output=True,
            text=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "error": f"over {limit:g} s"}
    if done.returncode != 0:
        return {"seconds": None, "error": done.stderr.strip().splitlines()[-1:]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _cell(result: dict[str, object]) -> str:
    seconds = result.get("seconds")
    text = f"{seconds:.3f} s" if isinstance(seconds, float) else "-"
    if result.get("error"):
        text += f" ({str(result['error'])[:60]})"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, help="another checkout (with its .venv) to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per case and checkout")
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    args = parser.parse_args(argv)
    print("| case | " + ("before | " if args.before else "") + "now |")
    print("|---|" + ("---|" if args.before else "") + "---|")
    for name, expression in CASES.items():
        if args.only not in name:
            continue
        cells = []
        if args.before:
            cells.append(_cell(run(args.before, expression, args.rounds, args.limit)))
        cells.append(_cell(run(ROOT, expression, args.rounds, args.limit)))
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
