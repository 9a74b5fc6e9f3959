"""Run clean() (or any picklable function) under a time limit, in warm child processes.

A Python thread cannot be stopped, so a page that makes extraction pathological (a regex or a parser
stuck in C code, millions of tiny blocks) would hold a thread, a core and its memory for as long as
it likes. A process can be stopped. `DeadlinePool` keeps `processes` children warm (started from a
fork server that has the library imported, each cleaning a sample page once), sends each call to a
free child, and when a call runs past `timeout` seconds it kills that child, answers
`CleanTimeoutError` and starts a fresh child; a child that dies (a crash in native code, the OOM
killer) costs only the call it was running (`WorkerDiedError`). The clock starts when the child
receives the call, so time spent waiting for a free child never counts against a page.

    with DeadlinePool(processes=2, timeout=10.0) as pool:
        document = pool.clean(raw, options)        # or: pool.submit(fn, *args) -> Future

It is a `concurrent.futures.Executor`, so the service awaits its futures (`asyncio.wrap_future`)
without holding a thread per request, and the batch cleaner keeps its in-order window over it.
Arguments and results travel pickled over a pipe: about 1 ms for a typical page (docs/operations.md).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import resource
import signal
import threading
import time
import traceback
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import CancelledError, Executor, Future
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from cleaner.document import Document
from cleaner.errors import (
    BudgetExceededError,
    CleanerError,
    CleanTimeoutError,
    MemoryLimitError,
    WorkerDiedError,
)
from cleaner.isolate.lifeline import exit_with_parent
from cleaner.options import DEFAULT_OPTIONS, CleanOptions
from cleaner.pipeline import clean

# A fork server imports the library once and warms it up (cleaner.isolate._forkserver); every child is a fork
# of it, so starting or replacing a child costs a fork, not the seconds of importing trafilatura and
# numpy and cleaning a first page.
# (Plain fork from the service would copy a process that runs threads: unsafe.)
_START_METHOD = "forkserver"
# Imported by the fork server before it forks anyone; callers add the modules their work lives in.
_FORKSERVER_MODULE = "cleaner.isolate._forkserver"
# How long a child that was asked to stop may take before it is killed, and a new one to warm up.
_STOP_GRACE = 2.0
_START_TIMEOUT = 120.0
_READY = "ready"
# How often a slot waiting for its child looks whether the call was cancelled (its client gone).
_ABANDON_CHECK = 0.1
_WARM_UP_PAGE = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    "<p>The first page a process cleans loads the extraction models and compiles the rules.</p>"
    "<p>Subscribe to continue reading.</p></article></body></html>"
)


def warm_up() -> None:
    """Clean one sample page of each format, so a new child's first real page is not slow."""
    clean(_WARM_UP_PAGE)
    clean("Officials said the bridge reopens in May.\nSubscribe to continue reading.")


