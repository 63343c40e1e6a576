"""Regenerate the README screenshots: python docs/make_screenshots.py

Runs the app headless on a bundled sample page and saves SVG screenshots with
App.save_screenshot: docs/reader.svg (keywords highlighted, one picked with `k`)
and docs/side-by-side.svg (简 | 繁 after `t t s`).
"""
from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
SAMPLE = DOCS.parent / "sample_articles" / "000_31fe68bfaaceb0bd.txt"
SIZE = (120, 36)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def shoot(keys: list[str], filename: str) -> None:
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State
    from reader.load import Source

    entry = Entry(name=SAMPLE.name, source=Source(SAMPLE.name, SAMPLE))
    app = ReaderApp([entry], open_index=0, settings=Settings(theme="textual-dark"), state=State(path=None))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        app.save_screenshot(filename, path=str(DOCS))
    print(DOCS / filename)


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_STATE_HOME"] = tmp
        os.environ["XDG_CONFIG_HOME"] = tmp
        await shoot(["h", "k", "down", "enter", "escape"], "reader.svg")
        await shoot(["t", "t", "s"], "side-by-side.svg")


if __name__ == "__main__":
    asyncio.run(main())
