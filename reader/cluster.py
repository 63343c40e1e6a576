"""The cluster engine: the same batch as `reader.batch`, on a Dask distributed cluster.

Pages travel to the workers as bytes (a `RawPage` pickles to its bytes plus a few
strings), so workers need the `reader` package installed but no shared file system;
articles travel back the same way.  The client keeps a bounded window of pages in
flight and yields results in input order, so output is identical to a local run and
memory does not grow with the number of pages.

    dask scheduler                       # on one machine: tcp://HOST:8786
    dask worker tcp://HOST:8786          # on each worker machine (reader installed)
    reader clean --dask tcp://HOST:8786 -o out/ crawl.warc.gz
"""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator

from reader.batch import Outcome
from reader.errors import LoadError, PageError
from reader.pipeline import Options, process_safely
from reader.sources import RawPage

WINDOW_PER_THREAD = 4  # pages in flight per worker thread


class ClusterError(Exception):
    """The cluster could not be reached or is not usable; one line for the user."""


def connect(address: str, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    try:
        from dask.distributed import Client
    except ImportError:
        raise ClusterError("--dask needs the dask extra: pip install 'zh-page-reader[dask]'") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def run_on_cluster(
    items: Iterable[RawPage | LoadError],
    options: Options,
    address: str,
    *,
    timeout: float | None = None,
    skip: Callable[[RawPage], bool] | None = None,
    client=None,  # type: ignore[no-untyped-def]
) -> Iterator[Outcome]:
    """Process every item on the cluster; one `Outcome` per item, in input order."""
    own = client is None
    if own:
        client = connect(address)
    try:
        threads = max(1, sum(client.nthreads().values()))
        window = threads * WINDOW_PER_THREAD
        pending: deque[tuple[int, str, str, object]] = deque()  # (seq, name, relpath, future or result)
        for seq, item in enumerate(items):
            if isinstance(item, LoadError):
                pending.append((seq, "", "", item))
            elif skip is not None and skip(item):
                pending.append((seq, item.name, item.relpath, None))
            else:
                future = client.submit(process_safely, item, options, pure=False)
                pending.append((seq, item.name, item.relpath, future))
            while len(pending) >= window:
                yield _settle(pending.popleft(), timeout)
        while pending:
            yield _settle(pending.popleft(), timeout)
    finally:
        if own:
            client.close()


def _settle(entry: tuple[int, str, str, object], timeout: float | None) -> Outcome:
    seq, name, rel, value = entry
    if value is None or isinstance(value, (PageError, LoadError)):
        return Outcome(seq, name, rel, value)  # type: ignore[arg-type]
    future = value
    try:
        result = future.result(timeout=timeout)  # type: ignore[attr-defined]
    except TimeoutError:
        future.cancel()  # type: ignore[attr-defined]
        result = PageError(f"{name}: timed out after {timeout:g} s")
    except Exception as exc:  # noqa: BLE001 - a lost worker is this page's error
        result = PageError(f"{name}: the cluster failed on this page ({type(exc).__name__}: {exc})")
    return Outcome(seq, name, rel, result)


__all__ = ["run_on_cluster", "connect", "ClusterError"]
