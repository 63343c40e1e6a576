"""Renderers: Article -> text / markdown / JSON / JSONL, and the --show-removed report."""
from __future__ import annotations

import json

import pytest

from reader import render
from reader.model import Article, Block, BlockKind, Removed, Script, ScriptInfo

P1 = "近日，某市发布了新的城市更新计划，涉及老旧小区改造、公共空间提升等多个方面。"
P2 = "市住建局负责人表示，计划将分三年实施，优先解决居民反映最集中的问题。"


def article(**changes) -> Article:
    base = Article(
        title="某市发布城市更新计划",
        blocks=(
            Block(BlockKind.PARAGRAPH, P1),
            Block(BlockKind.HEADING, "主要内容"),
            Block(BlockKind.LIST_ITEM, "老旧小区改造"),
            Block(BlockKind.LIST_ITEM, "公共空间提升"),
            Block(BlockKind.QUOTE, "让居民住得更舒心。"),
            Block(BlockKind.CAPTION, "图为改造后的小区"),
            Block(BlockKind.PARAGRAPH, P2),
        ),
        removed=(
            Removed("相关阅读", "related-links: 相关阅读", 7),
            Removed("责任编辑：王某", "meta: 责任编辑", 7),
        ),
        author="李某",
        date="2024-03-18",
        site="example.com",
        source="某市日报",
        script=ScriptInfo(Script.SIMPLIFIED, 0.97),
        name="pages/a.html",
        page_kind="html",
    )
    return base.with_changes(**changes) if changes else base


# --- text ---------------------------------------------------------------------------


def test_text_shape_title_blank_then_paragraphs_separated_by_blank_lines():
    out = render.to_text(article())
    lines = out.split("\n")
    assert lines[0] == "某市发布城市更新计划"
    assert lines[1] == ""
    assert lines[2] == P1
    body = out.split("\n\n")
    assert body == [
        "某市发布城市更新计划",
        P1,
        "主要内容",
        "• 老旧小区改造",
        "• 公共空间提升",
        "让居民住得更舒心。",
        "图为改造后的小区",
        P2 + "\n",
    ]
    assert out.endswith(P2 + "\n") and not out.endswith("\n\n")


def test_text_without_title_starts_with_the_article():
    out = render.to_text(article(title=""))
    assert out.startswith(P1 + "\n\n")


def test_text_wrapper_and_marker_are_applied_per_line():
    wrap = lambda text: [text[:10], text[10:]] if len(text) > 10 else [text]  # noqa: E731
    out = render.to_text(article(blocks=(Block(BlockKind.PARAGRAPH, P1),)), wrap=wrap, mark=lambda s: f"<{s}>")
    assert out.split("\n") == ["<某市发布城市更新计划>", "", f"<{P1[:10]}>", f"<{P1[10:]}>", ""]


# --- markdown -----------------------------------------------------------------------


def test_markdown_structure():
    out = render.to_markdown(article())
    assert out.startswith("# 某市发布城市更新计划\n\n*李某 · 2024-03-18 · 某市日报*\n\n")
    assert f"\n{P1}\n\n## 主要内容\n\n" in out
    # list items of one list stay together, without blank lines between them
    assert "\n- 老旧小区改造\n- 公共空间提升\n\n" in out
    assert "\n> 让居民住得更舒心。\n" in out
    assert "\n*图为改造后的小区*\n" in out
    assert out.endswith(P2 + "\n")


def test_markdown_meta_line_falls_back_to_site_and_is_omitted_when_empty():
    out = render.to_markdown(article(source=None))
    assert "*李某 · 2024-03-18 · example.com*" in out
    bare = render.to_markdown(article(author=None, date=None, site=None, source=None))
    assert bare.startswith("# 某市发布城市更新计划\n\n" + P1)


@pytest.mark.parametrize("text", ["# 不是标题", "> 不是引用", "- 不是列表", "+ 不是列表", "* 不是列表", "1. 不是列表"])
def test_markdown_escapes_paragraphs_that_would_change_structure(text):
    out = render.to_markdown(article(title="", author=None, date=None, site=None, source=None,
                                      blocks=(Block(BlockKind.PARAGRAPH, text),)))
    assert out == "\\" + text + "\n" or out.startswith(text[0] + "\\")


