"""Side by side: aligned panes, script conversion, raw and other-article modes."""
from __future__ import annotations

from rich.cells import cell_len

from reader.app.layout import Para, Styles, lay_side_by_side, pair_raw
from reader.app.screens.side_by_side import SideBySideScreen

SIZE = (100, 30)


def column(lines: list[str], side: int, width: int) -> list[str]:
    out = []
    for line in lines:
        cells, i = 0, 0
        while i < len(line) and cells < width:
            cells += cell_len(line[i])
            i += 1
        out.append((line[:i] if side == 0 else line[i + 3:]).rstrip())
    return out


async def test_original_and_traditional_in_parallel(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("t", "s")  # after t, s compares as written | the other script
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen)
        assert "原文 简" in str(screen.query_one("#left-title").content)
        assert "繁體 (s2tw)" in str(screen.query_one("#right-title").content)
        view = screen.view
        width = view.column_width()
        lines = view.plain_lines
        # every row has the separator at the same cell position
        for line in lines:
            cells = 0
            for i, ch in enumerate(line):
                if line[i:i + 3] == " │ " and cells == width:
                    break
                cells += cell_len(ch)
            else:
                raise AssertionError(f"separator misplaced: {line!r}")
        left = "".join(column(lines, 0, width))
        right = "".join(column(lines, 1, width))
        assert "阿里云在杭州举办云栖大会" in left
        assert "阿里雲在杭州舉辦雲棲大會" in right
        # paired paragraphs start on the same row
        li = next(i for i, l in enumerate(column(lines, 0, width)) if l.startswith("会议最后"))
        ri = next(i for i, l in enumerate(column(lines, 1, width)) if l.startswith("會議最後"))
        assert li == ri
        # t in side by side converts the right pane back
        await pilot.press("t")
        await wait(pilot)
        assert "原文 简" in str(screen.query_one("#right-title").content)
        await pilot.press("s")
        await pilot.pause()
        assert not isinstance(app.screen, SideBySideScreen)


def test_shorter_paragraph_is_padded_so_pairs_start_level():
    pairs = [(Para("短"), Para("长" * 50)), (Para("第二段"), Para("第二段"))]
    lines = [l.plain for l in lay_side_by_side(pairs, 10, Styles())]
    # "长"*50 at 10 cells wide: 10 lines; the left pane gets 9 padding lines
    second = next(i for i, l in enumerate(lines) if l.startswith("第二段"))
    assert second == 11  # 10 lines + the blank spacer
    assert lines[second].rstrip().endswith("│ 第二段")
    assert len({cell_len(l) for l in lines if l.strip(" │")}) == 1


async def test_raw_mode_from_palette(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await app.screen.run_action("compare_raw")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen)
        assert "raw page" in str(screen.query_one("#left-title").content)
        width = screen.view.column_width()
        lines = screen.view.plain_lines
        left = column(lines, 0, width)
        right = column(lines, 1, width)
        # the removed breadcrumb stands alone on the left; the title sits beside its source
        crumb = next(i for i, l in enumerate(left) if l.startswith("当前位置"))
        assert right[crumb] == ""
        title = next(i for i, l in enumerate(right) if l.startswith("阿里云发布新一代大模型"))
        assert left[title].startswith("阿里云发布新一代大模型")
        assert "raw page | cleaned" in screen.status_text


def test_pair_raw_keeps_order_and_anchors():
    raw = "导航\n标题\n\n第一段正文\n广告\n第二段正文\n尾巴"
    paras = [Para("标题", "title"), Para("第一段正文", block=0), Para("第二段正文", block=1), Para("不在原文里", block=2)]
    pairs = [(l.text if l else None, r.text if r else None) for l, r in pair_raw(raw, paras)]
    assert pairs == [
        ("导航", None),
        ("标题", "标题"),
        ("第一段正文", "第一段正文"),
        ("广告", None),
        ("第二段正文", "第二段正文"),
        (None, "不在原文里"),
        ("尾巴", None),
    ]


