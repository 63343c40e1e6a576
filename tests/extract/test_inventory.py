"""Nothing vanishes: every visible line of a page is kept, removed with a reason, or
metadata; every block knows where it stood in the raw text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract import extract
from reader.extract.candidate import normalize
from reader.extract.inventory import Ledger, Line, html_lines, text_lines
from reader.extract.parse import parse
from reader.model import Page

P1 = "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策，推动一批重点项目加快落地，行业整体规模持续扩大。"
P2 = "业内人士表示，储能技术的持续进步显著降低了系统成本，使得更多企业愿意投资建设储能电站，市场竞争随之加剧。"
P3 = "专家认为，未来几年储能将成为新型电力系统的重要组成部分，但行业仍需解决安全标准和电价机制等问题。"
TITLE = "储能产业迎来快速增长"


def html(body: str, title: str = TITLE) -> Page:
    return Page("t.html", f"<html><head><title>{title}</title></head><body>{body}</body></html>", "html", "utf-8")


def accounted(article) -> str:
    parts = [article.title, article.author or "", article.date or "", article.source or "", article.editor or ""]
    return normalize("".join(parts + [b.text for b in article.blocks] + [r.text for r in article.removed]))


def test_text_that_no_stage_reports_is_listed_as_outside_the_article() -> None:
    # trafilatura drops the form and the byline box; neither was ever in `removed` before
    page = html(f"<div class='byline'>作者：张三 2024-05-01</div><article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p>"
                f"<p>{P3}</p></article><form><label>订阅我们的通讯</label><button>提交申请表格</button></form>")
    a = extract(page)
    have = accounted(a)
    for piece in ("订阅我们的通讯", "提交申请表格", P1, P2, P3):
        assert normalize(piece) in have, piece
    outside = [r for r in a.removed if r.reason.startswith("outside-article")]
    assert outside and all(r.why.startswith("outside the article") and r.stage == "extractor" for r in outside)


def test_every_block_carries_its_raw_span() -> None:
    page = html(f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
                "<div class='share-bar'>分享到 微信 微博</div>")
    a = extract(page)
    for block in a.blocks:
        start, end = block.source
        assert normalize(block.text)[:10] in normalize(page.text[start:end])
    share = next(r for r in a.removed if "微信" in r.text)
    assert share.why == "share buttons" and share.stage == "dom"
    assert "分享到" in page.text[share.source[0]:share.source[1]]


def test_a_dumps_blocks_point_at_their_lines() -> None:
    text = f"{TITLE}\r\n\r\n{P1}\r\n{P2}\r\n相关阅读\r\n某地发生交通事故致三人受伤\r\n"
    a = extract(Page("t.txt", text, "text", "utf-8"))
    assert [text[s:e] for s, e in (b.source for b in a.blocks)] == [P1, P2]
    assert all(r.source and text[r.source[0]:r.source[1]] == r.text for r in a.removed)


def test_a_summary_quoting_the_first_paragraph_does_not_take_its_place() -> None:
    ledger = Ledger([Line("摘要：" + P1, (0, 10)), Line(P1, (10, 20))])
    ledger.find("摘要：" + P1)
    found = ledger.find(P1)
    assert found is not None and found.span(ledger) == (10, 20)
    assert ledger.unaccounted() == []


def test_the_page_title_is_listed_only_when_it_says_more_than_the_headline() -> None:
    body = f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></article>"
    assert not [r for r in extract(html(body)).removed if "page-title" in r.reason]
    listed = [r for r in extract(html(body, TITLE + "_财经_某某网")).removed if "page-title" in r.reason]
    assert [r.text for r in listed] == [TITLE + "_财经_某某网"]


def test_html_lines_split_at_blocks_and_find_their_raw_text() -> None:
    raw = f"<html><body><nav><a>首页</a> <a>新闻</a></nav><div>第一行<br>第二行<b>加粗</b></div></body></html>"
    lines = html_lines(parse(raw), raw)
    assert [(ln.text, ln.region) for ln in lines] == [("首页 新闻", "navigation"), ("第一行", ""), ("第二行加粗", "")]
    assert all(raw[s:e].startswith(ln.text[:2]) for ln in lines for s, e in [ln.span])


def test_text_lines_skip_blank_lines_and_keep_offsets() -> None:
    raw = "甲\n\n  乙 丙 \r\n丁"
    assert [(ln.text, raw[ln.span[0]:ln.span[1]].strip()) for ln in text_lines(raw)] == [
        ("甲", "甲"), ("乙 丙", "乙 丙"), ("丁", "丁")]


_WORDS = st.sampled_from(["首页", "新闻", "分享", P1[:30], P2[:40], "相关阅读", "2024-05-01", "作者：李四", "广告", P3])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "div", "li", "nav", "footer", "aside", "span"]), _WORDS), max_size=12))
def test_every_visible_line_is_accounted_for(parts: list[tuple[str, str]]) -> None:
    body = f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>" + "".join(
        f"<{tag}>{text}</{tag}>" for tag, text in parts)
    a = extract(html(body))
    have = accounted(a)
    for _, text in parts:
        assert normalize(text) in have
    assert all(0 <= r.index <= len(a.blocks) and r.why and r.stage for r in a.removed)


def test_a_related_heading_trafilatura_dropped_still_ends_the_article() -> None:
    teaser = "近日，某地一位社区民警在开展辖区核查工作时，一天拨打了一百个电话，随后手机号码被运营商停机。"
    body = (f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1[::-1]}</p>"
            f"<div class='extend'><h3>延伸 · 推荐</h3><a href='/x'>女警一天打100电话被停机</a><p>{teaser}</p></div></article>")
    a = extract(html(body))
    assert teaser not in [b.text for b in a.blocks]
    gone = next(r for r in a.removed if r.text == teaser)
    assert gone.reason.startswith("related-links") and gone.index == len(a.blocks)


def test_a_block_joined_from_two_pieces_does_not_account_for_what_stood_between() -> None:
    # (found by hypothesis) trafilatura joins two <span>s into one paragraph and leaves
    # out the <nav> item between them: that item is still listed, as outside the article
    parts = [("p", "首页"), ("span", P2[:40]), ("nav", "新闻"), ("span", P1[:30])]
    body = f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>" + "".join(
        f"<{tag}>{text}</{tag}>" for tag, text in parts)
    a = extract(html(body))
    assert any(r.text == "新闻" and r.reason.startswith("outside-article") for r in a.removed)
