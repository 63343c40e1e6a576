"""Pilot tests for the app points of issue 14 (and 11.10-11, 13.3): moving between
articles, vim keys, the removed-block jump and "keep this block", library sort and
text filter, export safety, the loader's priority lane, copy fallbacks."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader.app.screens.reader import ReaderScreen
from reader.model import BlockKind

SIZE = (100, 30)


async def test_next_and_previous_article_and_position(make_app, article, traditional_article, wait):
    app = make_app(article, traditional_article)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert "page 1/2" in app.screen.status_text and "¶1/7" in app.screen.status_text
        await pilot.press("right_square_bracket")
        await wait(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.entry.article.title == traditional_article.title
        assert "page 2/2" in app.screen.status_text
        await pilot.press("left_square_bracket")
        await wait(pilot)
        assert app.screen.entry.article.title == article.title


async def test_vim_keys_scroll(make_app, article_factory, wait):
    many = tuple((BlockKind.PARAGRAPH, f"第{i}段:这是一段用来测试滚动的正文。") for i in range(80))
    app = make_app(article_factory(blocks=many, removed=()))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        view = app.screen.view
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("G")
        assert "第79段" in view.visible_text()
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("ctrl+d")
        assert view.scroll_y >= 10
        assert "%" in app.screen.status_text


async def test_R_jumps_to_removed_blocks_and_plus_keeps_one(make_app, article_factory, wait, xdg_dirs: Path):
    many = tuple((BlockKind.PARAGRAPH, f"第{i}段:这是一段用来测试的正文。") for i in range(60))
    from reader.model import Removed

    removed = (Removed("图片说明:会场", "caption", 30), Removed("猜你喜欢", "related-links: 猜你喜欢", 60))
    art = article_factory(blocks=many, removed=removed)
    app = make_app(art)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("R")
        assert app.screen.view.scroll_y == 0  # removed blocks are hidden: R says so
        await pilot.press("r", "R")
        await wait(pilot)
        assert "图片说明:会场" in app.screen.view.visible_text().splitlines()[1]
        await pilot.press("plus")
        await wait(pilot)
        assert "Kept on this page" in str(app.screen.query("Static").first().content)
        await pilot.press("y")
        await wait(pilot)
        entry = app.screen.entry
        assert "图片说明:会场" in [b.text for b in entry.article.blocks]
        assert len(entry.article.removed) == 1
    rules = (xdg_dirs / "config" / "reader" / "rules.toml").read_text(encoding="utf-8")
    assert '[[keep]]\nsite = "科技日报"\ntext = "图片说明:会场"' in rules
    from reader.user_rules import apply_user_rules, load_user_rules

    again = apply_user_rules(art, load_user_rules())  # what reader clean does with the file
    assert "图片说明:会场" in [b.text for b in again.blocks]


async def test_library_sort_and_text_filter(make_app, article_factory, traditional_article, wait):
    older = article_factory(title="旧闻", name="pages/old.txt", blocks=((BlockKind.PARAGRAPH, "很久以前的消息,没有别的内容。"),))
    older = older.with_changes(date="2020年1月2日", site="人民网")
    app = make_app(older, traditional_article, open_index=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        table = app.screen.query_one("#pages")

        def titles() -> list[str]:
            return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]

        assert titles() == ["旧闻", "臺灣業者擴建雲端資料中心"]
        await pilot.press("o")  # by date, newest first
        assert titles() == ["臺灣業者擴建雲端資料中心", "旧闻"]
        assert "sorted by date" in str(app.screen.query_one("#library-status").content)
        assert "Date▼" in [str(c.label) for c in table.columns.values()]
        await pilot.press("slash", *"云端运算")  # in the text only, Simplified query, Traditional page
        assert titles() == ["臺灣業者擴建雲端資料中心"]
        assert "1 match “云端运算”" in str(app.screen.query_one("#library-status").content)


def test_export_refuses_links_to_inputs_fifos_and_writes_atomically(tmp_path: Path):
    from reader.app.screens.export import check_target, write_export

    page = tmp_path / "page.html"
    page.write_text("原始", encoding="utf-8")
    link = tmp_path / "hard.html"
    os.link(page, link)
    sym = tmp_path / "sym.html"
    sym.symlink_to(page)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert "same file" in check_target(link, [page])
    assert "same file" in check_target(sym, [page])
    assert "FIFO" in check_target(fifo, [page])  # returns at once: stat, never open
    assert "folder" in check_target(tmp_path, [page])
    assert check_target(tmp_path / "new.txt", [page]) is None
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    write_export(out, "新")
    assert out.read_text(encoding="utf-8") == "新"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert page.read_text(encoding="utf-8") == "原始"


async def test_export_screen_refuses_a_hard_link_of_the_input(make_app, article_factory, tmp_path: Path, wait):
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State

    page = tmp_path / "page.txt"
    page.write_text("原始页面", encoding="utf-8")
    os.link(page, tmp_path / "alias.txt")
    entry = Entry(name=str(page), path=page)
    entry.set_article(article_factory(name=str(page)))
    app = ReaderApp([entry], open_index=0, settings=Settings(), state=State.load(), executor="thread")
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "alias.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert "never overwritten" in str(app.screen.query_one("#export-message").content)
    assert page.read_text(encoding="utf-8") == "原始页面"


def test_loader_puts_the_opened_page_first():
    import threading

    from reader.app.loader import Loader
    from reader.pipeline import Options
    from reader.sources import RawPage

    order: list[int] = []
    done = threading.Event()

    def slow(raw, options):
        time.sleep(0.05)
        return raw.name

    def on_done(key, result):
        order.append(key)
        if len(order) == 20:
            done.set()

    loader = Loader(Options(), on_done, process=slow, executor="thread", workers=1)
    loader.start((i, RawPage(str(i), b"x")) for i in range(20))
    time.sleep(0.12)
    loader.prioritize(17)
    assert done.wait(10)
    loader.close()
    assert order.index(17) <= 4  # behind at most what was already running
    assert sorted(order) == list(range(20))


def test_copy_command_and_file_fallback(tmp_path: Path, xdg_dirs: Path):
    from reader.app.clipboard import copy_to_file, run_copy_command

    target = tmp_path / "clip.txt"
    message, ok = run_copy_command(f"sh -c 'cat > {target}'", "云计算")
    assert ok and target.read_text(encoding="utf-8") == "云计算" and "Copied 3 characters" in message
    message, ok = run_copy_command("no-such-copy-tool-here", "x")
    assert not ok and "not found" in message
    message, ok = run_copy_command("false", "x")
    assert not ok and "exit 1" in message
    message, ok = copy_to_file("云")
    assert ok and (xdg_dirs / "state" / "reader" / "clipboard.txt").read_text(encoding="utf-8") == "云"


async def test_bad_settings_file_is_named_in_a_notification(make_app, xdg_dirs: Path, wait):
    from reader.app.state import Settings

    path = xdg_dirs / "config" / "reader" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text("width = inf\n", encoding="utf-8")
    app = make_app(settings=Settings.load())
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        messages = [n.message for n in app._notifications]
        assert any(str(path) in m and "width" in m for m in messages)
        assert "40字" in app.screen.status_text  # the default applies


async def test_huge_page_lays_out_only_what_is_visible(make_app, article_factory, wait):
    paras = tuple((BlockKind.PARAGRAPH, f"第{i}段:" + "这是一段很长的用来测试大文章排版的正文内容。" * 10) for i in range(900))
    art = article_factory(blocks=paras, removed=())
    assert len(art.body_text) > 200_000
    app = make_app(art)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        view = app.screen.view
        assert len(view._laid) < 40  # a few screens' worth, not 900 paragraphs
        started = time.perf_counter()
        await pilot.press("w")
        await pilot.pause()
        assert time.perf_counter() - started < 1.0
        assert len(view._laid) < 40 and "50字" in app.screen.status_text
        await pilot.press("G")
        assert "第899段" in view.visible_text()


async def test_t_swaps_in_the_conversion_prepared_while_the_page_is_read(make_app, article_factory, wait):
    """Point 3: the other script is converted in the background after the page is
    drawn (by `convert_article`, as `t` would), so `t` only swaps lines; a second
    `t` there and back lays out nothing anew (the line cache)."""
    from reader.app.screens.reader import AHEAD_DELAY
    from reader.transform.convert import convert_article

    paras = tuple((BlockKind.PARAGRAPH, f"第{i}段:阿里云在杭州发布了新一代大模型,开发者认为门槛降低了。" * 4) for i in range(300))
    art = article_factory(blocks=paras, removed=())
    app = make_app(art)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        entry = app.entries[0]
        config = app.conversion_config(entry, True)
        deadline = time.monotonic() + AHEAD_DELAY + 10
        while config not in entry.conversions and time.monotonic() < deadline:
            await pilot.pause(0.02)
        assert config not in (None, "") and config in entry.conversions
        expected = convert_article(art, config)
        assert [b.text for b in entry.conversions[config].blocks] == [b.text for b in expected.blocks]

        view = app.screen.view
        requested: list[str] = []
        original_request = app._request_conversion
        app._request_conversion = lambda e, c: (requested.append(c), original_request(e, c))  # type: ignore[method-assign]
        await pilot.press("t")
        assert "converting" not in app.screen.status_text and "繁體" in app.screen.status_text
        assert expected.blocks[0].text[:10] in view.visible_text()
        assert requested == []  # nothing converted on the key press

        laid: list[int] = []
        original_lay = view.lay_unit
        view.lay_unit = lambda i, styles: (laid.append(i), original_lay(i, styles))[1]  # type: ignore[method-assign]
        await pilot.press("t")
        await pilot.press("t")
        assert "繁體" in app.screen.status_text and laid == []  # both layouts came from the cache

        await pilot.press("t", "v")  # back to 简, another Traditional form: prepared too
        await wait(pilot)
        assert app.variant != "s2tw" and app.conversion_config(entry, True) in entry.conversions


async def test_plus_keeps_the_block_shown_when_removals_are_not_in_page_order(make_app, article_factory, wait):
    """Point 9: `+` keeps the removed block on screen, found by the index its
    paragraph carries, not by counting (removals are listed by stage, not position)."""
    from reader.model import Removed

    many = tuple((BlockKind.PARAGRAPH, f"第{i}段:这是一段用来测试的正文。") for i in range(60))
    removed = (Removed("猜你喜欢", "related-links: 猜你喜欢", 60), Removed("图片说明:会场", "caption", 30))
    app = make_app(article_factory(blocks=many, removed=removed))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("r", "R")
        await wait(pilot)
        assert "图片说明:会场" in app.screen.view.visible_text().splitlines()[1]
        await pilot.press("plus")
        await wait(pilot)
        await pilot.press("escape")
        await wait(pilot)
        entry = app.entries[0]
        assert "图片说明:会场" in [b.text for b in entry.article.blocks]
        assert [r.text for r in entry.article.removed] == ["猜你喜欢"]


async def test_help_at_80x24_gives_the_descriptions_the_room(make_app, wait):
    """Point 6: a long list of keys (PgUp PgDn space b ctrl+f ctrl+b) wraps in its
    column instead of widening it: at 80 columns each description keeps most of the box."""
    from rich.console import Console

    from reader.app.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=76, record=True)  # the box's inside at 80 columns
        console.print(app.screen.query_one("#help-table").content)
        lines = console.export_text().splitlines()
        row = next(line for line in lines if line.startswith("?"))
        assert row.index("Help") <= 20
        assert any("Show the keys and commands of this screen." in line for line in lines)
