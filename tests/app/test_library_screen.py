"""Pilot tests of the library: rows, filter, open, quitting; real extraction of samples."""
from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from reader.app.screens.library import LibraryScreen, fit
from reader.app.screens.reader import ReaderScreen

SIZE = (100, 30)
SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def rows(app) -> list[list[str]]:
    table = app.screen.query_one("#pages")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_library_rows(make_app, article, traditional_article, wait):
    app = make_app(article, traditional_article, open_index=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert isinstance(app.screen, LibraryScreen)
        got = rows(app)
        assert got[0] == ["阿里云发布新一代大模型", "2025-09-24", "科技日报", "简", f"{sum(len(b.text) for b in article.blocks)}字", "2"]
        assert got[1][:4] == ["臺灣業者擴建雲端資料中心", "2025-09-24", "中央社", "繁"]
        assert got[1][5] == "0"
        assert "2 pages" in str(app.screen.query_one("#library-status").content)


async def test_enter_opens_and_escape_returns(make_app, article, traditional_article, wait):
    app = make_app(article, traditional_article, open_index=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("down", "enter")
        await wait(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.entry.article.title == "臺灣業者擴建雲端資料中心"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_filter_typing_does_not_trigger_commands_and_escape_then_q_quits(make_app, article, traditional_article, wait):
    app = make_app(article, traditional_article, open_index=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("slash")
        box = app.screen.query_one("#filter")
        assert box.has_focus
        await pilot.press("q", "question_mark")  # typed, not quit / help
        assert app.is_running and isinstance(app.screen, LibraryScreen)
        assert box.value == "q?"
        assert rows(app) == []
        await pilot.press("backspace", "backspace", *"台湾")  # script-insensitive: finds 臺灣
        assert [r[0] for r in rows(app)] == ["臺灣業者擴建雲端資料中心"]
        assert "1 match “台湾”" in str(app.screen.query_one("#library-status").content)
        await pilot.press("escape")
        assert not box.has_focus
        await pilot.press("enter")
        await wait(pilot)
        assert app.screen.entry.article.title == "臺灣業者擴建雲端資料中心"
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_long_titles_are_cut_in_cells(make_app, article_factory, wait):
    title = "非常长的标题" * 30
    app = make_app(article_factory(title=title), open_index=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        table = app.screen.query_one("#pages")
        cell = table.get_row_at(0)[0]
        width = table.columns[next(iter(table.columns))].width
        assert cell.plain.endswith("…")
        assert cell_len(cell.plain) <= width


def test_fit_measures_cells():
    out = fit("中文标题ABC", 7)
    assert cell_len(out.plain) <= 7 and out.plain.endswith("…")
    assert fit("[bold]x[/bold]\x1b[2J", 40).plain == "[bold]x[/bold]"


async def test_samples_are_extracted_in_the_background(wait):
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State
    from reader.pipeline import iter_pages

    entries = [Entry.from_raw(raw) for raw in iter_pages([str(SAMPLES)])]
    app = ReaderApp(entries, settings=Settings(), state=State.load())  # worker processes, as in real use
    async with app.run_test(size=SIZE) as pilot:
        # first paint: every page has a row before anything is extracted
        assert app.screen.query_one("#pages").row_count == len(entries)
        for _ in range(300):
            if all(e.ready for e in entries):
                break
            await pilot.pause(0.1)
        await wait(pilot)
        assert all(e.article is not None for e in entries), [e.error for e in entries]
        got = rows(app)
        assert all(r[3] in ("简", "繁", "混") for r in got)
        assert any(r[0].startswith("马云回归阿里") for r in got)
        assert "loading" not in str(app.screen.query_one("#library-status").content)


async def test_unreadable_page_shows_error_row(tmp_path: Path, wait):
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State
    from reader.sources import RawPage

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    entries = [Entry.from_raw(RawPage(str(bad), bad.read_bytes()))]
    app = ReaderApp(entries, settings=Settings(), state=State.load(), executor="thread")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert "not a text or HTML page" in rows(app)[0][0] or "binary" in rows(app)[0][0]
        assert "1 failed" in str(app.screen.query_one("#library-status").content)
        await pilot.press("enter")
        await wait(pilot)
        shown = " ".join(l.strip() for l in app.screen.view.plain_lines)
        assert entries[0].error and entries[0].error.split(": ", 1)[1][:20] in shown


async def test_last_page_is_selected_on_start(make_app, article, traditional_article, wait):
    from reader.app.state import State

    state = State.load()
    state.last_page = traditional_article.name
    state.save()
    app = make_app(article, traditional_article, open_index=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert app.screen.query_one("#pages").cursor_row == 1


async def test_command_palette_lists_screen_commands(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Toggle script", "Traditional form: Taiwan", "Side by side: raw page | cleaned article", "Side by side: this article | another article", "Theme"):
            assert any(wanted in t for t in titles), wanted
        # and a palette entry runs its command
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Cycle reading width")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "50字" in app.screen.status_text


async def test_footer_is_generated_from_commands(make_app, wait):
    from reader.app.commands import Command

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        keys = {b.key for b in app.screen.BINDINGS}
        for command in app.screen.COMMANDS_OFFERED:
            assert issubclass(command, Command)
            if command.KEY:
                assert command.KEY in keys
        assert {"t", "w", "h", "K", "slash", "n", "N", "r", "R", "s", "c", "C", "e", "v", "question_mark", "q"} <= keys


async def test_toggle_dark_and_light_themes(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert app.theme == "textual-dark"
        await app.screen.run_action("app.toggle_dark")
        assert app.theme == "textual-light"
        assert "阿里云在杭州" in app.screen.view.plain


async def test_slow_extraction_never_blocks_the_screen(tmp_path: Path, article_factory, wait):
    import threading
    import time

    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State
    from reader.sources import RawPage

    release = threading.Event()

    def slow_extract(raw, options):
        release.wait(5)  # extraction stalls until the test lets it go
        return article_factory(title=f"标题 {raw.name[-5]}", name=raw.name)

    entries = [Entry.from_raw(RawPage(str(tmp_path / f"p{i}.txt"), f"第{i}页".encode())) for i in range(3)]
    app = ReaderApp(entries, settings=Settings(), state=State.load(), process=slow_extract, executor="thread")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        started = time.monotonic()
        table = app.screen.query_one("#pages")
        assert table.row_count == 3
        assert "3 loading" in str(app.screen.query_one("#library-status").content)
        await pilot.press("down", "down")
        assert table.cursor_row == 2  # keys work while pages are being extracted
        await pilot.press("enter")
        await pilot.pause()
        assert "Loading" in app.screen.view.plain
        assert time.monotonic() - started < 2
        release.set()
        await wait(pilot)
        assert "标题 2" in app.screen.view.plain
