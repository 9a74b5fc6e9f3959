"""A small version of bench/load.py: the real server with 2 workers under 8 concurrent clients.
No errors, and memory flat once warm (the full run, 20,000 requests, is in docs/operations.md)."""

from __future__ import annotations

from bench.load import fixture_pages, run_load

REQUESTS = 400


def test_two_workers_under_concurrent_clients() -> None:
    report = run_load(fixture_pages(), REQUESTS, concurrency=8, workers=2, samples=4)
    assert report.errors == 0, report.statuses
    assert len(report.latencies_ms) == REQUESTS
    # After the first quarter every child has seen every page; from then on memory must stay flat.
    (_, _, warm), *_, (_, _, end) = report.memory[1:]
    assert end - warm < 32 * 1024, report.memory  # KiB of PSS over the whole process tree
