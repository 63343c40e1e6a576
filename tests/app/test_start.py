"""The app's start: worker processes wait for the first frame; quitting leaves none."""
from __future__ import annotations

import time

from reader.app.loader import Loader, stop_pool
from reader.pipeline import Options
from reader.sources import RawPage

SIZE = (80, 24)


def _slow(raw, options):
    time.sleep(30)
    return raw.name


def test_stop_pool_ends_busy_workers():
    """A worker busy with a long page is ended on close, not waited for."""
    loader = Loader(Options(), lambda key, result: None, process=_slow, workers=1)
    loader.start([(0, RawPage("a", b"x")), (1, RawPage("b", b"y"))])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (loader._pool and loader._pool._processes):
        time.sleep(0.05)
    processes = list(loader._pool._processes.values()) + list(loader._lane._processes.values())
    assert processes
    started = time.monotonic()
    loader.close()
    for process in processes:
        process.join(10)
        assert not process.is_alive()
    assert time.monotonic() - started < 10


async def test_background_starts_after_first_frame(wait, monkeypatch):
    from reader.app import app as app_module
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State

    # a delay no busy CI machine's first frame outlasts (0.25 s in use), so the check
    # right after the first frame cannot race the timer
    monkeypatch.setattr(app_module, "BACKGROUND_DELAY", 2.0)

    entries = [Entry.from_raw(RawPage("a.txt", "标题\n\n阿里云在杭州举办云栖大会，发布了新一代大模型。".encode()))]
    app = ReaderApp(entries, settings=Settings(), state=State.load(), executor="thread")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app._background_started and app._loader is None  # the first frame needs neither
        await wait(pilot)
        assert app._background_started and entries[0].article is not None
