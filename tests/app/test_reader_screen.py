"""Pilot tests of the reader screen: every key, asserting on what is shown."""
from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from reader.app.screens.reader import ReaderScreen
from reader.app.screens.side_by_side import SideBySideScreen

SIZE = (100, 30)


async def test_opens_article_with_title_meta_and_body(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        text = screen.view.plain
        assert "阿里云发布新一代大模型" in text
        assert "记者 王明 · 2025-09-24 · 科技日报" in text
        assert "发布了新一代通义千问大模型" in text
        assert "原文 简" in screen.status_text
        assert "40字" in screen.status_text


async def test_body_is_wrapped_at_reading_width_and_paragraphs_spaced(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        view = app.screen.view
        lines = [l.strip() for l in view.plain_lines]
        assert max(cell_len(l) for l in lines) <= 80
        # a long paragraph wraps onto several lines, and paragraphs are separated by a blank line
        joined = "".join(lines)
        assert "会上,阿里巴巴集团表示" in joined
        assert "" in lines
        i = next(n for n, l in enumerate(lines) if l.startswith("会上"))
        assert lines[i + 1] != ""  # wrapped continuation
        assert lines[i - 1] == ""  # blank line between paragraphs


async def test_w_cycles_widths(make_app, wait):
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await wait(pilot)
        screen = app.screen

        def widest() -> int:
            return max(cell_len(l.strip()) for l in screen.view.plain_lines)

        assert widest() <= 80
        await pilot.press("w")  # 50
        assert "50字" in screen.status_text
        assert 80 < widest() <= 100
        await pilot.press("w")  # full
        assert "full width" in screen.status_text
        assert widest() > 100
        await pilot.press("w")  # 30
        assert "30字" in screen.status_text
        assert widest() <= 60
        await pilot.press("w")
        assert "40字" in screen.status_text


async def test_t_toggles_between_the_pages_script_and_the_other(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        screen = app.screen
        assert "原文 简 · 繁 form s2tw" in screen.status_text
        await pilot.press("t")  # one press: Traditional (Taiwan forms by default)
        await wait(pilot)
        assert "繁體 (s2tw)" in screen.status_text
        assert "阿里雲在杭州舉辦雲棲大會" in screen.view.plain
        await pilot.press("t")  # one press back
        await wait(pilot)
        assert "原文 简" in screen.status_text
        assert "阿里云在杭州举办云栖大会" in screen.view.plain


async def test_variant_is_chosen_with_v_shown_and_remembered(make_app, wait):
    from reader.app.state import Settings, State

    app = make_app(settings=Settings(variant="s2twp"))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("t")
        await wait(pilot)
        assert "繁體 (s2twp)" in app.screen.status_text
        # s2twp uses Taiwan phrasing: 人工智能 -> 人工智慧
        assert "人工智慧" in app.screen.view.plain
        await pilot.press("v")  # Hong Kong
        await wait(pilot)
        assert "繁體 (s2hk)" in app.screen.status_text
        assert "人工智能" in app.screen.view.plain
        await pilot.press("q")
    assert State.load().variant == "s2hk"
    again = make_app(settings=Settings(variant="s2twp"))
    async with again.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert "繁體 (s2hk)" in again.screen.status_text  # the page was left in 繁, in the form picked


async def test_traditional_page_to_simplified(make_app, traditional_article, wait):
    app = make_app(traditional_article)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert "原文 繁" in app.screen.status_text
        assert "繁 form" not in app.screen.status_text
        await pilot.press("t")
        await wait(pilot)
        assert "简体 (t2s)" in app.screen.status_text
        assert "台湾的科技业者在云端服务上持续投资" in app.screen.view.plain


async def test_r_shows_removed_blocks_where_they_stood(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        view = app.screen.view
        assert "猜你喜欢:云计算" not in view.plain
        await pilot.press("r")
        lines = [l.strip() for l in view.plain_lines]
        text = "\n".join(lines)
        assert "⊘ breadcrumb navigation (当前位置)" in text  # the reason in plain words, with its cue
        assert "⊘ list of links to other articles (猜你喜欢)" in text
        assert "removed shown (2)" in app.screen.status_text
        # index 0: before the first block; index len(blocks): after the last
        assert text.index("当前位置:首页") < text.index("阿里云在杭州")
        assert text.index("猜你喜欢:云计算") > text.index("会议最后")
        # dimmed: the removed lines carry the removed style, not the body style
        removed_style = view.styles_for_layout().role("removed")
        removed_line = next(l for l in view.lines if "当前位置:首页" in l.plain)
        body_line = next(l for l in view.lines if "阿里云在杭州" in l.plain)
        assert any(span.style == removed_style for span in removed_line.spans)
        assert not any(span.style == removed_style for span in body_line.spans)
        await pilot.press("r")
        assert "猜你喜欢:云计算" not in view.plain
        assert "removed shown" not in app.screen.status_text


async def test_h_highlights_keywords_in_either_script(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        screen = app.screen
        await pilot.press("h")
        await wait(pilot)
        assert "keywords marked" in screen.status_text
        words = [k.word for k in screen.entry.keywords]
        assert words, "keywords were computed"
        style = screen.view.styles_for_layout().keyword

        def highlighted() -> set[str]:
            found = set()
            for line in screen.view.lines:
                for span in line.spans:
                    if span.style == style:
                        found.add(line.plain[span.start:span.end])
            return found

        before = highlighted()
        assert before
        await pilot.press("t")  # Traditional
        await wait(pilot)
        after = highlighted()
        assert after and after != before  # same keywords, now found in Traditional text
        assert any("雲" in w for w in after) or any(w in after for w in words if w.isascii())
        await pilot.press("h")
        assert not highlighted()


async def test_k_keyword_panel_select_and_jump(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        screen = app.screen
        await pilot.press("K")
        await wait(pilot)
        panel = screen.query_one("#keywords")
        assert panel.display
        labels = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert labels and all("×" in l for l in labels)
        first = screen.entry.keywords[0]
        assert labels[0] == f"{first.word}  ×{first.count}"
        await pilot.press("enter")
        await pilot.pause()
        assert f"keyword “{first.word}” 1/" in screen.status_text
        total = len(screen.view.matches)
        assert total >= 1
        await pilot.press("n")
        assert f"keyword “{first.word}” {min(2, total) if total > 1 else 1}/{total}" in screen.status_text
        await pilot.press("N")
        assert f"keyword “{first.word}” 1/{total}" in screen.status_text
        await pilot.press("N")  # wraps to the last
        assert f"keyword “{first.word}” {total}/{total}" in screen.status_text
        await pilot.press("K")  # K again closes the panel
        assert not panel.display


async def test_search_is_script_insensitive_with_n_and_N(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        screen = app.screen
        await pilot.press("slash")
        box = screen.query_one("#search")
        assert box.display and box.has_focus
        await pilot.press(*"雲", "enter")  # Traditional query, Simplified page
        await pilot.pause()
        assert not box.display
        matches = screen.view.matches
        assert len(matches) >= 5
        assert f"search “雲” 1/{len(matches)}" in screen.status_text
        await pilot.press("n")
        assert f"search “雲” 2/{len(matches)}" in screen.status_text
        await pilot.press("N", "N")
        assert f"search “雲” {len(matches)}/{len(matches)}" in screen.status_text
        # the current match is styled differently from the others
        current = screen.view.styles_for_layout().current
        assert any(span.style == current for line in screen.view.lines for span in line.spans)


async def test_typing_in_search_does_not_trigger_commands(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        screen = app.screen
        await pilot.press("slash", "q", "t", "w", "r")
        assert app.is_running
        assert screen.query_one("#search").value == "qtwr"
        assert "原文" in screen.status_text and "40字" in screen.status_text
        await pilot.press("escape")
        assert not screen.query_one("#search").display
        assert app.screen is screen  # Esc closed the search, not the reader


async def test_search_not_found_and_n_without_query(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("n")
        await pilot.press("slash", *"不存在的词", "enter")
        await pilot.pause()
        assert "0 found" in app.screen.status_text


async def test_long_article_scrolls_and_search_jumps_into_view(make_app, article_factory, wait):
    from reader.model import BlockKind

    many = tuple((BlockKind.PARAGRAPH, f"第{i}段:这是一段用来测试滚动的正文,内容没有特别的意义。") for i in range(80))
    many += ((BlockKind.PARAGRAPH, "最后一段里有一个独特的词:麒麟。"),)
    app = make_app(article_factory(blocks=many, removed=()))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        view = app.screen.view
        assert view.scroll_y == 0
        await pilot.press("down")
        assert view.scroll_y == 1
        await pilot.press("pagedown")
        assert view.scroll_y > 10
        await pilot.press("end")
        assert "麒麟" in view.visible_text()
        await pilot.press("home")
        assert view.scroll_y == 0
        await pilot.press("slash", *"麒麟", "enter")
        await pilot.pause()
        assert "麒麟" in view.visible_text()
        await pilot.press("home")
        from textual import events

        for _ in range(3):  # mouse wheel
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_y > 0


async def test_c_copies_article_as_shown(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("c")
        assert app.clipboard.startswith("阿里云发布新一代大模型\n")
        messages = [n.message for n in app._notifications]
        assert any("OSC 52" in m and "C to save to a file" in m for m in messages)  # says what happened
        await pilot.press("t")
        await wait(pilot)
        await pilot.press("c")
        assert app.clipboard.startswith("阿里雲發佈新一代大模型")


async def test_e_exports_text_and_markdown_never_over_an_input(make_app, article_factory, tmp_path: Path, wait):
    page = tmp_path / "page.txt"
    page.write_text("原始页面", encoding="utf-8")
    from reader.app.app import ReaderApp
    from reader.app.library import Entry
    from reader.app.state import Settings, State
    entry = Entry(name=str(page), path=page)
    entry.set_article(article_factory(name=str(page)))
    app = ReaderApp([entry], open_index=0, settings=Settings(), state=State.load())
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#export-path")
        assert box.value.endswith("page.reader.txt")
        # the input file itself is refused
        box.value = str(page)
        await pilot.press("enter")
        await pilot.pause()
        assert "never overwritten" in str(app.screen.query_one("#export-message").content)
        assert page.read_text(encoding="utf-8") == "原始页面"
        box.value = str(tmp_path / "out.md")
        await pilot.press("enter")
        await pilot.pause()
        md = (tmp_path / "out.md").read_text(encoding="utf-8")
        assert md.startswith("# 阿里云发布新一代大模型")
        assert "## 开发者的反应" in md
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "out.txt")
        await pilot.press("enter")
        await pilot.pause()
        txt = (tmp_path / "out.txt").read_text(encoding="utf-8")
        assert txt.startswith("阿里云发布新一代大模型\n\n")
        # an existing non-input file needs a second Enter
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "out.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert "exists" in str(app.screen.query_one("#export-message").content)
        await pilot.press("escape")


async def test_question_mark_help_lists_the_screen_commands(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        from reader.app.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table").content
        from rich.console import Console

        console = Console(width=120, record=True)
        console.print(table)
        text = console.export_text()
        for key, title in (("t", "Toggle script"), ("w", "reading width"), ("h", "Mark the keywords"), ("K", "Keyword panel"),
                           ("/", "Search"), ("r", "removed blocks"), ("s", "Side by side"), ("c", "Copy"), ("e", "Export"), ("q", "Quit")):
            assert title in text, title
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_escape_returns_to_library_and_q_quits(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("escape")
        await pilot.pause()
        from reader.app.screens.library import LibraryScreen

        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_s_opens_side_by_side_and_back(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("s")
        await wait(pilot)
        assert isinstance(app.screen, SideBySideScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_page_text_is_never_markup_and_controls_are_removed(make_app, article_factory, wait):
    from reader.model import BlockKind

    blocks = (
        (BlockKind.PARAGRAPH, "危险[bold red]文字[/]和[link=http://evil]链接[/link]\x1b[31m红色\x1b]0;title\x07完"),
        (BlockKind.PARAGRAPH, "控制\x07字符\x00与\u202e反转"),
    )
    app = make_app(article_factory("标题[i]斜体[/i]", blocks, removed=()))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        text = app.screen.view.plain
        assert "标题[i]斜体[/i]" in text
        assert "危险[bold red]文字[/]和[link=http://evil]链接[/link]红色完" in text
        assert "控制字符与反转" in text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        # and nothing in the rendered screen carries a link from the page
        for line in app.screen.view.lines:
            for span in line.spans:
                assert "evil" not in str(span.style)


async def test_position_and_preferences_are_remembered(make_app, article_factory, wait):
    from reader.model import BlockKind

    many = tuple((BlockKind.PARAGRAPH, f"第{i}段:这是一段用来测试位置的正文。") for i in range(60))
    art = article_factory(blocks=many, removed=())
    app = make_app(art)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        app.screen.view.scroll_to_block(30)
        await pilot.pause()
        await pilot.press("w", "t")
        await wait(pilot)
        await pilot.press("q")
    from reader.app.state import State

    state = State.load()
    assert state.width == 50
    assert state.page(art.name).other_script
    assert 28 <= state.position(art.name) <= 31
    app2 = make_app(art)
    async with app2.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert "50字" in app2.screen.status_text
        assert "繁體" in app2.screen.status_text
        assert 28 <= app2.screen.view.top_block() <= 31


async def test_big_article_is_laid_out_in_a_worker_and_search_still_jumps(make_app, article_factory, wait):
    from reader.model import BlockKind

    many = tuple((BlockKind.PARAGRAPH, f"第{i}段:" + "这是一段很长的用来测试大文章排版的正文内容。" * 8) for i in range(400))
    many += ((BlockKind.PARAGRAPH, "结尾处有一个独特的词:麒麟。"),)
    art = article_factory(blocks=many, removed=())
    assert len(art.body_text) > 60_000
    app = make_app(art)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        view = app.screen.view
        assert not view.laying_out and len(view.lines) > 1000
        await pilot.press("slash", *"麒麟", "enter")
        await wait(pilot)
        assert "search “麒麟” 1/1" in app.screen.status_text
        assert "麒麟" in view.visible_text()
        await pilot.press("w")
        await wait(pilot)
        assert "50字" in app.screen.status_text
        assert "麒麟" in view.visible_text()  # the place is kept across a re-layout
