"""Issue 14 point 9: a block kept "only on this page" (`+`, then n) is remembered in
the state, kept again when the page is opened by a new app, undone with `-`, and a
bad kept list in state.json is one warning, never a crash."""
from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.app.kept import kept_by, with_kept
from reader.app.library import Entry
from reader.app.state import MAX_KEPT_CHARS, MAX_KEPT_PER_PAGE, MAX_KEPT_TOTAL, PageState, State, kept_key, state_dir
from reader.model import BlockKind, Removed

SIZE = (100, 30)
CAPTION = "图片说明:会场"
MANY = tuple((BlockKind.PARAGRAPH, f"第{i}段:这是一段用来测试的正文。") for i in range(60))


def page(article_factory, caption_at: int = 30, caption: str = CAPTION):
    removed = (Removed(caption, "caption", caption_at), Removed("猜你喜欢", "related-links: 猜你喜欢", 60))
    return article_factory(blocks=MANY, removed=removed)


def saved_pages() -> dict:
    return json.loads((state_dir() / "state.json").read_text(encoding="utf-8"))["pages"]


async def keep_caption(app, pilot, wait, answer: str = "n") -> None:
    await wait(pilot)
    await pilot.press("r", "R")
    await wait(pilot)
    assert CAPTION in app.screen.view.visible_text().splitlines()[1]
    await pilot.press("plus")
    await wait(pilot)
    await pilot.press(answer)
    await wait(pilot)


async def test_kept_on_this_page_survives_a_restart_and_minus_undoes_it(make_app, article_factory, wait):
    app = make_app(page(article_factory))
    async with app.run_test(size=SIZE) as pilot:
        await keep_caption(app, pilot, wait)
        assert CAPTION in [b.text for b in app.entries[0].article.blocks]
        await pilot.press("q")
    assert saved_pages()["pages/cloud.txt"]["kept"] == [CAPTION]

    # a new app, the page as extracted (the caption removed again): kept on opening,
    # in the view, the removed list and the library's count alike
    again = make_app(page(article_factory))
    async with again.run_test(size=SIZE) as pilot:
        await wait(pilot)
        entry = again.entries[0]
        assert CAPTION in [b.text for b in entry.article.blocks]
        assert [r.text for r in entry.article.removed] == ["猜你喜欢"] and entry.removed_count == 1
        assert CAPTION in again.screen.view.plain
        await pilot.press("r")
        await wait(pilot)
        assert "removed shown (1), 1 kept" in again.screen.status_text
        await pilot.press("minus")  # the first kept block from the top of the screen down
        await wait(pilot)
        assert CAPTION not in [b.text for b in entry.article.blocks]
        assert [r.text for r in entry.article.removed] == [CAPTION, "猜你喜欢"]
        assert entry.article.removed[0].reason == "caption"  # the cleaner's own reason again
        await pilot.press("minus")  # nothing left to undo: said, not an error
        await wait(pilot)
        await pilot.press("q")
    assert "kept" not in saved_pages()["pages/cloud.txt"]

    third = make_app(page(article_factory))
    async with third.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert CAPTION not in [b.text for b in third.entries[0].article.blocks]


async def test_a_keep_is_saved_when_the_terminal_closes(make_app, article_factory, wait, monkeypatch):
    """Saved with the reading position: SIGHUP writes it, no `q` needed."""
    app = make_app(page(article_factory))
    ended: list[int] = []
    monkeypatch.setattr(app, "terminate", ended.append)  # (SIGHUP ends the process)
    async with app.run_test(size=SIZE) as pilot:
        await keep_caption(app, pilot, wait)
        app._on_signal(signal.SIGHUP)
        assert saved_pages()["pages/cloud.txt"]["kept"] == [CAPTION]
    assert ended == [128 + signal.SIGHUP]