async def test_other_article_mode(make_app, article, traditional_article, wait):
    app = make_app(article, traditional_article)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("s")
        await wait(pilot)
        await app.screen.run_action("compare_other")
        await pilot.pause()
        await pilot.press("enter")  # the only other article
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen)
        assert str(screen.query_one("#right-title").content) == "臺灣業者擴建雲端資料中心"
        right = "".join(column(screen.view.plain_lines, 1, screen.view.column_width()))
        assert "臺灣的科技業者" in right


async def test_w_and_h_in_side_by_side(make_app, wait):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await wait(pilot)
        await pilot.press("s")
        await wait(pilot)
        screen = app.screen
        full = screen.view.column_width()  # limited by the window, not the reading width
        assert 70 <= full < 80 and 2 * full + 3 <= screen.view.scrollable_content_region.width
        await pilot.press("w", "w", "w")  # 30 characters = 60 cells
        assert screen.view.column_width() == 60
        await pilot.press("h")
        await wait(pilot)
        assert "keywords marked" in screen.status_text
        style = screen.view.styles_for_layout().keyword
        assert any(span.style == style for line in screen.view.lines for span in line.spans)


async def test_big_raw_page_is_laid_out_in_a_worker(make_app, article_factory, wait):
    raw = "<div><a href='/x'>导航链接</a></div>" * 4000 + "\n阿里云发布新一代大模型\n阿里云在杭州举办云栖大会"
    app = make_app(article_factory(raw_text=raw))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await app.screen.run_action("compare_raw")
        await wait(pilot)
        view = app.screen.view
        assert len(view.lines) > 100
        right = "".join(column(view.plain_lines, 1, view.column_width()))
        assert "阿里云在杭州举办云栖大会" in right


async def test_r_shows_removed_blocks_in_both_panes(make_app, wait):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("t", "s")
        await wait(pilot)
        screen = app.screen
        removed = app.entries[0].article.removed
        assert removed, "the fixture article has removed blocks"
        width = screen.view.column_width()
        before = screen.view.plain_lines
        await pilot.press("r")
        await wait(pilot)
        lines = screen.view.plain_lines
        left, right = column(lines, 0, width), column(lines, 1, width)
        assert len(lines) > len(before)
        from reader.app.reasons import removed_label

        label = removed_label(removed[0])
        assert any(label in line for line in left) and any(label in line for line in right)
        assert "removed shown" in screen.status_text
        await pilot.press("r")
        await wait(pilot)
        assert screen.view.plain_lines == before


async def test_raw_mode_pairs_a_removed_block_with_its_source_line(make_app, article_factory, wait):
    """Point 8: a removed block is aligned by the provenance it carries, even when its
    raw line does not read like it (markup in a text dump): not left alone after it."""
    from dataclasses import replace

    from reader.model import Removed

    art = article_factory(removed=())
    raw = art.raw_text or ""
    teaser = "演《<strong>告白</strong>》的少女30岁了!新写真流出"
    raw = raw + teaser + "\n"
    start = raw.index(teaser)
    removed = (Removed("演《告白》的少女30岁了!新写真流出", "related-links: 猜你喜欢", len(art.blocks), source=(start, start + len(teaser))),)
    app = make_app(replace(art, raw_text=raw, removed=removed))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("s", "r")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen) and "raw page" in str(screen.query_one("#left-title").content)
        width = screen.view.column_width()
        lines = screen.view.plain_lines
        left, right = column(lines, 0, width), column(lines, 1, width)
        row = next(i for i, line in enumerate(right) if line.startswith("演《告白》"))
        assert "<strong>" in left[row] or "<strong>" in left[row - 1] and right[row - 1].startswith("⊘")
        assert not any("<strong>" in left[i] and not right[i] for i in range(len(left)) if i > row)


