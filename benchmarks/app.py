"""App speed, as ratios against baselines run the same way (issue 14's targets).

1. Opening a page in a 200-page library (extracting in the background) against
   opening that page alone: time from start until its text is on screen.  Target ≤ 1.5×.
2. First paint of `reader` on the samples against a hello-world Textual app, each in
   a fresh interpreter (imports included).  Target ≤ 2.0×.
3. `t`, `w` and the first `h` on a 200,000-character page against the same key on a
   sample page, pressed once the page has been read for a moment (what the reader
   prepares in the background is ready).  Target ≤ 2× each.  Also shown: `t` pressed
   before its background conversion is done, converting while the key waits.

Runs are interleaved (A B A B …) and medians compared.  Headless (Textual's
run_test), real worker processes.  Usage: python benchmarks/app.py [--runs N]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HTML_DEV = ROOT.parent / "shared" / "eval" / "html-dev"
SAMPLE = ROOT / "sample_articles" / "003_a227c688aed9e3ef.txt"
SIZE = (100, 30)


def isolate() -> None:
    tmp = tempfile.mkdtemp(prefix="reader-bench-")
    os.environ["XDG_STATE_HOME"] = f"{tmp}/state"
    os.environ["XDG_CONFIG_HOME"] = f"{tmp}/config"


def library_folder(n: int = 200) -> Path:
    pages = sorted(HTML_DEV.glob("*.html")) or sorted((ROOT / "sample_articles").glob("*"))
    folder = Path(tempfile.mkdtemp(prefix="reader-lib-"))
    for i in range(n):
        src = pages[i % len(pages)]
        shutil.copy(src, folder / f"{i:03d}_{src.name}")
    return folder


async def open_time(paths: list[str], target_name: str) -> float:
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State
    from reader.pipeline import iter_pages

    started = time.perf_counter()
    entries = [Entry.from_raw(r) for r in iter_pages(paths)]
    index = next(i for i, e in enumerate(entries) if e.name.endswith(target_name))
    app = ReaderApp(entries, open_index=index, settings=Settings(), state=State())  # a fresh state each run
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.perf_counter() + 120
        while entries[index].article is None and entries[index].error is None:
            if time.perf_counter() > deadline:
                raise SystemExit(f"{target_name} was not extracted in 120 s")
            await pilot.pause(0.01)
        await pilot.pause()
        elapsed = time.perf_counter() - started
        assert entries[index].article is not None, entries[index].error
    return elapsed


FIRST_PAINT = """
import time, asyncio, sys
t0 = time.perf_counter()
{body}
async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - t0)
asyncio.run(main())
"""
HELLO = """
from textual.app import App
from textual.widgets import Static
class Hello(App):
    def compose(self):
        yield Static("hello")
app = Hello()
"""
READER = """
from reader.app.app import ReaderApp
from reader.app.library import Entry
from reader.pipeline import iter_pages
entries = [Entry.from_raw(r) for r in iter_pages([{samples!r}])]
app = ReaderApp(entries)
"""


def first_paint(body: str) -> float:
    code = FIRST_PAINT.format(body=body)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=os.environ)
    return float(out.stdout.strip().splitlines()[-1])


def huge_article():
    from reader.model import Article, Block, BlockKind, Script, ScriptInfo
    from reader.pipeline import Options, iter_pages, process

    raw = next(iter_pages([str(SAMPLE)]))
    sample = process(raw, Options(detect_script=True))
    blocks = []
    while sum(len(b.text) for b in blocks) < 200_000:
        blocks.extend(sample.blocks)
    huge = Article(title=sample.title, blocks=tuple(Block(BlockKind.PARAGRAPH, b.text) for b in blocks),
                   script=ScriptInfo(Script.SIMPLIFIED, 1.0), name="huge")
    return sample, huge


async def toggle_times(article) -> dict[str, float]:
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State

    app = ReaderApp([Entry.from_article(article)], open_index=0, settings=Settings(), state=State())  # a fresh state each run
    out: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5):
            await pilot.pause()
        # a reader looks at the page before pressing a key: the warm-up the app starts
        # after its first frame (the keyword worker's dictionary) is done by then
        deadline = time.perf_counter() + 60
        while not app._background_started and time.perf_counter() < deadline:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        # …and the page's other script and keywords, which the reader prepares in the
        # background while the page is read (AHEAD_DELAY after it is drawn): `t` then
        # only swaps lines, `h` only marks.
        entry = app.entries[0]
        config = app.conversion_config(entry, True)
        while (entry.keywords is None or config not in entry.conversions) and time.perf_counter() < deadline:
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        screen = app.screen

        async def press(key: str, done) -> float:
            started = time.perf_counter()
            await pilot.press(key)
            while not done():
                if time.perf_counter() - started > 60:
                    raise RuntimeError(f"{key}: not done in 60 s ({screen.status_text})")
                await pilot.pause(0.005)
            return time.perf_counter() - started

        converted = lambda: "converting" not in screen.status_text and "繁體" in screen.status_text  # noqa: E731
        out["t"] = await press("t", converted)
        out["w"] = await press("w", lambda: "50字" in screen.status_text)
        out["h"] = await press("h", lambda: "keywords marked" in screen.status_text)
        # `t` pressed before the background conversion is done (at once after opening):
        # the conversion runs while the key waits.  Shown for information.
        await press("t", lambda: "原文" in screen.status_text)
        entry.conversions.clear()
        out["t unprepared"] = await press("t", converted)
    return out


def ratio(a: list[float], b: list[float]) -> str:
    return f"{statistics.median(b) * 1000:7.0f} ms vs {statistics.median(a) * 1000:7.0f} ms  = {statistics.median(b) / statistics.median(a):.2f}×"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    isolate()
    folder = library_folder()
    target = sorted(p.name for p in folder.iterdir())[150]
    alone, in_library = [], []
    for _ in range(args.runs):
        alone.append(asyncio.run(open_time([str(folder / target)], target)))
        in_library.append(asyncio.run(open_time([str(folder)], target)))
    print(f"1. open a page: in a 200-page library vs alone      {ratio(alone, in_library)}  (target ≤ 1.5×)")
    hello, reader = [], []
    for _ in range(args.runs):
        hello.append(first_paint(HELLO))
        reader.append(first_paint(READER.format(samples=str(ROOT / "sample_articles"))))
    print(f"2. first paint: reader (samples) vs hello world     {ratio(hello, reader)}  (target ≤ 2.0×)")
    sample, huge = huge_article()
    small_runs: dict[str, list[float]] = {}
    huge_runs: dict[str, list[float]] = {}
    for _ in range(args.runs):
        for runs, art in ((small_runs, sample), (huge_runs, huge)):
            for key, value in asyncio.run(toggle_times(art)).items():
                runs.setdefault(key, []).append(value)
    for key in small_runs:
        target = "(target ≤ 2×)" if key in ("t", "w", "h") else "(for information)"
        print(f"3. {key} on a {len(huge.body_text):,}-char page vs a sample page  {ratio(small_runs[key], huge_runs[key])}  {target}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
