"""The deadline pool's fairness and budgets, with real children: owners take turns for the children,
a request's deadline is shared by its calls (waiting ones never start, running ones are stopped),
and cancelling a running call stops its child."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import CancelledError, Future
from typing import Any

import pytest

from cleaner.errors import BudgetExceededError
from cleaner.isolate.deadline import Deadline, DeadlinePool

# A guard against a hang, never a speed check.
GUARD = 120.0


@pytest.fixture
def one_child() -> Iterator[DeadlinePool]:
    with DeadlinePool(1, None, initializer=None) as pool:
        pool.wait_ready()
        yield pool


@pytest.fixture
def two_children() -> Iterator[DeadlinePool]:
    with DeadlinePool(2, 60.0, initializer=None) as pool:
        pool.wait_ready()
        yield pool


def _wait_running(future: Future[Any]) -> None:
    deadline = time.monotonic() + GUARD
    while not future.running() and not future.done() and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.parametrize("greedy_calls", [3, 10, 40])
def test_owners_take_turns_for_the_children(one_child: DeadlinePool, greedy_calls: int) -> None:
    finished: list[str] = []
    first = one_child.submit_for("greedy", None, time.sleep, 0.2)
    _wait_running(first)
    futures = [one_child.submit_for("greedy", None, time.sleep, 0.01) for _ in range(greedy_calls)]
    modest = one_child.submit_for("modest", None, time.sleep, 0.01)
    for name, future in [("greedy", first), *(("greedy", f) for f in futures), ("modest", modest)]:
        future.add_done_callback(lambda _, name=name: finished.append(name))
    modest.result(GUARD)
    for future in futures:
        future.result(GUARD)
    # FIFO would serve the modest owner last; taking turns, it waits for at most one greedy call.
    assert finished.index("modest") <= 2, finished


def test_within_one_owner_calls_keep_their_order(one_child: DeadlinePool) -> None:
    order: list[int] = []
    futures = [one_child.submit_for("a", None, time.sleep, 0.001) for _ in range(20)]
    for number, future in enumerate(futures):
        future.add_done_callback(lambda _, number=number: order.append(number))
    for future in futures:
        future.result(GUARD)
    assert order == sorted(order)


@pytest.mark.parametrize("calls", [1, 2, 5])
def test_a_deadline_shared_by_calls_stops_the_running_and_skips_the_waiting(
    two_children: DeadlinePool, calls: int
) -> None:
    before = set(two_children.child_pids())
    deadline = Deadline(0.5)
    futures = [two_children.submit_for("batch", deadline, time.sleep, 600) for _ in range(calls)]
    for future in futures:
        with pytest.raises(BudgetExceededError) as caught:
            future.result(GUARD)
        assert caught.value.code == "time_budget" and "0.5 s" in str(caught.value)
    # The children that were running a call were stopped and replaced; the pool serves on.
    assert len(before & set(two_children.child_pids())) == 2 - min(calls, 2)
    assert two_children.submit(sum, [1, 2]).result(GUARD) == 3


def test_a_deadline_already_past_runs_nothing(two_children: DeadlinePool) -> None:
    before = two_children.child_pids()
    deadline = Deadline(0.0)
    with pytest.raises(BudgetExceededError):
        two_children.submit_for("late", deadline, time.sleep, 600).result(GUARD)
    assert two_children.child_pids() == before  # no child was started, none was stopped


@pytest.mark.parametrize("waiting", [0, 3])
def test_cancelling_a_running_call_stops_its_child(one_child: DeadlinePool, waiting: int) -> None:
    before = one_child.child_pids()
    running = one_child.submit_for("gone", None, time.sleep, 600)
    queued = [one_child.submit_for("gone", None, time.sleep, 600) for _ in range(waiting)]
    _wait_running(running)
    assert running.running()
    assert running.cancel() is False  # already running: stopped, not just forgotten
    for future in queued:
        assert future.cancel() is True
    with pytest.raises(CancelledError):
        running.result(GUARD)
    assert one_child.submit(sum, [2, 3]).result(GUARD) == 5
    assert one_child.child_pids() != before