async def test_a_keep_finds_its_block_when_extraction_moves_it(make_app, article_factory, wait):
    """Kept by normalized text, not by index: another extraction that puts the block
    elsewhere, with other whitespace, still has it kept (and the place is kept)."""
    app = make_app(page(article_factory))
    async with app.run_test(size=SIZE) as pilot:
        await keep_caption(app, pilot, wait)
        await pilot.press("q")
    moved = page(article_factory, caption_at=12, caption="\n  图片说明:会场 ")
    again = make_app(moved)
    async with again.run_test(size=SIZE) as pilot:
        await wait(pilot)
        blocks = [b.text for b in again.entries[0].article.blocks]
        assert blocks[12] == "\n  图片说明:会场 " and len(blocks) == 61


async def test_a_site_rule_takes_over_and_minus_says_where_it_is(make_app, article_factory, wait, xdg_dirs: Path):
    app = make_app(page(article_factory))
    async with app.run_test(size=SIZE) as pilot:
        await keep_caption(app, pilot, wait, answer="y")
        assert "kept" not in app.state.page("pages/cloud.txt").to_json()  # the rule keeps it from now on
        await pilot.press("minus")
        await wait(pilot)
        assert CAPTION not in [b.text for b in app.entries[0].article.blocks]
        assert any("rules.toml" in n.message for n in app._notifications)
    assert "图片说明" in (xdg_dirs / "config" / "reader" / "rules.toml").read_text(encoding="utf-8")


async def test_side_by_side_raw_shows_the_kept_block_as_cleaned(make_app, wait):
    """Through the loader (a real page, extracted in a thread): the breadcrumb kept
    on this page stands in the cleaned pane beside its raw line after a restart."""
    from reader.app.app import ReaderApp
    from reader.app.screens.side_by_side import SideBySideScreen
    from reader.app.state import Settings
    from reader.sources import RawPage

    html = "\n".join([
        "<html><head><title>阿里云发布新一代大模型</title></head><body>",
        "<div class='crumb'>当前位置：首页 &gt; 科技 &gt; 正文</div>",
        "<article><h1>阿里云发布新一代大模型</h1>",
        *(f"<p>{text}</p>" for _, text in MANY[:6]),
        "</article><div class='related'>猜你喜欢：云计算的下一个十年</div></body></html>",
    ]).encode()
    crumb = "当前位置：首页 > 科技 > 正文"

    def build() -> ReaderApp:
        return ReaderApp([Entry.from_raw(RawPage("pages/crumb.html", html))], open_index=0, settings=Settings(),
                         state=State.load(), executor="thread")

    first = build()
    async with first.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert crumb in [r.text for r in first.entries[0].article.removed]
        await pilot.press("r")
        await wait(pilot)
        await pilot.press("plus", "n")
        await wait(pilot)
        await pilot.press("q")
    second = build()
    async with second.run_test(size=SIZE) as pilot:
        await wait(pilot)
        article = second.entries[0].article
        assert article.blocks[0].text == crumb and crumb not in [r.text for r in article.removed]
        await pilot.press("s")
        await wait(pilot)
        screen = second.screen
        assert isinstance(screen, SideBySideScreen)
        rows = [line for line in screen.view.plain_lines if "当前位置" in line]
        assert rows and rows[0].count("当前位置") == 2  # raw line | cleaned block, on one row


def test_entry_applies_keeps_to_a_page_that_loads_later(article_factory):
    entry = Entry(name="pages/cloud.txt")
    assert not entry.set_kept((kept_key(CAPTION),))  # nothing to show yet
    entry.set_result(page(article_factory))
    assert CAPTION in [b.text for b in entry.article.blocks]
    assert CAPTION not in [b.text for b in entry.cleaned.blocks]
    assert entry.set_kept(())
    assert CAPTION not in [b.text for b in entry.article.blocks]


def test_a_long_block_is_kept_by_its_start(article_factory):
    long = "很长的一段被删掉的正文" * 60
    art = page(article_factory, caption=long)
    key = kept_key(long)
    assert len(key) == MAX_KEPT_CHARS
    assert long in [b.text for b in with_kept(art, (key,)).blocks]
    assert kept_by(long, (key,)) == key and kept_by("别的", (key,)) is None


