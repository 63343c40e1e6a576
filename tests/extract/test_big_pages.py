"""Pages far larger than any article page (issue 11, class 8): read as a stream of
tags, not handed to trafilatura, and still cleaned: the article kept in order, the
furniture accounted for.  Timing and memory are measured by benchmarks/big_html.py;
here only that it finishes and what it keeps."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader
from reader.extract.html import _too_big
from reader.extract.inventory import html_lines, stream_lines
from reader.extract.parse import parse
from reader.extract.settings import SETTINGS as S

TITLE = "某市发布全年城市更新数据汇编"
LEAD = "本报讯，市统计局今天发布全年城市更新数据汇编，涵盖住房、交通、管网和公共服务四个方面，以下为全文。"
END = "以上数据由市统计局汇总发布，如需引用，请注明出处，并以正式出版物为准。"


def _paragraph(i: int) -> str:
    return (f"第{i}条：本市第{i}片区完成老旧管网改造，新增停车位{i % 97}个，"
            f"惠及居民{i * 3}户，改造资金按计划足额拨付到位。")


@pytest.fixture(scope="module")
def big_page() -> bytes:
    """About 8 MB: a menu, the article (numbered paragraphs around a data table), a
    related-links list and a footer.  Built once for the module."""
    paras = "".join(f"<p>{_paragraph(i)}<a href='/d/{i}.html'>详情</a>。</p>\n" for i in range(30000))
    rows = "".join(f"<tr><td>片区{i}</td><td>{i * 7}</td><td>已完成</td></tr>\n" for i in range(20000))
    links = "".join(f"<li><a href='/news/{i}.html'>另一篇新闻的标题第{i}篇</a></li>" for i in range(20000))
    nav = "<nav><a href='/'>首页</a><a href='/news'>新闻</a><a href='/data'>数据</a></nav>"
    html = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><meta name='author' content='张三'>"
        f"<title>{TITLE}_城市频道_某某网</title><script>var x = '<p>不是正文</p>';</script></head>"
        f"<body>{nav}<div class='main'><h1>{TITLE}</h1><p>发布时间：2024-05-06 10:00</p><p>{LEAD}</p>"
        f"{paras}<table>{rows}</table><p>{END}</p></div>"
        f"<div class='side'><h3>相关阅读</h3><ul>{links}</ul></div><footer>版权所有 某某网</footer></body></html>"
    )
    data = html.encode("utf-8")
    assert len(data) > 7 * 1024 * 1024
    return data


@pytest.fixture(scope="module")
def article(big_page: bytes) -> reader.Article:
    return reader.clean(big_page)


def test_a_big_page_takes_the_stream_path(big_page: bytes) -> None:
    assert _too_big(big_page.decode("utf-8"))


def test_a_big_page_keeps_its_article_in_order(article: reader.Article) -> None:
    assert article.title == TITLE
    body = article.body_text
    for i in (0, 1, 12345, 29999):
        assert _paragraph(i)[:30] in body
    assert body.index(_paragraph(100)[:30]) < body.index(_paragraph(20000)[:30])
    assert LEAD[:30] in body and END[:30] in body
    assert article.author == "张三"
    assert "DOCTYPE" not in body


def test_a_table_row_is_one_block(article: reader.Article) -> None:
    # Kept or removed (the classifier takes a run of short rows for a headline list,
    # as it does on the normal path), each row is one block with its cells parted.
    texts = [b.text for b in article.blocks] + [r.text for r in article.removed]
    assert "片区19999 | 139993 | 已完成" in texts


def test_a_big_page_accounts_for_its_furniture(article: reader.Article) -> None:
    body = article.body_text
    assert "另一篇新闻的标题" not in body and "首页" not in body and "不是正文" not in body
    removed = " ".join(r.text for r in article.removed)
    assert "另一篇新闻的标题第19999篇" in removed and "首页" in removed and "版权所有" in removed
    # The link list is one entry, not twenty thousand.
    assert sum("另一篇新闻的标题" in r.text for r in article.removed) <= 2


def test_big_page_blocks_know_where_they_stood(article: reader.Article, big_page: bytes) -> None:
    raw = big_page.decode("utf-8")
    spans = [b.source for b in article.blocks if b.source]
    assert len(spans) > 0.9 * len(article.blocks)
    block = next(b for b in article.blocks if _paragraph(777)[:20] in b.text)
    assert block.source and _paragraph(777)[:20] in raw[block.source[0]:block.source[1]]


def test_real_pages_stay_on_the_normal_path() -> None:
    """The threshold is far above any real page (the largest seen: 1.3M characters,
    mostly scripts), and a page of scripts does not count its scripts."""
    assert not _too_big("<html><body>" + "<p>正文。</p>" * 1000 + "</body></html>")
    script = "<script>" + "var data = 1;" * (S.big_page_chars // 10) + "</script>"
    assert not _too_big(f"<html><head>{script}</head><body><p>正文，一段。</p></body></html>")


SMALL = (
    "<html><head><title>标题</title><style>p {color: red}</style></head><body>"
    "<div>第一段文字，有链接<a href='/x'>这里</a>和&amp;实体&#12290;</div><!-- 注释 <p>不算</p> -->"
    "<ul><li>一项</li><li>二项</li></ul><p>甲<br>乙</p><h2>小标题</h2><script>var a='<p>x</p>';</script>"
    "<p>最后一段。</p></body></html>"
)


def test_stream_lines_cut_the_page_as_the_tree_does() -> None:
    """Without tables, the stream's lines are the tree's lines."""
    streamed = stream_lines(SMALL)
    assert [line.text for line in streamed.lines] == [line.text for line in html_lines(parse(SMALL), SMALL)]
    assert streamed.tags[streamed.lines.index(next(x for x in streamed.lines if x.text == "小标题"))] == "h2"
    first = streamed.lines[1]
    assert first.text == "第一段文字，有链接这里和&实体。"
    assert streamed.link_chars[1] == 2
    assert first.span and SMALL[first.span[0]:first.span[1]].startswith("第一段文字")


def test_stream_lines_survive_broken_markup() -> None:
    for html in ("<p>没有结尾的段落，<a href='x'>链接", "<td>孤立的单元格</td></tr></table>", "<!-- 没有结尾的注释",
                 "<script>没有结尾的脚本", "<p>正常</p><title>第二个标题", "&#xFFFF;&bogus;<p>实体</p>"):
        lines = stream_lines(html).lines
        assert all(line.text.strip() for line in lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<td>", "</tr>", "<a href='x'>", "</a>", "<script>", "</SCRIPT>",
                                 "<!--", "-->", "<!DOCTYPE html>", "<nav>", "</nav>", "<title>", "</title>", "&amp;",
                                 "&#12290;", " ", "\n", "正文，", "一句。", "<br>", "<", ">", "<h2>", "</h2>"]),
                max_size=40))
def test_stream_lines_take_any_markup(parts: list[str]) -> None:
    raw = "".join(parts)
    streamed = stream_lines(raw)
    assert len(streamed.lines) == len(streamed.tags) == len(streamed.link_chars)
    for line, links in zip(streamed.lines, streamed.link_chars):
        assert line.text.strip() and line.text == " ".join(line.text.split())
        assert line.span is not None and 0 <= line.span[0] <= line.span[1] <= len(raw)
        assert 0 <= links