class DeadlinePool(Executor):
    """`processes` warm children; each call runs in one of them and ends within `timeout` seconds.

    `timeout=None` means no time limit (children still isolate crashes). `memory_limit` (bytes)
    caps what a child may allocate beyond what it holds when it starts (RLIMIT_DATA): a page that
    needs more gets `MemoryLimitError` (or, if the allocation fails inside C code that cannot
    recover, `WorkerDiedError`), never the machine's memory. `max_tasks` replaces a child after that
    many calls, bounding what a slow leak in a native library can grow to. `preload` names the
    modules the submitted functions live in: the fork server imports them once, so no child pays
    for it (the fork server is one per process, so the first pool's list is the one that holds).
    """

    def __init__(
        self,
        processes: int = 1,
        timeout: float | None = 10.0,
        *,
        max_tasks: int | None = None,
        memory_limit: int | None = None,
        initializer: Callable[[], object] | None = warm_up,
        preload: Sequence[str] = (),
    ) -> None:
        if processes < 1:
            raise ValueError("processes must be 1 or more")
        if timeout is not None and timeout <= 0:
            raise ValueError("timeout must be positive (or None for no limit)")
        self.timeout = timeout
        self._calls = _FairQueue()
        self._shutdown = threading.Lock()
        self._closed = False
        context = multiprocessing.get_context(_START_METHOD)
        context.set_forkserver_preload([_FORKSERVER_MODULE, *preload])
        child = _Child(initializer, memory_limit)
        self._slots = [_Slot(context, self._calls, timeout, max_tasks, child) for _ in range(processes)]
        for slot in self._slots:
            slot.start()

    @property
    def processes(self) -> int:
        return len(self._slots)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run fn(*args, **kwargs) in a child: the future holds its result, its exception, or
        CleanTimeoutError / WorkerDiedError."""
        return self.submit_for(None, None, fn, *args, **kwargs)

    def submit_for(
        self, owner: Hashable, deadline: Deadline | None, fn: Callable[..., Any], /, *args: Any, **kwargs: Any
    ) -> Future[Any]:
        """`submit`, on behalf of `owner` (calls of different owners take turns for the children)
        and, with a `deadline`, ended by then: a call still waiting at its deadline is not run, one
        running is stopped (`BudgetExceededError`). Cancelling the future stops the call too."""
        with self._shutdown:
            if self._closed:
                raise RuntimeError("the pool is shut down")
            future = _CallFuture()
            self._calls.put(_Call(future, fn, args, kwargs, owner, deadline))
            return future

    def clean(
        self,
        content: bytes | str,
        options: CleanOptions = DEFAULT_OPTIONS,
        *,
        url: str | None = None,
        charset: str | None = None,
    ) -> Document:
        """`cleaner.clean` in a child, under the time limit."""
        document: Document = self.submit(clean, content, options, url=url, charset=charset).result()
        return document

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until every child has started and warmed up (the service does this at start-up)."""
        for slot in self._slots:
            slot.ready.wait(timeout)

    def child_pids(self) -> list[int]:
        """The children's process ids (for operators and tests; a replaced child has a new one)."""
        return [pid for slot in self._slots if (pid := slot.pid) is not None]

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop taking calls; finish (or cancel) the queued ones; stop the children."""
        with self._shutdown:
            if self._closed:
                return
            self._closed = True
        if cancel_futures:
            for call in self._calls.drain():
                call.future.cancel()
        for _ in self._slots:
            self._calls.stop_one()
        if wait:
            for slot in self._slots:
                slot.join()


class _Call:
    __slots__ = ("abandoned", "args", "deadline", "fn", "future", "kwargs", "owner")

    def __init__(
        self,
        future: _CallFuture,
        fn: Callable[..., Any],
        args: Any,
        kwargs: Any,
        owner: Hashable = None,
        deadline: Deadline | None = None,
    ) -> None:
        self.future, self.fn, self.args, self.kwargs = future, fn, args, kwargs
        self.owner, self.deadline = owner, deadline
        self.abandoned = future.abandoned


class Deadline:
    """A moment by which calls must be done (`time.monotonic()` clock), shared by the calls of one
    request: a batch's documents spend one budget between them."""

    __slots__ = ("at", "budget")

    def __init__(self, budget: float) -> None:
        self.budget = budget
        self.at = time.monotonic() + budget

    def remaining(self) -> float:
        return self.at - time.monotonic()


class _CallFuture(Future[Any]):
    """A future whose cancel() also stops a call already running: its child is killed (the call
    ends with CancelledError). `asyncio.wrap_future` cancels it when the awaiting task is cancelled,
    so a request whose client has gone stops costing a child."""

    def __init__(self) -> None:
        super().__init__()
        self.abandoned = threading.Event()

    def cancel(self) -> bool:
        if super().cancel():
            return True
        if not self.done():
            self.abandoned.set()
        return False


class _FairQueue:
    """Calls waiting for a child, taken in turn per owner (round robin), in order within an owner:
    one owner's fifty calls do not make another's one call wait behind them all."""

    def __init__(self) -> None:
        self._waiting: OrderedDict[Hashable, deque[_Call]] = OrderedDict()
        self._stops = 0
        self._ready = threading.Condition()

    def put(self, call: _Call) -> None:
        with self._ready:
            self._waiting.setdefault(call.owner, deque()).append(call)
            self._ready.notify()

    def stop_one(self) -> None:
        """One slot stops once nothing is waiting (queued calls are served first)."""
        with self._ready:
            self._stops += 1
            self._ready.notify()

    def get(self) -> _Call | None:
        with self._ready:
            while not self._waiting and not self._stops:
                self._ready.wait()
            if not self._waiting:
                self._stops -= 1
                return None
            owner, calls = next(iter(self._waiting.items()))
            call = calls.popleft()
            del self._waiting[owner]
            if calls:  # the owner's next call waits behind every other owner's
                self._waiting[owner] = calls
            return call

    def drain(self) -> list[_Call]:
        with self._ready:
            calls = [call for waiting in self._waiting.values() for call in waiting]
            self._waiting.clear()
            return calls


