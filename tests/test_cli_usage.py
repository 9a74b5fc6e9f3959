"""Every argument of the command line, given wrong: one line on stderr saying what is wrong and what
is allowed, exit code 2, nothing on stdout, no traceback, no work done. Also --version and --url."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from tests.conftest import CLI, FIXTURES
from tests.samples import ARTICLE, CLEAN

# {page}: a page that exists; {dir}: a directory of pages; {file}: a plain file (not a folder); {bench}:
# a folder without ground-truth.json.
USAGE_ERRORS = [
    # the commands
    ((), "the following arguments are required: COMMAND"),
    (("frobnicate",), "'frobnicate' is not one of: clean, eval, serve"),
    (("clean", "{page}", "--frobnicate"), "unrecognized arguments: --frobnicate"),
    # clean: the input and the output
    (("clean",), "the following arguments are required: PAGE|DIR|-"),
    (("clean", "no/such/page.html"), "cannot read no/such/page.html"),
    (("clean", "{page}", "-o"), "argument -o/--output: expected one argument"),
    (("clean", "{page}", "-o", "{dir}"), "is a directory; for one page, -o names the file to write"),
    (("clean", "{page}", "-o", "{dir}/missing/page.txt"), "cannot write"),
    (("clean", "{dir}"), "cleaning a directory needs -o OUT"),
    (("clean", "{dir}", "-o", "{file}"), "is a file; a directory run writes into a folder"),
    (("clean", "{dir}", "-o", "{file}/out"), "is a file; a directory run writes into a folder"),
    # clean: each option's values
    (("clean", "{page}", "--format", "pdf"), "argument --format: 'pdf' is not one of: auto, html, text"),
    (("clean", "{page}", "--url", "example.com/a"), "'example.com/a' is not an absolute http(s) URL"),
    (("clean", "{page}", "--url", "ftp://example.com/a"), "is not an absolute http(s) URL"),
    (
        ("clean", "{dir}", "-o", "{out}", "--jobs", "two"),
        "argument --jobs/-j: 'two' is not a whole number (1 or more)",
    ),
    (("clean", "{dir}", "-o", "{out}", "-j", "0"), "'0' is out of range: give a whole number, 1 or more"),
    (("clean", "{dir}", "-o", "{out}", "--jobs", "1.5"), "'1.5' is not a whole number"),
    (("clean", "{page}", "--timeout", "soon"), "argument --timeout: 'soon' is not a number (0 to 604800)"),
    (("clean", "{page}", "--timeout", "-1"), "'-1' is out of range: give a number, 0 to 604800"),
    (("clean", "{page}", "--timeout", "nan"), "'nan' is not a finite number"),
    (("clean", "{page}", "--timeout", "NaN"), "'NaN' is not a finite number"),
    (("clean", "{page}", "--timeout", "1e400"), "'1e400' is not a finite number (0 to 604800)"),
    (("clean", "{page}", "--timeout", "inf"), "'inf' is not a finite number"),
    (("clean", "{page}", "--timeout", "Infinity"), "'Infinity' is not a finite number"),
    (("clean", "{page}", "--timeout=-inf"), "'-inf' is not a finite number"),
    (("clean", "{page}", "--timeout", "1e9"), "'1e9' is out of range: give a number, 0 to 604800"),
    (("clean", "{page}", "--timeout", "604801"), "'604801' is out of range"),
    (("clean", "{dir}", "-o", "{dir}"), "is the input folder: the outputs would be read back as inputs"),
    (("clean", "{dir}/", "-o", "{dir}"), "is the input folder"),
    (("clean", "{dir}", "-o", "{dir}/."), "is the input folder"),
    (("clean", "{dir}", "-o", "{dir}/sub/.."), "is the input folder"),
    (("clean", "{dir}", "-o", "{dir}", "--resume"), "is the input folder"),
    (("clean", "{dir}", "-o", "{dir}", "--input-format", "jsonl"), "is the input folder"),
    (("clean", "{dir}", "-o", "{dir}", "--dedup"), "is the input folder"),
    (("clean", "{dir}", "-o", "{out}", "--input-format", "xml"), "'xml' is not one of: files, jsonl"),
    (("clean", "{dir}", "-o", "{out}", "--output-format", "csv"), "'csv' is not one of: text, jsonl"),
    (("clean", "{dir}", "-o", "{out}", "--engine", "spark"), "'spark' is not one of: local, dask"),
    (("clean", "{dir}", "-o", "{out}", "--dedup", "--keep", "some"), "'some' is not one of: longest, all"),
    (("clean", "{dir}", "-o", "{out}", "--dedup", "--site-min-docs", "-1"), "'-1' is out of range"),
    (
        ("clean", "{dir}", "-o", "{out}", "--dedup", "--site-min-docs", "x"),
        "'x' is not a whole number (0 or more)",
    ),
    # clean: options that do not go together
    (("clean", "{page}", "--jobs", "2"), "--jobs: for a directory (or JSON Lines) run"),
    (("clean", "{page}", "--dedup"), "--dedup: for a directory (or JSON Lines) run"),
    (("clean", "{page}", "--resume"), "--resume: for a directory (or JSON Lines) run"),
    (("clean", "{page}", "--output-format", "jsonl"), "--output-format: for a directory (or JSON Lines) run"),
    (("clean", "-", "--input-format", "jsonl"), "--input-format: for a directory (or JSON Lines) run"),
    (("clean", "{page}", "--engine", "dask"), "--engine: for a directory (or JSON Lines) run"),
    (("clean", "{dir}", "-o", "{out}", "--url", "https://example.com/a"), "--url is for one page"),
    (("clean", "{dir}", "-o", "{out}", "--scheduler", "tcp://h:8786"), "--scheduler is for --engine dask"),
    (("clean", "{dir}", "-o", "{out}", "--keep", "all"), "--keep and --site-min-docs go with --dedup"),
    (("clean", "{dir}", "-o", "{out}", "--site-min-docs", "2"), "--keep and --site-min-docs go with --dedup"),
    (("clean", "{page}", "--to", "pdf"), "argument --to: 'pdf' is not one of: text, markdown, html"),
    (("clean", "{dir}", "-o", "{out}", "--json"), "--json prints one page's result; for a directory use"),
    (("clean", "{page}", "--explain"), "--explain is for --output-format jsonl"),
    (("clean", "{dir}", "-o", "{out}", "--explain"), "--explain is for --output-format jsonl"),
    (("clean", "{page}", "--include-links"), "go with --to markdown or --to html"),
    (("clean", "{page}", "--to", "text", "--include-images"), "go with --to markdown or --to html"),
    # eval
    (("eval",), "the following arguments are required: BENCH_DIR"),
    (("eval", "{bench}"), "has no ground-truth.json"),
    (("eval", "{bench}", "--mode", "pdf"), "'pdf' is not one of: html, text"),
    (("eval", "{bench}", "--worst", "many"), "argument --worst: 'many' is not a whole number (0 or more)"),
    (("eval", "{bench}", "--jobs", "0"), "argument --jobs/-j: '0' is out of range"),
    # serve
    (("serve", "--port", "http"), "argument --port: 'http' is not a whole number (0 to 65535)"),
    (("serve", "--port", "70000"), "'70000' is out of range: give a whole number, 0 to 65535"),
    (("serve", "--workers", "0"), "argument --workers: '0' is out of range"),
]


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(ARTICLE)
    (tmp_path / "bench").mkdir()
    (tmp_path / "file.txt").write_text("not a folder")
    return {
        "page": str(tmp_path / "pages" / "a.txt"),
        "dir": str(tmp_path / "pages"),
        "out": str(tmp_path / "out"),
        "file": str(tmp_path / "file.txt"),
        "bench": str(tmp_path / "bench"),
    }


@pytest.mark.parametrize(
    ("args", "message"), USAGE_ERRORS, ids=[" ".join(a) or "(none)" for a, _ in USAGE_ERRORS]
)
def test_usage_errors_are_one_line_and_exit_2(
    args: tuple[str, ...],
    message: str,
    places: dict[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [arg.format(**places) for arg in args]
    try:
        code = main(argv)
    except SystemExit as exit:  # argparse's own errors leave through sys.exit
        code = exit.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("article-cleaner: "), err
    assert message in err
    assert "invalid" not in err and "Traceback" not in err
    assert not Path(places["out"]).exists()  # refused before any work


def test_usage_errors_of_the_installed_command() -> None:
    """The same through the console script, as users meet them."""
    done = subprocess.run(
        [*CLI, "clean", "--jobs", "x", "page.html"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "article-cleaner: argument --jobs/-j: 'x' is not a whole number (1 or more); "
        "see 'article-cleaner clean --help'\n"
    )


def test_a_bad_setting_of_the_service_is_one_line() -> None:
    done = subprocess.run(
        [*CLI, "serve"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CLEANER_PORT": "http"},
    )
    assert done.returncode == 2
    assert done.stderr.startswith("article-cleaner: CLEANER_PORT: ") and done.stderr.count("\n") == 1


@pytest.mark.skipif(
    shutil.which("setpriv") is None and os.geteuid() == 0, reason="needs setpriv to drop root"
)
def test_unwritable_output_and_unreadable_input_are_one_line() -> None:
    """What `docker run -v "$PWD/clean:/out"` gives the image's user: a folder it may not write."""
    with tempfile.TemporaryDirectory() as place:  # in /tmp: pytest's own folders are root's alone
        root = Path(place)
        root.chmod(0o755)
        pages, out, private = root / "pages", root / "out", root / "private"
        for folder in (pages, out, private):
            folder.mkdir(mode=0o755)
        (pages / "a.txt").write_text(ARTICLE)
        private.chmod(0o700)
        # As another user, as in the container (root may write anywhere).
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        if not drop:
            out.chmod(0o555)
            private.chmod(0o000)
        hint = ' (in Docker, run the container as yourself: docker run --user "$(id -u):$(id -g)" ...)'
        for args, message in [
            ((str(pages), "-o", str(out)), f"cannot write to {out}: Permission denied{hint}"),
            (
                (str(pages), "-o", str(private / "out")),
                f"cannot write to {private / 'out'}: Permission denied{hint}",
            ),
            ((str(private / "page.html"),), f"cannot read {private / 'page.html'}: Permission denied"),
        ]:
            done = subprocess.run([*drop, *CLI, "clean", *args], capture_output=True, text=True, timeout=60)
            assert (done.returncode, done.stderr) == (2, f"article-cleaner: {message}\n")
        assert list(out.iterdir()) == []
        private.chmod(0o700)


def test_version() -> None:
    done = subprocess.run([*CLI, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout == f"article-cleaner {cleaner.__version__}\n"


def test_url_of_one_page_is_its_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE)
    done = subprocess.run(
        [*CLI, "clean", str(page), "--url", "https://news.example.com/2024/bridge", "--json"],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["url"] == "https://news.example.com/2024/bridge" and result["text"] == CLEAN


def test_url_with_a_time_limit_too(tmp_path: Path) -> None:
    """--url reaches clean() through the deadline pool as well."""
    html = (FIXTURES / "clean-local-paper-subscribers.html").read_bytes()
    done = subprocess.run(
        [*CLI, "clean", "-", "--url", "https://paper.example.org/a", "--timeout", "30", "--json"],
        input=html,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["url"] == "https://paper.example.org/a"
