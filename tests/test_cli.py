"""The command line, run as users run it: a subprocess on real files in a temporary directory."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

from tests.conftest import CLI
from tests.samples import ARTICLE, CLEAN, HTML


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=120)


def test_clean_a_text_page_to_stdout(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE)
    done = run("clean", str(page))
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == CLEAN + "\n"


def test_clean_stdin_and_gzip(tmp_path: Path) -> None:
    assert run("clean", "-", stdin=ARTICLE.encode()).stdout.decode() == CLEAN + "\n"
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(HTML.encode()))
    done = run("clean", str(page))
    assert done.returncode == 0, done.stderr
    assert "protected lanes" in done.stdout.decode() and "Subscribe" not in done.stdout.decode()


def test_json_output_is_the_full_result(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML)
    result = json.loads(run("clean", str(page), "--json").stdout)
    assert result["format"] == "html" and result["title"] == "Cycling plan approved"
    # The headline is returned as the title, not repeated in the text.
    # Every block of the page is explained: the menu too, by where it stood.
    assert result["removed"] == {"outside_article": 1, "paywall": 1, "title": 1}
    removed = [(b["removed"], b["rule"]) for b in result["blocks"] if b["removed"]]
    assert [r for r, _ in removed] == ["outside_article", "title", "paywall"] and removed[0][
        1
    ] == "navigation"


def test_format_option_overrides_sniffing(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(HTML)
    assert json.loads(run("clean", str(page), "--format", "text", "--json").stdout)["format"] == "text"


def test_a_bad_page_exits_1_with_a_message(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = run("clean", str(empty))
    assert done.returncode == 1
    assert "empty" in done.stderr.decode()


def test_directory_needs_an_output(tmp_path: Path) -> None:
    done = run("clean", str(tmp_path))
    assert done.returncode == 2 and "-o OUT" in done.stderr.decode()


def make_mixed_tree(root: Path) -> None:
    (root / "news" / "2024").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE)
    (root / "news" / "b.html").write_text(HTML)
    (root / "news" / "2024" / "c.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (root / "news" / "d.htm").write_text(HTML)
    (root / "empty.txt").write_bytes(b"")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    (root / "notes.md").write_text(ARTICLE)
    (root / ".hidden.txt").write_text(ARTICLE)


def test_clean_a_directory(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    make_mixed_tree(source)
    done = run("clean", str(source), "-o", str(out), "--jobs", "2")
    assert done.returncode == 1, done.stderr  # two inputs are broken
    report = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    by_path = {record["path"]: record for record in report}
    # Every input once, in walk order (a directory's files, then its subdirectories), hidden files skipped.
    assert list(by_path) == [
        "a.txt",
        "empty.txt",
        "notes.md",
        "photo.jpg",
        "news/b.html",
        "news/d.htm",
        "news/2024/c.html.gz",
    ]
    assert by_path["empty.txt"]["status"] == "error" and by_path["empty.txt"]["error_code"] == "empty_input"
    assert by_path["photo.jpg"]["status"] == "error" and "JPEG" in by_path["photo.jpg"]["error"]
    ok = {path: record for path, record in by_path.items() if record["status"] == "ok"}
    assert {record["output"] for record in ok.values()} == {
        "a.txt",
        "notes.md.txt",
        "news/b.txt",
        "news/d.txt",
        "news/2024/c.txt",
    }
    for record in ok.values():
        assert (out / record["output"]).is_file()
        assert record["chars_out"] > 0 and record["chars_in"] > record["chars_out"]
        assert record["removed"]["paywall"] == 1
    assert (out / "a.txt").read_text() == CLEAN + "\n"
    assert "cleaned 5 of 7 inputs" in done.stderr.decode()


def test_directory_results_do_not_depend_on_jobs(tmp_path: Path) -> None:
    source = tmp_path / "in"
    make_mixed_tree(source)
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        run("clean", str(source), "-o", str(out), "--jobs", jobs)
        outputs[jobs] = {
            p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
        }
    assert outputs["1"] == outputs["2"]


def test_clean_directory_all_good_exits_0(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "one.txt").write_text(ARTICLE)
    done = run("clean", str(source), "-o", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert (out / "one.txt").read_text() == CLEAN + "\n"


def test_one_page_to_markdown_and_html(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML)
    markdown = run("clean", str(page), "--to", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    assert "protected lanes" in markdown.stdout.decode() and "Subscribe" not in markdown.stdout.decode()
    html = run("clean", str(page), "--to", "html", "-o", str(tmp_path / "page.out.html"))
    written = (tmp_path / "page.out.html").read_text()
    assert html.returncode == 0 and written.startswith("<!DOCTYPE html>") and "protected lanes" in written
    result = json.loads(run("clean", str(page), "--to", "markdown", "--json").stdout)
    assert "protected lanes" in result["markdown"] and result["text"] and "html" not in result


def test_a_directory_run_writes_the_rendering_files(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(HTML)
    (pages / "b.txt").write_text(ARTICLE)
    done = run("clean", str(pages), "-o", str(tmp_path / "out"), "--to", "markdown", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert names == ["a.md", "b.md", "report.jsonl"]
    assert (tmp_path / "out" / "b.md").read_text() == CLEAN.replace("\n", "\n\n") + "\n"
    report = [json.loads(line) for line in (tmp_path / "out" / "report.jsonl").read_text().splitlines()]
    assert [r["output"] for r in report] == ["a.md", "b.md"]


def test_json_lines_carry_the_rendering_and_with_explain_the_blocks(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "content": HTML}) + "\n" + json.dumps({"id": "b", "content": ARTICLE}) + "\n"
    )
    out = tmp_path / "out"
    done = run(
        "clean", str(corpus), "-o", str(out), "--input-format", "jsonl", "--output-format", "jsonl",
        "--to", "html", "--explain", "--jobs", "1",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in (out / "articles-00000.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    for line in lines:
        assert line["html"].startswith("<!DOCTYPE html>") and "Subscribe" not in line["html"]
        assert any(block["removed"] == "paywall" for block in line["blocks"])
