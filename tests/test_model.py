"""The data model: frozen pages and articles, block kinds, derived text."""
from __future__ import annotations

import dataclasses
import json

import pytest

from reader.model import Article, Block, BlockKind, Page, Removed, Script, ScriptInfo


def test_article_body_text_joins_blocks_in_order():
    a = Article("标题", (Block(BlockKind.PARAGRAPH, "第一段。"), Block(BlockKind.LIST_ITEM, "一项"), Block(BlockKind.PARAGRAPH, "末段。")))
    assert a.body_text == "第一段。\n一项\n末段。"
    assert Article("空", ()).body_text == ""


def test_article_defaults():
    a = Article("标题", (Block(BlockKind.PARAGRAPH, "正文。"),))
    assert a.removed == () and a.title_derived is False
    assert a.author is a.date is a.site is a.source is a.script is None
    assert a.page_kind == "text" and a.name == "" and a.raw_text == ""


def test_with_changes_returns_a_new_article():
    a = Article("标题", (Block(BlockKind.PARAGRAPH, "正文。"),), author="甲")
    b = a.with_changes(title="新标题", author=None)
    assert (b.title, b.author) == ("新标题", None)
    assert (a.title, a.author) == ("标题", "甲")
    assert b.blocks is a.blocks
    with pytest.raises(TypeError):
        a.with_changes(no_such_field=1)


@pytest.mark.parametrize(
    "obj, attr",
    [
        (Page("a.html", "<p>x</p>", "html", "utf-8"), "text"),
        (Article("标题", ()), "title"),
        (Block(BlockKind.PARAGRAPH, "x"), "text"),
        (Removed("x", "tail", 0), "reason"),
        (ScriptInfo(Script.TRADITIONAL, 0.9), "confidence"),
    ],
)
def test_everything_is_frozen(obj, attr):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, attr, "changed")


def test_enums_are_strings_for_serialising():
    assert json.dumps([BlockKind.LIST_ITEM, Script.MIXED]) == '["list_item", "mixed"]'
    assert {"heading", "paragraph", "list_item", "quote", "caption", "reference"} <= {k.value for k in BlockKind}
    assert all(k.value == k.name.lower() for k in BlockKind)
    assert {s.value for s in Script} == {"simplified", "traditional", "mixed", "unknown"}


def test_raw_text_is_not_in_repr():
    a = Article("标题", (), raw_text="<html>很长的原始页面</html>")
    assert "很长的原始页面" not in repr(a)


def test_blocks_and_removed_are_hashable_values():
    assert Block(BlockKind.PARAGRAPH, "x") == Block(BlockKind.PARAGRAPH, "x")
    assert len({Removed("x", "tail", 1), Removed("x", "tail", 1)}) == 1
