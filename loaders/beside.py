"""Work run beside the Excel reader in a forked process: python-calamine holds the GIL while it
parses (measured: a thread doing regex scans beside it took as long as both in turn), so a
thread would only wait for it."""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Beside(Generic[T]):
    """work() started in a child forked from this process (or done here at once, when asked
    or where other threads run: forking them is not safe); `result()` gives its value or
    raises its exception."""

    def __init__(self, work: Callable[[], T], inline: bool = False):
        self.pid = 0
        if inline or threading.active_count() > 1:
            self.outcome = _outcome(work)
            return
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: its outcome down the pipe, then gone, whatever happens
            try:
                os.close(read_end)
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(pickle.dumps(_outcome(work)))
            finally:
                os._exit(0)
        os.close(write_end)
        self.read_end = read_end

    def result(self) -> T:
        if self.pid:
            with os.fdopen(self.read_end, "rb") as pipe:
                sent = pipe.read()
            os.waitpid(self.pid, 0)
            self.pid = 0
            # a child gone without a word ran out of memory: this process's limits hold for it
            self.outcome = pickle.loads(sent) if sent else (False, MemoryError())
        done, value = self.outcome
        if not done:
            raise value
        return value


def _outcome(work: Callable[[], T]) -> tuple[bool, object]:
    try:
        return True, work()
    except Exception as error:  # noqa: BLE001 - given to result(), which raises it
        return False, error