# -- the state file ------------------------------------------------------------------
@pytest.mark.parametrize("kept", ['"图片说明"', "[1, 2]", '["ok", ""]', '[["nested"]]', "{}", f'["{"长" * (MAX_KEPT_CHARS + 1)}"]',
                                  json.dumps(["x%d" % i for i in range(MAX_KEPT_PER_PAGE + 1)]), "null"])
def test_a_corrupted_kept_list_is_one_warning_and_the_place_stays(xdg_dirs: Path, kept: str):
    path = state_dir() / "state.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"pages": {"a.html": {"block": 7, "kept": %s}, "b.html": {"block": 2, "kept": ["好"]}}}' % kept, encoding="utf-8")
    state = State.load()
    assert len(state.problems) == 1 and str(path) in state.problems[0] and "kept" in state.problems[0]
    assert "\n" not in state.problems[0]
    assert state.position("a.html") == 7 and state.kept("a.html") == ()
    assert state.kept("b.html") == ("好",)


async def test_a_corrupted_kept_list_in_the_app_is_a_notification(make_app, article_factory, wait):
    path = state_dir() / "state.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pages": {"pages/cloud.txt": {"block": 0, "kept": [CAPTION, 3]}}}), encoding="utf-8")
    app = make_app(page(article_factory))
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot)
        assert CAPTION not in [b.text for b in app.entries[0].article.blocks]
        assert sum("kept" in n.message for n in app._notifications) == 1
        await keep_caption(app, pilot, wait)  # and keeping works again, replacing the bad list
        await pilot.press("q")
    assert saved_pages()["pages/cloud.txt"]["kept"] == [CAPTION]


def test_kept_lists_are_bounded(xdg_dirs: Path):
    state = State.load()
    for i in range(MAX_KEPT_PER_PAGE):
        assert state.add_kept("a.html", f"块{i}") is None
    assert "session only" in state.add_kept("a.html", "one more")
    assert state.add_kept("a.html", "块0") is None  # already kept: fine
    assert state.add_kept("<stdin>", "块") is not None and state.kept("<stdin>") == ()
    assert state.drop_kept("a.html", "块3") and not state.drop_kept("a.html", "块3")
    assert len(state.kept("a.html")) == MAX_KEPT_PER_PAGE - 1
    # the total over all pages is bounded too, on loading as when keeping
    pages = {f"p{i}.html": {"block": 0, "kept": [f"k{j}" for j in range(MAX_KEPT_PER_PAGE)]}
             for i in range(MAX_KEPT_TOTAL // MAX_KEPT_PER_PAGE + 1)}
    path = state_dir() / "state.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    big = State.load()
    assert sum(len(p.kept) for p in big.pages.values()) == MAX_KEPT_TOTAL
    assert len(big.problems) == 1
    assert "session only" in big.add_kept("new.html", "块")


def test_two_instances_merge_kept_blocks_per_page(xdg_dirs: Path):
    one, two = State.load(), State.load()
    one.add_kept("a.html", "甲")
    two.add_kept("b.html", "乙")
    assert one.save() is None and two.save() is None
    merged = State.load()
    assert merged.kept("a.html") == ("甲",) and merged.kept("b.html") == ("乙",)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(json_values, st.lists(st.text(max_size=MAX_KEPT_CHARS + 5), max_size=MAX_KEPT_PER_PAGE + 3)))
def test_any_kept_value_loads_bounded_or_is_reported(value):
    problems: list[str] = []
    page_state = PageState.from_json({"block": 1, "kept": value}, problems)
    assert page_state.block == 1
    assert len(page_state.kept) <= MAX_KEPT_PER_PAGE and len(problems) <= 1
    assert all(k and k == kept_key(k) and len(k) <= MAX_KEPT_CHARS for k in page_state.kept)
    assert len(set(page_state.kept)) == len(page_state.kept)
    if isinstance(value, list) and not problems:
        assert page_state.kept == tuple(dict.fromkeys(kept_key(v) for v in value))
    else:
        assert problems and page_state.kept == ()  # reported and dropped, the place stays
    assert PageState.from_json(page_state.to_json()).kept == page_state.kept  # round trip