def test_a_removed_block_anchors_at_its_source():
    from reader.app.layout import article_paras, raw_anchors
    from reader.model import Article, Block, BlockKind, Removed

    raw = "正文第一段\n菜单 <b>首页</b>\n正文第二段\n"
    art = Article(title="", blocks=(Block(BlockKind.PARAGRAPH, "正文第一段", source=(0, 5)), Block(BlockKind.PARAGRAPH, "正文第二段", source=(19, 24))),
                  removed=(Removed("菜单 首页", "nav", 1, source=(6, 18)),), raw_text=raw)
    paras = article_paras(art, show_removed=True)
    assert [p.removed for p in paras] == [None, 0, None]
    assert raw_anchors(art, paras) == [0, 6, 19] and raw[19:24] == "正文第二段"
    pairs = [(l.text if l else None, r.text if r else None) for l, r in pair_raw(raw, paras, raw_anchors(art, paras))]
    assert pairs == [("正文第一段", "正文第一段"), ("菜单 <b>首页</b>", "菜单 首页"), ("正文第二段", "正文第二段")]


async def test_side_by_side_opens_and_closes_at_the_reading_position(make_app, article_factory, wait):
    """Point 8: `s` opens at the paragraph being read (raw | cleaned and as written |
    other script alike), and closing it from the raw page's tail lands at the end."""
    from reader.model import BlockKind

    many = tuple((BlockKind.PARAGRAPH, f"第{i}段:这是一段用来测试并排阅读位置的正文。") for i in range(60))
    app = make_app(article_factory(blocks=many))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait(pilot)
        for keys in (("s",), ("t", "s")):
            reader = app.screen
            reader.view.scroll_to_block(30)
            await wait(pilot)
            assert reader.view.top_block() == 30
            await pilot.press(*keys)
            await wait(pilot)
            screen = app.screen
            assert isinstance(screen, SideBySideScreen)
            assert screen.top_block() == 30, keys
            assert "第30段" in screen.view.visible_text().splitlines()[0]
            await pilot.press("G")
            await wait(pilot)
            await pilot.press("s")
            await wait(pilot)
            assert app.screen is reader and reader.view.scroll_y == reader.view.max_scroll_y > 0  # at the end


async def test_a_search_is_marked_in_both_panes(make_app, wait):
    """Point 8: the reader's search carries into side by side and is marked on both
    sides, across scripts (云 on the left, 雲 on the right after t)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("slash", *"云计算", "enter")
        await wait(pilot)
        for keys in (("s",), ("s", "t", "s")):  # raw | cleaned, then as written | 繁
            await pilot.press(*keys)
            await wait(pilot)
            screen = app.screen
            assert isinstance(screen, SideBySideScreen) and "search “云计算”" in screen.status_text
            width = screen.view.column_width()
            match = screen.view.styles_for_layout().match
            sides = set()
            for line in screen.view.lines:
                for span in line.spans:
                    if span.style == match:
                        sides.add(0 if cell_len(line.plain[: span.start]) < width else 1)
                        assert line.plain[span.start : span.end] in ("云计算", "雲計算")
            assert sides == {0, 1}, keys


async def test_t_h_r_in_side_by_side_carry_back_and_t_off_never_shows_two_equal_panes(make_app, wait):
    """Point 8: `t` in as written | other script turns it into raw | cleaned (not two
    identical panes); what was toggled in side by side stays so in the reader."""
    from reader.app.screens.reader import ReaderScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        await pilot.press("t", "s")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen) and screen.mode == "original"
        await pilot.press("t")
        await wait(pilot)
        assert screen.mode == "raw" and "raw page" in str(screen.query_one("#left-title").content)
        await pilot.press("h", "r")
        await wait(pilot)
        await pilot.press("s")
        await wait(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert (reader.other_script, reader.highlight, reader.show_removed) == (False, True, True)
        assert "原文 简" in reader.status_text and "keywords marked" in reader.status_text and "removed shown" in reader.status_text
        await pilot.press("s", "t", "s")  # raw | cleaned, t converts its right pane, back: 繁 here too
        await wait(pilot)
        assert app.screen is reader and reader.other_script and "繁體" in reader.status_text
