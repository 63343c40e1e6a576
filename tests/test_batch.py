"""The batch runner: input order whatever the workers, per-page isolation (errors,
timeouts, dying workers), a bounded window of pages in flight."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterator

import pytest

from reader import batch, pipeline
from reader.errors import LoadError, PageError
from reader.model import Article
from reader.sources import RawPage

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "sample_articles").iterdir())
OPTIONS = pipeline.Options(keep_raw=False)


def raws(n: int) -> list[RawPage]:
    return [RawPage(name=f"{i}:{p.name}", data=p.read_bytes(), relpath=str(i)) for i, p in enumerate(SAMPLES * n)]


def summary(outcomes) -> list[tuple[str, str]]:
    return [(o.name, o.result.title if isinstance(o.result, Article) else str(o.result)) for o in outcomes]


def test_results_come_in_input_order_and_equal_the_serial_run() -> None:
    pages = raws(2)
    serial = [pipeline.process_safely(p, OPTIONS) for p in pages]
    parallel = list(batch.run(pages, OPTIONS, jobs=2))
    assert [o.seq for o in parallel] == list(range(len(pages)))
    assert [o.result for o in parallel] == serial
    assert [o.relpath for o in parallel] == [p.relpath for p in pages]


def test_load_errors_keep_their_place_and_the_batch_goes_on() -> None:
    pages = raws(1)
    items: list[RawPage | LoadError] = [pages[0], LoadError("gone.html: no such file"), RawPage("bad.txt", b"\x00" * 64), pages[1]]
    out = list(batch.run(items, OPTIONS, jobs=2))
    assert [o.ok for o in out] == [True, False, False, True]
    assert str(out[1].result) == "gone.html: no such file"
    assert isinstance(out[2].result, PageError) and str(out[2].result).startswith("bad.txt: ")


def _slow_or_dying(raw, options):  # replaces process_safely in forked workers
    if raw.name.startswith("hang"):
        time.sleep(60)
    if raw.name.startswith("die"):
        os._exit(3)
    return REAL_PROCESS(raw, options)


REAL_PROCESS = pipeline.process_safely


def test_a_page_past_the_timeout_is_an_error_and_its_worker_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "process_safely", _slow_or_dying)  # workers are forked: they see the patch
    pages = raws(1)[:3]
    items = [pages[0], RawPage("hang.txt", pages[1].data), pages[1], pages[2]]
    started = time.monotonic()
    out = list(batch.run(items, OPTIONS, jobs=2, timeout=1.5))
    assert time.monotonic() - started < 20
    assert summary(out)[1] == ("hang.txt", "hang.txt: timed out after 1.5 s")
    assert [o.ok for o in out] == [True, False, True, True]


def test_a_worker_that_dies_costs_only_its_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "process_safely", _slow_or_dying)
    pages = raws(1)[:4]
    items = [pages[0], RawPage("die.txt", pages[1].data), *pages[1:]]
    out = list(batch.run(items, OPTIONS, jobs=2, timeout=30))
    assert [o.ok for o in out] == [True, False, True, True, True]
    assert "worker" in str(out[1].result) and "die.txt" in str(out[1].result)


def test_one_job_gives_the_same_output_as_two() -> None:
    pages = raws(1)
    one = summary(batch.run(pages, OPTIONS, jobs=1))
    two = summary(batch.run(pages, OPTIONS, jobs=2))
    assert one == two and len(one) == len(pages)


def test_skipped_pages_are_not_processed() -> None:
    pages = raws(1)
    out = list(batch.run(pages, OPTIONS, jobs=2, skip=lambda raw: raw.relpath in ("1", "3")))
    assert [o.result is None for o in out] == [i in (1, 3) for i in range(len(pages))]


def test_only_a_bounded_window_is_read_ahead() -> None:
    """Memory does not grow with the batch: the runner reads at most a window of
    pages beyond the last one it handed back."""
    pages = raws(1)
    read = 0

    def stream() -> Iterator[RawPage]:
        nonlocal read
        for i in range(200):
            read += 1
            yield RawPage(name=f"p{i}", data=pages[i % len(pages)].data)

    jobs = 2
    for handed, outcome in enumerate(batch.run(stream(), OPTIONS, jobs=jobs), start=1):
        assert read - handed <= jobs * batch.WINDOW_PER_JOB + 2
        if handed == 40:
            break


def test_a_single_page_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def spy(raw, options):
        seen.append(os.getpid())
        return REAL_PROCESS(raw, options)

    monkeypatch.setattr(batch, "process_safely", spy)
    out = list(batch.run(raws(1)[:1], OPTIONS))
    assert out[0].ok and seen == [os.getpid()]