# A backslash before a digit is shown literally by CommonMark ('\2024年…'): only list
# starts like '1. ' need escaping.
@pytest.mark.parametrize("text", ["2024年12月，某地举行发布会。", "3.5亿元资金已经到位。"], ids=["year", "decimal"])
def test_markdown_leaves_paragraphs_starting_with_numbers_alone(text):
    out = render.to_markdown(article(title="", author=None, date=None, site=None, source=None,
                                      blocks=(Block(BlockKind.PARAGRAPH, text),)))
    assert out == text + "\n"


# --- JSON ---------------------------------------------------------------------------


def test_json_object_structure():
    data = json.loads(render.to_json([article()], as_list=False))
    assert isinstance(data, dict)
    for key in ("title", "author", "date", "site", "source", "script", "blocks", "removed"):
        assert key in data
    assert data["title"] == "某市发布城市更新计划"
    assert (data["author"], data["date"], data["site"], data["source"]) == ("李某", "2024-03-18", "example.com", "某市日报")
    assert data["script"] == "simplified"
    assert data["blocks"][0] == {"kind": "paragraph", "text": P1, "source": None}
    assert [b["kind"] for b in data["blocks"]] == [
        "paragraph", "heading", "list_item", "list_item", "quote", "caption", "paragraph"
    ]
    assert all(set(b) == {"kind", "text", "source"} for b in data["blocks"])
    assert data["removed"][0]["text"] == "相关阅读"
    assert data["removed"][0]["reason"] == "related-links: 相关阅读"
    assert all({"text", "reason"} <= set(r) for r in data["removed"])


def test_json_is_readable_utf8_not_escaped():
    out = render.to_json([article()], as_list=False)
    assert "某市发布城市更新计划" in out and "\\u" not in out


def test_json_list_for_several():
    data = json.loads(render.to_json([article(), article(title="第二篇", name="b.txt")], as_list=True))
    assert isinstance(data, list) and [d["title"] for d in data] == ["某市发布城市更新计划", "第二篇"]
    one = json.loads(render.to_json([article()], as_list=True))
    assert isinstance(one, list) and len(one) == 1


def test_json_nulls_for_missing_metadata():
    data = render.to_dict(article(author=None, script=None, removed=()))
    assert data["author"] is None and data["script"] is None and data["removed"] == []


def test_jsonl_is_one_line_per_article():
    out = render.to_jsonl(article(blocks=(Block(BlockKind.PARAGRAPH, P1 + "\n" + P2),)))
    assert out.endswith("\n") and out.count("\n") == 1
    assert json.loads(out)["blocks"][0]["text"] == P1 + "\n" + P2


# --- removed report and headers -----------------------------------------------------


def test_removed_report_lists_reasons():
    long = "很长的免责声明" * 30
    out = render.removed_report(article(removed=(
        Removed("相关阅读", "related-links: 相关阅读", 7),
        Removed("第一行\n第二行", "tail", 7),
        Removed(long, "disclaimer", 7),
    )))
    lines = out.splitlines()
    assert lines[0] == "--- removed from pages/a.html (3 blocks)"
    assert lines[1] == "[related-links: 相关阅读] 相关阅读"
    assert lines[2] == "[tail] 第一行 第二行"
    assert lines[3].startswith("[disclaimer] 很长") and lines[3].endswith("…") and len(lines[3]) < len(long)
    assert len(lines) == 4


def test_headers_between_several_articles():
    first = render.header(article(), "text", first=True)
    later = render.header(article(), "text", first=False)
    assert first == "==> pages/a.html <==\n\n"
    assert later == "\n==> pages/a.html <==\n\n"
    assert render.header(article(), "markdown", first=True) == "<!-- pages/a.html -->\n\n"
    assert render.header(article(), "markdown", first=False).startswith("\n---\n\n<!-- pages/a.html -->")


def test_formats_list():
    assert set(render.FORMATS) == {"text", "markdown", "json", "jsonl"}


def test_numbered_list_items_keep_their_numbers_without_a_bullet() -> None:
    article = Article(title="T", blocks=(Block(BlockKind.LIST_ITEM, "1. 第一问？"), Block(BlockKind.LIST_ITEM, "要点")))
    assert render.to_text(article, title=False) == "1. 第一问？\n\n• 要点\n"
    assert render.to_markdown(article, title=False) == "1. 第一问？\n- 要点\n"
