"""Snapshot tests (pytest-textual-snapshot): library, reader in both scripts,
side by side (as written | other script, raw | cleaned), removed blocks shown, help,
the keep-a-block prompt; at 80×24 (the footer must show ? Help and q Quit), 100×30 and
160×45.

Deterministic: hand-made articles (no extraction), a fixed theme, XDG dirs in a temp
dir (conftest), no clock, and every worker finished before the screenshot.
Regenerate with: pytest tests/app/test_snapshots.py --snapshot-update
"""
from __future__ import annotations

import pytest

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((100, 30), id="100x30"), pytest.param((160, 45), id="160x45")]


async def _settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _keys(*keys: str):
    async def run_before(pilot) -> None:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare, make_app, article, traditional_article, article_factory, size):
    long_title = article_factory(title="一个非常非常长的标题,用来检查宽字符在表格里按单元格截断是否正确,不会撑破列宽" * 2, name="pages/long.txt")
    app = make_app(article, traditional_article, long_title, open_index=None)
    assert snap_compare(app, terminal_size=size, run_before=_keys())


@pytest.mark.parametrize("size", SIZES)
def test_reader_original(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_keys())


@pytest.mark.parametrize("size", SIZES)
def test_reader_traditional(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_keys("t"))


@pytest.mark.parametrize("size", SIZES)
def test_side_by_side(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_keys("t", "s"))


@pytest.mark.parametrize("size", SIZES)
def test_removed_blocks_shown(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_keys("r"))


@pytest.mark.parametrize("size", SIZES)
def test_side_by_side_raw(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_keys("s"))  # no conversion: raw | cleaned


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24")])
def test_help(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_keys("question_mark"))


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24")])
def test_keep_block_prompt(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=_keys("r", "R", "plus"))
