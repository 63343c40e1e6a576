"""Extract the library's pages in worker processes, the page being opened first.

Pages go through `reader.pipeline.process_safely` in a process pool fed from one
thread, with at most one page in flight per worker, so a page the reader opens never
waits behind the whole queue.  One extra worker (the *priority lane*) is kept for
the page the user opens: it starts at once on a warm process, and the background
feed pauses until it is done, so opening a page in a big library costs about what
opening it alone does.  Results come back through `on_done` (called from the feeder
thread; the app turns it into a message).

Worker processes come from the ``forkserver`` start method (``spawn`` where there
is none): the server imports the pipeline once, and the app's threads are never
forked.  Everything that starts processes runs in the feeder thread, so the app's
event loop never waits for the server to be ready.  `executor="thread"` runs the same code in threads (tests, and functions
that cannot be pickled).
"""
from __future__ import annotations

import os
import threading
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait, FIRST_COMPLETED
from typing import Any, Callable, Hashable, Iterable

from reader.errors import PageError
from reader.pipeline import Options, process_safely, warm_up
from reader.sources import RawPage

Process = Callable[[RawPage, Options], Any]  # -> Article | PageError
Done = Callable[[Hashable, Any], None]

PRELOAD = ["reader.pipeline", "reader.extract", "reader.transform.script"]


