"""The batch runner: many pages through `pipeline.process`, in order, in parallel,
in constant memory, each page isolated.

Pages are fed from a stream and only a bounded window of them is in flight (being
extracted, or extracted and waiting for an earlier page to finish), so memory does
not grow with the number of pages.  Results come back in input order, so the output
is the same whatever the number of workers.  Each page runs in a worker process that
is killed and replaced when the page runs past the timeout: a regex or parser stuck
in C code cannot be interrupted any other way.
"""
from __future__ import annotations

import itertools
import os
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from reader.errors import LoadError, PageError
from reader.model import Article
from reader.pipeline import Options, process_safely
from reader.sources import RawPage

DEFAULT_TIMEOUT = 60.0  # seconds per page; a real page takes well under one
WINDOW_PER_JOB = 4  # pages in flight per worker: enough to keep workers busy, little memory


@dataclass(frozen=True)
class Outcome:
    """One input's result, in input order: an article, or the error in its place."""

    seq: int
    name: str
    relpath: str
    result: Article | PageError | None  # None: skipped (its output exists already)

    @property
    def ok(self) -> bool:
        return isinstance(self.result, Article)


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run(
    items: Iterable[RawPage | LoadError],
    options: Options,
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    skip: Callable[[RawPage], bool] | None = None,
) -> Iterator[Outcome]:
    """Process every item; yields one `Outcome` per item, in input order.

    `jobs=None` means one worker per CPU when there is more than one page; a single
    page is processed in this process.  `skip(raw)` true means the page's output
    exists already: it is not processed (a resumed run).
    """
    stream = _numbered(items)
    first = list(itertools.islice(stream, 2))
    if len(first) < 2:
        for seq, item in first:
            yield _serial(seq, item, options, skip)
        return
    stream = itertools.chain(first, stream)
    workers = jobs if jobs else cpu_count()
    if workers <= 1 and not timeout:
        for seq, item in stream:
            yield _serial(seq, item, options, skip)
        return
    yield from _Pool(workers, options, timeout or None).run(stream, skip)


def _numbered(items: Iterable[RawPage | LoadError]) -> Iterator[tuple[int, RawPage | LoadError]]:
    return enumerate(items)


def _name(item: RawPage | LoadError) -> tuple[str, str]:
    return (item.name, item.relpath) if isinstance(item, RawPage) else ("", "")


def _serial(seq: int, item: RawPage | LoadError, options: Options, skip: Callable[[RawPage], bool] | None) -> Outcome:
    name, rel = _name(item)
    if isinstance(item, LoadError):
        return Outcome(seq, name, rel, item)
    if skip is not None and skip(item):
        return Outcome(seq, name, rel, None)
    return Outcome(seq, name, rel, process_safely(item, options))


# -- worker processes ---------------------------------------------------------------


def _worker_main(conn, options: Options) -> None:  # type: ignore[no-untyped-def]
    """A worker: receive (seq, RawPage), send back (seq, Article | PageError)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    try:
        while True:
            try:
                message = conn.recv()
            except EOFError:
                return
            if message is None:
                return
            seq, raw = message
            result = process_safely(raw, options)
            try:
                conn.send((seq, result))
            except Exception as exc:  # noqa: BLE001 - an unpicklable result is this page's error
                conn.send((seq, PageError(f"{raw.name}: internal error ({type(exc).__name__}: {exc})")))
    except (BrokenPipeError, KeyboardInterrupt, EOFError):
        return


class _Worker:
    def __init__(self, ctx, options: Options) -> None:  # type: ignore[no-untyped-def]
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, options), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, str, str] | None = None  # (seq, name, relpath) being processed
        self.started = 0.0

    def send(self, seq: int, raw: RawPage) -> None:
        self.task = (seq, raw.name, raw.relpath)
        self.started = time.monotonic()
        self.conn.send((seq, raw))

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)
        self.conn.close()


class _Pool:
    """Worker processes with a per-page timeout and ordered, windowed results."""

    def __init__(self, jobs: int, options: Options, timeout: float | None) -> None:
        import multiprocessing

        # fork is cheap and inherits what the parent imported; the CLI starts no threads.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        self.ctx = multiprocessing.get_context(method)
        if method == "fork":
            from reader.pipeline import warm_up

            warm_up(options)  # loaded once here, shared by every forked worker
        self.jobs = jobs
        self.options = options
        self.timeout = timeout
        self.window = jobs * WINDOW_PER_JOB

    def run(self, stream: Iterator[tuple[int, RawPage | LoadError]], skip: Callable[[RawPage], bool] | None) -> Iterator[Outcome]:
        from multiprocessing.connection import wait

        workers = [_Worker(self.ctx, self.options) for _ in range(self.jobs)]
        done: dict[int, Outcome] = {}
        queue: list[tuple[int, RawPage]] = []  # read, waiting for a free worker
        next_seq = 0
        read_seq = 0  # one past the last seq read from the stream
        exhausted = False
        try:
            while True:
                # Read ahead while the window has room.
                while not exhausted and read_seq - next_seq < self.window and len(queue) < self.window:
                    try:
                        seq, item = next(stream)
                    except StopIteration:
                        exhausted = True
                        break
                    read_seq = seq + 1
                    name, rel = _name(item)
                    if isinstance(item, LoadError):
                        done[seq] = Outcome(seq, name, rel, item)
                    elif skip is not None and skip(item):
                        done[seq] = Outcome(seq, name, rel, None)
                    else:
                        queue.append((seq, item))
                for worker in workers:
                    if worker.task is None and queue:
                        worker.send(*queue.pop(0))
                while next_seq in done:
                    yield done.pop(next_seq)
                    next_seq += 1
                busy = [w for w in workers if w.task is not None]
                if not busy:
                    if exhausted and not queue:
                        while next_seq in done:
                            yield done.pop(next_seq)
                            next_seq += 1
                        return
                    continue
                wait_for = None
                if self.timeout:
                    now = time.monotonic()
                    wait_for = max(0.0, min(w.started + self.timeout for w in busy) - now)
                ready = wait([w.conn for w in busy], timeout=wait_for)
                for worker in busy:
                    if worker.conn in ready:
                        self._collect(worker, workers, done)
                if self.timeout:
                    now = time.monotonic()
                    for i, worker in enumerate(workers):
                        if worker.task is not None and now - worker.started >= self.timeout:
                            seq, name, rel = worker.task
                            done[seq] = Outcome(seq, name, rel, PageError(f"{name}: timed out after {self.timeout:g} s"))
                            worker.kill()
                            workers[i] = _Worker(self.ctx, self.options)
        finally:
            for worker in workers:
                if worker.task is not None:
                    worker.kill()
                else:
                    worker.stop()

    def _collect(self, worker: _Worker, workers: list[_Worker], done: dict[int, Outcome]) -> None:
        assert worker.task is not None
        seq, name, rel = worker.task
        try:
            got_seq, result = worker.conn.recv()
        except (EOFError, OSError):
            # The worker died mid-page (killed by the OS, out of memory, a crash in C).
            done[seq] = Outcome(seq, name, rel, PageError(f"{name}: the worker processing this page died"))
            worker.kill()
            workers[workers.index(worker)] = _Worker(self.ctx, self.options)
            return
        worker.task = None
        done[got_seq] = Outcome(got_seq, name, rel, result)


__all__ = ["run", "Outcome", "cpu_count", "DEFAULT_TIMEOUT"]
