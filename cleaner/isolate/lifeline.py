"""Processes die together: a child process notices its parent's death and exits.

A process whose parent is killed (SIGKILL, the OOM killer) is adopted by init and runs on: a
cleaning child would hold its memory and a core for as long as its page takes; a service worker
whose supervisor died would keep serving the port, outside any restart or shutdown. Two guards,
either of which suffices:

- the parent-death signal (Linux `prctl(PR_SET_PDEATHSIG)`): the kernel sends `signum` the moment
  the parent exits;
- a watcher thread, for other systems and for a parent that died before the signal was armed:
  it waits on a lifeline pipe whose other end only the parent holds (end of file when the parent
  is gone), or, without one, checks every second whether the parent process is still the same.

    exit_with_parent(signal.SIGKILL, lifeline=connection)   # first thing in the child
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection

_PR_SET_PDEATHSIG = 1
# How often a watcher without a lifeline looks at its parent's pid.
_POLL_SECONDS = 1.0


def exit_with_parent(
    signum: int = signal.SIGKILL,
    *,
    lifeline: Connection | None = None,
    parent: int | None = None,
    grace: float | None = None,
) -> None:
    """Arrange for this process to get `signum` when its parent dies (the parent is `parent`, by
    default the current one). `grace`: after sending `signum` (a graceful stop, such as SIGTERM),
    exit outright that many seconds later if the process is still there."""
    parent = os.getppid() if parent is None else parent
    set_parent_death_signal(signum)
    # The watcher also catches a parent that died before the signal was armed (at once).
    threading.Thread(
        target=_watch, args=(signum, lifeline, parent, grace), name="lifeline", daemon=True
    ).start()


def set_parent_death_signal(signum: int) -> bool:
    """Ask the kernel for `signum` when the parent exits; False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(signum: int, lifeline: Connection | None, parent: int, grace: float | None) -> None:
    if lifeline is not None:
        with contextlib.suppress(OSError, EOFError):
            lifeline.poll(None)  # readable only at end of file: nobody ever writes to it
    else:
        while os.getppid() == parent:
            time.sleep(_POLL_SECONDS)
    _end(signum, grace)


def _end(signum: int, grace: float | None) -> None:
    os.kill(os.getpid(), signum)
    if grace is not None:
        time.sleep(grace)
        os._exit(1)
