"""Signals end the app without leaving a process behind: SIGHUP (the terminal closed)
saves and ends the process at once; SIGTERM shuts down as usual, with a watchdog that
ends the process if that shutdown hangs (Textual's can, on a writer queue nobody drains)."""
from __future__ import annotations

import signal
import time

import reader.app.app as app_module

SIZE = (100, 30)


async def test_sighup_saves_and_ends_the_process_at_once(make_app, wait, monkeypatch) -> None:
    app = make_app()
    ended: list[int] = []
    monkeypatch.setattr(app, "terminate", ended.append)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        app.state.remember(app.entries[0].name, block=2)
        assert app.state.dirty
        app._on_signal(signal.SIGHUP)
        assert ended == [128 + signal.SIGHUP]
        assert not app.state.dirty  # saved first
    assert app.watchdog is None


async def _terminated(make_app, wait, monkeypatch) -> tuple[object, list[int]]:
    """An app sent SIGTERM and shut down; and what its `terminate` was called with."""
    app = make_app()
    ended: list[int] = []
    monkeypatch.setattr(app, "terminate", ended.append)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        app._on_signal(signal.SIGTERM)
        await pilot.pause()
    return app, ended


async def test_sigterm_shuts_down_as_usual_and_its_watchdog_is_stopped_after(make_app, wait, monkeypatch) -> None:
    app, ended = await _terminated(make_app, wait, monkeypatch)
    assert app.return_code == 128 + signal.SIGTERM
    assert app.watchdog is not None and app.watchdog.daemon
    app.watchdog.cancel()  # as `cli.open_app` does once `run()` has returned
    assert ended == []


async def test_a_sigterm_shutdown_that_hangs_is_ended_by_the_watchdog(make_app, wait, monkeypatch) -> None:
    monkeypatch.setattr(app_module, "SHUTDOWN_GRACE_SECONDS", 0.05)
    _app, ended = await _terminated(make_app, wait, monkeypatch)
    deadline = time.monotonic() + 5
    while not ended and time.monotonic() < deadline:  # (no one stopped the watchdog: a hang)
        time.sleep(0.01)
    assert ended == [128 + signal.SIGTERM]
