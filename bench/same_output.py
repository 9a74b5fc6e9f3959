"""Does a change alter what `clean()` returns? This checkout against another one, on every page.

A speed change should not move a single block: this cleans every page of both labelled sets (HTML
and their whole-page texts) with each source tree, in a child process per tree, and compares the
full explained result (text, every block's removal reason and rule, metadata, probabilities to 6
places). It prints the pages that differ and exits 1 if any does.

    git worktree add --detach /tmp/before <commit>
    .venv/bin/python bench/same_output.py --before /tmp/before [--format html|text|both] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _shared import SETS, require_shared

HERE = Path(__file__).resolve().parents[1]
# Run inside the child: one JSON line per page, the explained result with rounded probabilities.
_CHILD = """
import json, sys
from pathlib import Path
from cleaner import CleanOptions, clean
from cleaner.result import to_result
folder, format, limit, out = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
pattern = "html/*.html.gz" if format == "html" else "fulltext/*.txt"
options = CleanOptions(format=format, explain=True)
with open(out, "w", encoding="utf-8") as sink:
    for path in sorted(folder.glob(pattern))[: limit or None]:
        result = to_result(clean(path.read_bytes(), options), options=options)
        for block in result["blocks"]:
            for key in ("article_probability", "similarity"):
                if isinstance(block[key], float):
                    block[key] = round(block[key], 6)
        sink.write(json.dumps({"page": path.name, "result": result}, sort_keys=True) + "\\n")
"""


def results(tree: Path, folder: Path, format: str, limit: int) -> dict[str, str]:
    """page name -> its result as canonical JSON, cleaned by the source tree `tree`."""
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
        env = {**os.environ, "PYTHONPATH": str(tree)}
        command = [sys.executable, "-c", _CHILD, str(folder), format, str(limit), out.name]
        subprocess.run(command, env=env, check=True, cwd=tree)
        lines = Path(out.name).read_text(encoding="utf-8").splitlines()
    found = {}
    for line in lines:
        record = json.loads(line)
        found[record["page"]] = json.dumps(record["result"], sort_keys=True)
    return found


def first_difference(before: str, after: str) -> str:
    """Where two results part: the first differing key path, shortly."""
    left, right = json.loads(before), json.loads(after)
    for key in sorted(set(left) | set(right)):
        if left.get(key) == right.get(key):
            continue
        if key == "blocks" and isinstance(left.get(key), list) and isinstance(right.get(key), list):
            for a, b in zip(left[key], right[key], strict=False):
                if a != b:
                    changed = [name for name in a if a.get(name) != b.get(name)]
                    return f"block {a['index']}: {', '.join(changed)}"
            return f"blocks: {len(left[key])} before, {len(right[key])} now"
        return key
    return "?"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, required=True, help="source tree to compare with")
    parser.add_argument("--format", choices=("html", "text", "both"), default="both")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of each set")
    args = parser.parse_args()
    require_shared()
    formats = ("html", "text") if args.format == "both" else (args.format,)
    differing = 0
    for name, folder in SETS.items():
        for format in formats:
            before = results(args.before.resolve(), folder, format, args.limit)
            after = results(HERE, folder, format, args.limit)
            changed = sorted(page for page in before if before[page] != after.get(page))
            differing += len(changed)
            print(f"{name} {format}: {len(changed)} of {len(before)} pages differ")
            for page in changed[:20]:
                print(f"  {page}: {first_difference(before[page], after.get(page, '{}'))}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