class _Slot(threading.Thread):
    """One child process and the thread in this process that feeds it and watches its clock."""

    def __init__(
        self,
        context: Any,
        calls: _FairQueue,
        timeout: float | None,
        max_tasks: int | None,
        child: _Child,
    ) -> None:
        super().__init__(name="deadline-pool-slot", daemon=True)
        self._context, self._calls, self._timeout = context, calls, timeout
        self._max_tasks, self._child = max_tasks, child
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._lifeline: Connection | None = None
        self._done = 0
        self.ready = threading.Event()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def run(self) -> None:
        try:
            self._try_restart()
            self.ready.set()
            while (call := self._calls.get()) is not None:
                if call.future.set_running_or_notify_cancel():
                    self._run(call)
        finally:
            self.ready.set()
            self._stop_child()

    def _run(self, call: _Call) -> None:
        try:
            ok, value, restart = self._call_child(call)
        except BaseException as exc:  # the future must always complete, whatever went wrong here
            ok, value, restart = False, exc, True
        # Answer first, then replace the child: the caller need not wait for the new one.
        if call.future.done():
            pass  # cancelled by its caller meanwhile
        elif ok:
            call.future.set_result(value)
        else:
            call.future.set_exception(value)
        if restart:
            self._try_restart()

    def _call_child(self, call: _Call) -> tuple[bool, Any, bool]:
        """(ok, result or exception, whether the child must be replaced)."""
        if self._process is None or not self._process.is_alive():
            self._restart()  # died while idle (killed from outside): not this call's fault
        connection = self._connection
        assert connection is not None
        if call.deadline is not None and call.deadline.remaining() <= 0:
            return False, BudgetExceededError(call.deadline.budget), False  # never started
        if call.abandoned.is_set():
            return False, CancelledError(), False
        try:
            connection.send((call.fn, call.args, call.kwargs))
            stopped = self._wait(connection, call)
            if stopped is not None:
                self._stop_child(kill=True)
                return False, stopped, True
            ok, value = connection.recv()
        except (EOFError, OSError):
            process = self._process
            if process is not None:
                process.join(_STOP_GRACE)  # to read how it ended
            return False, WorkerDiedError(process.exitcode if process is not None else None), True
        self._done += 1
        spent = isinstance(value, MemoryLimitError)  # the child quits after one: start afresh
        return ok, value, spent or (self._max_tasks is not None and self._done >= self._max_tasks)

    def _wait(self, connection: Connection, call: _Call) -> BaseException | None:
        """Wait for the child's answer; the error to end the call with instead (the time limit,
        the request's deadline, or the call was cancelled), or None when the answer is there."""
        started = time.monotonic()
        while True:
            limit = None if self._timeout is None else started + self._timeout
            if call.deadline is not None:
                limit = call.deadline.at if limit is None else min(limit, call.deadline.at)
            wait = _ABANDON_CHECK if limit is None else min(_ABANDON_CHECK, limit - time.monotonic())
            if connection.poll(max(0.0, wait)):
                return None
            if call.abandoned.is_set():
                return CancelledError()
            now = time.monotonic()
            if self._timeout is not None and now >= started + self._timeout:
                return CleanTimeoutError(self._timeout)
            if call.deadline is not None and now >= call.deadline.at:
                return BudgetExceededError(call.deadline.budget)

    def _start_child(self) -> None:
        parent_end, child_end = self._context.Pipe()
        # Only this process holds the lifeline's write end: the child sees end of file when this
        # process is gone, even while it is busy with a page (cleaner.isolate.lifeline).
        lifeline, self._lifeline = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_serve, args=(child_end, self._child, lifeline), name="article-cleaner-child", daemon=True
        )
        try:
            process.start()
        except Exception as exc:  # no child can start (a broken fork server, a script without a main guard)
            parent_end.close()
            self._close_lifeline()
            raise WorkerDiedError(None, f"while starting ({type(exc).__name__}: {exc})") from exc
        finally:
            child_end.close()
            lifeline.close()
        self._process, self._connection, self._done = process, parent_end, 0
        # The child says when it has warmed up, so warming up never counts against a page's time.
        try:
            if parent_end.poll(_START_TIMEOUT) and parent_end.recv() == _READY:
                return
        except (EOFError, OSError):
            pass
        exitcode = process.exitcode
        self._stop_child(kill=True)
        raise WorkerDiedError(exitcode, "while starting")

    def _restart(self) -> None:
        self._stop_child(kill=True)
        self._start_child()

    def _try_restart(self) -> None:
        """Replace the child; if no child will start, the next call tries again (and says why)."""
        with contextlib.suppress(WorkerDiedError):
            self._restart()

    def _close_lifeline(self) -> None:
        if self._lifeline is not None:
            self._lifeline.close()
            self._lifeline = None

    def _stop_child(self, kill: bool = False) -> None:
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if process is None or connection is None:
            self._close_lifeline()
            return
        if kill:
            process.kill()
        else:
            with contextlib.suppress(OSError):
                connection.send(None)
        process.join(None if kill else _STOP_GRACE)
        if process.is_alive():
            process.kill()
            process.join()
        connection.close()
        self._close_lifeline()
        process.close()