def background_workers() -> int:
    """Workers for the background feed: one core is left for the app and the page
    being opened (the priority lane)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


def _process_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def prepare_processes() -> None:
    """Start the fork server and the resource tracker (once per process).

    Textual replaces `sys.stderr` while the app runs with an object whose fileno()
    is -1, and the resource tracker hands that descriptor to its child, which then
    fails; so the real standard error stands in while they start.  The app calls
    this after its first frame: the server imports the pipeline in its own process,
    which on two cores would otherwise slow the first paint."""
    import sys

    ctx = _process_context()
    if ctx.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver, resource_tracker

    with _prepare_lock:  # two threads swapping sys.stderr could leave the wrong one
        shown = sys.stderr
        real = sys.__stderr__
        if real is not None and _has_fd(real):
            sys.stderr = real
        try:
            resource_tracker.ensure_running()
            forkserver.ensure_running()
        except (OSError, ValueError):
            pass  # the pool will say so for each page
        finally:
            sys.stderr = shown


_prepare_lock = threading.Lock()


def _has_fd(stream) -> bool:
    try:
        return stream.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def stop_pool(pool: Executor) -> None:
    """Shut a pool down without waiting: queued work is cancelled and worker
    processes busy with a page are ended, so quitting never waits for a long
    extraction and leaves no worker behind (the pool's own thread reaps them)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # gone after shutdown()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            if process.is_alive():
                process.terminate()
        except (OSError, ValueError, AttributeError):
            pass  # already gone


class Loader:
    """Runs `process(raw, options)` over pages in the background; `prioritize` one."""

    def __init__(
        self,
        options: Options,
        on_done: Done,
        *,
        process: Process = process_safely,
        executor: str = "process",
        workers: int | None = None,
    ) -> None:
        self.options = options
        self.on_done = on_done
        self.process = process
        self.kind = executor
        self.workers = workers or background_workers()
        self._queue: deque[tuple[Hashable, RawPage]] = deque()
        self._urgent: deque[tuple[Hashable, RawPage]] = deque()
        self._in_flight: dict[Future, Hashable] = {}
        self._keys_in_flight: set[Hashable] = set()
        self._done: set[Hashable] = set()
        self._lock = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._pool: Executor | None = None
        self._lane: Executor | None = None

    # -- public --------------------------------------------------------------------
    def start(self, pages: Iterable[tuple[Hashable, RawPage]]) -> None:
        with self._lock:
            self._queue.extend(pages)
            self._lock.notify_all()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="reader-loader", daemon=True)
            self._thread.start()

    def prioritize(self, key: Hashable, raw: RawPage | None = None) -> None:
        """Extract `key` next, on the priority lane (unless it is done or running)."""
        with self._lock:
            if key in self._done or key in self._keys_in_flight:
                return
            found = next((item for item in self._queue if item[0] == key), None)
            if found is not None:
                self._queue.remove(found)
            elif raw is None:
                return
            self._urgent.append(found or (key, raw))  # type: ignore[arg-type]
            self._lock.notify_all()
        if self._thread is None:
            self.start(())

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue) + len(self._urgent) + len(self._in_flight)

    def close(self) -> None:
        """Stop feeding and drop the workers (a page being extracted is abandoned)."""
        with self._lock:
            self._closed = True
            self._queue.clear()
            self._urgent.clear()
            self._lock.notify_all()
        for pool in (self._pool, self._lane):
            if pool is not None:
                stop_pool(pool)

    # -- the feeder thread -----------------------------------------------------------
    def _make(self, workers: int) -> Executor:
        if self.kind == "thread":
            return ThreadPoolExecutor(max_workers=workers, thread_name_prefix="reader-extract")
        return ProcessPoolExecutor(max_workers=workers, mp_context=_process_context())

    def _run(self) -> None:
        try:
            if self.kind != "thread":
                prepare_processes()
            self._lane = self._make(1)
            if self.kind != "thread":
                self._lane.submit(warm_up, self.options)  # the lane's process is ready before the user picks
            self._pool = self._make(self.workers)
            self._feed()
        except Exception as exc:  # noqa: BLE001 - no process pool here: report every page
            self._fail_all(f"cannot start the extraction workers ({type(exc).__name__}: {exc})")
        finally:
            if self._closed:  # closed while the pools were being made: close() missed them
                for pool in (self._pool, self._lane):
                    if pool is not None:
                        stop_pool(pool)

    def _feed(self) -> None:
        while True:
            with self._lock:
                while not self._closed and not self._can_submit():
                    if not self._in_flight:
                        self._lock.wait()
                    else:
                        break
                if self._closed:
                    return
                self._submit_ready()
                futures = list(self._in_flight)
            if not futures:
                continue
            done, _ = wait(futures, timeout=0.02, return_when=FIRST_COMPLETED)
            for future in done:
                self._finish(future)

    def _can_submit(self) -> bool:
        if self._urgent:
            return True
        urgent_running = any(isinstance(k, _Urgent) for k in self._in_flight.values())
        background = sum(1 for k in self._in_flight.values() if not isinstance(k, _Urgent))
        return bool(self._queue) and not urgent_running and background < self.workers

    def _submit_ready(self) -> None:
        assert self._pool is not None and self._lane is not None
        while self._urgent:
            key, raw = self._urgent.popleft()
            if key in self._done or key in self._keys_in_flight:
                continue
            self._keys_in_flight.add(key)
            self._in_flight[self._lane.submit(self.process, raw, self.options)] = _Urgent(key)
        while self._queue and self._can_submit() and not self._urgent:
            key, raw = self._queue.popleft()
            if key in self._done or key in self._keys_in_flight:
                continue
            self._keys_in_flight.add(key)
            self._in_flight[self._pool.submit(self.process, raw, self.options)] = key

    def _finish(self, future: Future) -> None:
        with self._lock:
            tagged = self._in_flight.pop(future)
            key = tagged.key if isinstance(tagged, _Urgent) else tagged
            self._keys_in_flight.discard(key)
            self._done.add(key)
            self._lock.notify_all()
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker that died (killed, out of memory)
            result = PageError(f"the extraction worker failed ({type(exc).__name__}: {exc})")
        self.on_done(key, result)

    def _fail_all(self, message: str) -> None:
        with self._lock:
            items = list(self._urgent) + list(self._queue)
            self._urgent.clear()
            self._queue.clear()
        for key, raw in items:
            self.on_done(key, PageError(f"{raw.name}: {message}"))


class _Urgent:
    """A key on the priority lane (so the feed knows to wait for it)."""

    __slots__ = ("key",)

    def __init__(self, key: Hashable) -> None:
        self.key = key


__all__ = ["Loader", "background_workers", "prepare_processes", "stop_pool"]