class _Child:
    """What a child does before serving: warm up, then cap its memory."""

    def __init__(self, initializer: Callable[[], object] | None, memory_limit: int | None) -> None:
        self.initializer, self.memory_limit = initializer, memory_limit

    def prepare(self) -> None:
        if self.initializer is not None:
            self.initializer()
        # What the child holds now (modules, models, compiled rules) stays for its life: the
        # collector need not walk it again (and so does not copy-on-write the fork server's pages).
        gc.freeze()
        if self.memory_limit is not None:
            # RLIMIT_DATA counts the heap and anonymous mappings (what a page's trees and blocks
            # take) but not shared libraries, so the cap is what the child holds now plus the limit.
            holds = _status_kib("VmData") * 1024
            resource.setrlimit(resource.RLIMIT_DATA, (holds + self.memory_limit, resource.RLIM_INFINITY))


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    return 0


def _serve(connection: Connection, child: _Child, lifeline: Connection) -> None:
    """The child's loop: receive a call, run it, send back (True, result) or (False, exception)."""
    # A child outlives neither the fork server (its parent) nor the process that uses it (the
    # lifeline): killed with SIGKILL, that process can tell nobody, and a page may take long.
    exit_with_parent(signal.SIGKILL, lifeline=lifeline)
    # Ctrl+C reaches the whole process group; the parent decides when children stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    child.prepare()
    connection.send(_READY)
    while True:
        try:
            call = connection.recv()
        except EOFError:  # the parent went away
            return
        if call is None:
            return
        fn, args, kwargs = call
        del call
        try:
            outcome: tuple[bool, Any] = (True, fn(*args, **kwargs))
        except MemoryError:
            # Lift the cap (the child quits next) so that answering cannot run out of memory too.
            resource.setrlimit(resource.RLIMIT_DATA, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
            del args, kwargs
            connection.send((False, MemoryLimitError(child.memory_limit or 0)))
            return  # a heap that ran out is no heap to go on with
        except BaseException as exc:
            if not isinstance(exc, CleanerError):  # a bug: keep where it happened for the parent's log
                exc.add_note("".join(traceback.format_exception(exc)).rstrip())
            outcome = (False, exc)
        del args, kwargs
        try:
            connection.send(outcome)
        except Exception:  # an unpicklable result or exception: say what it was instead
            connection.send((False, _portable(outcome[1])))


def _portable(value: Any) -> Exception:
    """An exception that survives pickling, describing something that did not."""
    if isinstance(value, BaseException):
        described = "".join(traceback.format_exception(value))
        return RuntimeError(f"in child process {os.getpid()}: {described}")
    return RuntimeError(
        f"in child process {os.getpid()}: the result {type(value).__name__} cannot be pickled"
    )
