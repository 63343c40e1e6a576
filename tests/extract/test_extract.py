"""extract(): Page -> Article, end to end, for text dumps and HTML."""
from __future__ import annotations


import pytest

from reader.pipeline import with_script
from hypothesis import HealthCheck, given, settings, strategies as st

from reader.extract import ExtractError, candidates_for, extract
from reader.extract.candidate import normalize
from reader.model import Article, BlockKind, Page, Script

TITLE = "储能产业迎来快速增长"
P1 = "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策，推动一批重点项目加快落地，行业整体规模持续扩大，产业链上下游企业普遍受益。"
P2 = "业内人士表示，储能技术的持续进步显著降低了系统成本，使得更多企业愿意投资建设储能电站，市场竞争也随之明显加剧，价格战时有发生。"
P3 = "专家认为，未来几年储能将成为新型电力系统的重要组成部分，但行业仍需解决安全标准、商业模式和电价机制等一系列问题，才能实现健康发展。"
P4 = "据统计，今年前两个月全国新增储能装机容量同比增长超过一倍，其中锂电池储能占比最高，压缩空气和液流电池等技术路线也在加快示范应用。"
BODY = [P1, P2, P3, P4]
HEADLINES = ["某地发生交通事故致三人受伤", "明星婚礼现场曝光引发热议", "新款手机发布会今日举行"]


def text_page(*lines: str, name: str = "a.txt") -> Page:
    return Page(name, "\n\n".join(lines), "text", "utf-8")


def html_page(body: str, title: str = f"{TITLE}_财经频道_某某网") -> Page:
    return Page("a.html", f"<html><head><title>{title}</title></head><body>{body}</body></html>", "html", "utf-8")


def texts(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


def removed(article: Article) -> dict[str, tuple[str, int]]:
    return {r.text: (r.reason, r.index) for r in article.removed}


def assert_nothing_silently_dropped(page: Page, article: Article) -> None:
    """Every input line is in a block, in removed, or is the title."""
    shown = [article.title] + [b.text for b in article.blocks] + [r.text for r in article.removed]
    shown_keys = [normalize(s) for s in shown]
    for line in page.text.splitlines():
        key = normalize(line)
        if key:
            assert any(key in s for s in shown_keys), line


# -- the Article ---------------------------------------------------------------


def test_text_dump_article_fields() -> None:
    page = text_page(TITLE, "来源：新华社", *BODY, name="news/a.txt")
    a = extract(page)
    assert a.title == TITLE and not a.title_derived
    assert texts(a) == BODY and all(b.kind is BlockKind.PARAGRAPH for b in a.blocks)
    assert a.source == "新华社"
    assert (a.name, a.page_kind, a.raw_text) == ("news/a.txt", "text", page.text)
    assert a.script is None  # detection is the transform stage's job, run only when needed
    assert with_script(a).script.script is Script.SIMPLIFIED


def test_traditional_page_is_detected() -> None:
    a = extract(text_page("儲能產業迎來快速增長", "新型儲能產業在今年迎來快速增長，多個省份相繼出臺支持政策，推動一批重點項目加快落地，行業整體規模持續擴大。"))
    assert with_script(a).script.script is Script.TRADITIONAL


@pytest.mark.parametrize("dump", ["", "\n\n  \n", "猜你喜欢\n\n相关阅读", "首页\n新闻\n财经\n体育", "![](a.png)"])
def test_page_without_article_text_raises(dump: str) -> None:
    with pytest.raises(ExtractError):
        extract(Page("x", dump, "text", "utf-8"))


def test_candidates_for_dispatches_on_page_kind() -> None:
    cands, meta, hint, pruned = candidates_for(text_page(TITLE, P1))
    assert [c.tag for c in cands] == ["line", "line"] and hint is None and pruned == []
    cands, _, hint, _ = candidates_for(html_page(f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></article>"))
    assert hint == TITLE and cands[0].tag == "head"


# -- removal reasons and positions ------------------------------------------------


def test_trailing_related_heading_takes_everything_after_it() -> None:
    a = extract(text_page(TITLE, *BODY, "猜你喜欢", *HEADLINES))
    assert texts(a) == BODY
    assert [(r.reason, r.index) for r in a.removed] == [("related-links: 猜你喜欢", 4)] * 4


def test_removed_index_points_at_where_the_block_stood() -> None:
    a = extract(text_page(TITLE, "张小明", P1, "相关阅读", HEADLINES[0], P2, "分享到：微信 微博", P3, P4, "责任编辑：刘洋"))
    assert texts(a) == BODY
    assert removed(a) == {
        "张小明": ("meta: byline", 0),
        "相关阅读": ("related-links: 相关阅读", 1),
        HEADLINES[0]: ("related-links: 相关阅读", 1),
        "分享到：微信 微博": ("share-prompt", 2),
        "责任编辑：刘洋": ("meta: 责任编辑", 4),
    }
    assert a.author == "张小明"


def test_related_box_after_the_first_of_three_paragraphs_takes_only_its_headlines() -> None:
    a = extract(text_page(TITLE, P1, "相关阅读", HEADLINES[0], P2, P3))
    assert texts(a) == [P1, P2, P3]


def test_title_is_neither_a_block_nor_removed() -> None:
    a = extract(text_page(TITLE, *BODY))
    assert a.title == TITLE
    assert TITLE not in texts(a) and TITLE not in removed(a)


def test_derived_title_for_a_page_without_a_headline() -> None:
    a = extract(text_page(*BODY))
    assert a.title_derived and a.title.startswith("新型储能产业在今年迎来快速增长")
    assert texts(a) == BODY


def test_dateline_goes_to_date_and_author() -> None:
    a = extract(text_page(TITLE, "2025-03-17 17:30 中央社 記者王小明／台北報導", *BODY))
    assert (a.date, a.author) == ("2025-03-17 17:30", "王小明")
    assert removed(a)["2025-03-17 17:30 中央社 記者王小明／台北報導"] == ("meta: dateline", 0)


def test_duplicate_summary() -> None:
    a = extract(text_page(TITLE, "摘要：" + P1, *BODY))
    assert removed(a) == {"摘要：" + P1: ("duplicate-summary: 摘要", 0)}
    summary = "摘要：本文介绍了储能产业的最新进展以及未来的发展方向。"
    assert texts(extract(text_page(TITLE, summary, *BODY)))[0] == summary


def test_references_after_the_end_mark_are_kept() -> None:
    refs = ["[1] 张三，《储能技术发展报告》，2024", "[2] 李四，《电力系统研究》，2023"]
    a = extract(text_page(TITLE, *BODY, "全文完", *refs))
    assert [(b.kind, b.text) for b in a.blocks[-2:]] == [(BlockKind.REFERENCE, r) for r in refs]
    assert removed(a) == {"全文完": ("end-marker", 4)}


def test_menu_and_headline_runs() -> None:
    menu = ["首页", "新闻", "财经", "体育"]
    a = extract(text_page(*menu, TITLE, *BODY, *HEADLINES))
    assert texts(a) == BODY and a.title == TITLE
    assert {r.reason for r in a.removed} == {"navigation: menu", "headline-list"}
    assert all(r.index == 0 for r in a.removed if r.reason == "navigation: menu")
    assert all(r.index == 4 for r in a.removed if r.reason == "headline-list")


def test_repeated_punctuated_caption_is_kept() -> None:
    caption = "图为储能电站施工现场，新华社记者摄。"
    a = extract(text_page(TITLE, P1, "![](a.png)", caption, P2, "![](b.png)", caption, P3))
    assert texts(a) == [P1, caption, P2, caption, P3]
    assert [(r.text, r.reason, r.index) for r in a.removed] == [
        ("![](a.png)", "image-placeholder", 1),
        ("![](b.png)", "image-placeholder", 3),
    ]


def test_unpunctuated_poem_is_an_article() -> None:
    poem = ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]
    assert texts(extract(text_page("静夜思 唐代李白", *poem))) == poem


# -- artifacts in kept text -------------------------------------------------------


def test_link_marks_are_removed_when_the_page_has_no_corner_quotes() -> None:
    a = extract(text_page(TITLE, "『谷歌』和『微软』" + P1, P2))
    assert texts(a)[0] == "谷歌和微软" + P1


def test_link_marks_stay_when_the_page_uses_corner_quotes() -> None:
    a = extract(text_page(TITLE, "『谷歌』和『微软』" + P1, "他说「储能很重要」。" + P2))
    assert texts(a)[0] == "『谷歌』和『微软』" + P1


def test_inline_tags_zero_width_and_end_mark_are_cleaned() -> None:
    a = extract(text_page(TITLE, P1, "业内人士\u200b表示，<strong>储能技术</strong>的持续进步显著降低了系统成本，使得更多企业愿意投资建设储能电站。（完）"))
    assert texts(a)[1] == "业内人士表示，储能技术的持续进步显著降低了系统成本，使得更多企业愿意投资建设储能电站。"


def test_removed_text_is_shown_as_it_was() -> None:
    a = extract(text_page(TITLE, P1, "![](https://img/a.png)", P2, P3))
    assert removed(a) == {"![](https://img/a.png)": ("image-placeholder", 1)}


# -- nothing silently dropped ----------------------------------------------------


def test_every_input_line_is_accounted_for() -> None:
    page = text_page(
        "首页", "新闻", "财经", TITLE, "张小明", "2025-03-17 17:30 新华社", P1, "相关阅读", HEADLINES[0],
        P2, "图为储能电站", P3, "分享到：微信 微博", P4, "全文完", "[1] 张三，《储能技术发展报告》，2024",
        "猜你喜欢", *HEADLINES,
    )
    assert_nothing_silently_dropped(page, extract(page))


_LINES = st.sampled_from(
    [TITLE, P1, P2, P3, P4, *HEADLINES, "猜你喜欢", "相关阅读", "网友评论", "全文完", "--THE END--", "（完）",
     "特别声明：以上内容仅代表作者本人观点，不代表平台立场。", "声明：我们将在下月公布详细的项目计划。",
     "来源：新华社", "责任编辑：刘洋", "IP属地：北京", "张小明", "2025-03-17 17:30 中央社 記者王小明／台北報導",
     "首页", "新闻", "财经", "当前位置：首页 > 新闻", "![](a.png)", "图为储能电站", "分享到：微信 微博",
     "[1] 张三，《储能技术发展报告》，2024", "摘要：" + P1, "一、发展现状", "- 列表项内容", "> 引用一句话。",
     "人工智能领域的竞争日益激烈，各大公司都在加大投入，说到底AI竞争", "不是单一技术的竞争，而是生态的竞争。",
     "# " + TITLE, "## Thursday, July 28, 2011", "石佳/中国青年报", "© 本文版权归 王五 所有，任何形式转载请联系作者。",
     "由内容质量、互动评论、分享传播等多维度分值决定，勋章级别越高，代表其在平台内的综合表现越好。", "功能介紹",
     "![](a.png) __", "Title: " + TITLE]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, min_size=1, max_size=14))
def test_no_line_is_silently_dropped(lines: list[str]) -> None:
    page = text_page(*lines)
    try:
        article = extract(page)
    except ExtractError:
        return
    assert_nothing_silently_dropped(page, article)
    assert all(0 <= r.index <= len(article.blocks) for r in article.removed)
    assert all(b.text.strip() == b.text and b.text for b in article.blocks)


_CHARS = st.sampled_from(list("储能产业增长，。：；！？、「」『』（）《》—…#->*[]()!丨|/完ENDaz09 \u3000\u200b\t") + ["\n", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_CHARS, max_size=160).map("".join), st.lists(_LINES, max_size=6).map("\n".join)))
def test_extract_on_arbitrary_text_raises_only_extract_error(dump: str) -> None:
    try:
        article = extract(Page("x", dump, "text", "utf-8"))
    except ExtractError:
        return
    assert article.blocks and all(b.text for b in article.blocks)
    assert all(0 <= r.index <= len(article.blocks) for r in article.removed)


# -- HTML end to end ---------------------------------------------------------------


def test_html_article_with_furniture() -> None:
    body = (
        f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></article>"
        "<div class='detail-content__recommend--wrapper'><a href='/1'>某地发生交通事故致三人受伤</a></div>"
        "<div id='comments'><p>网友甲：写得好，支持一下。</p></div><div class='share-bar'>分享到 微信 微博</div>"
    )
    a = extract(html_page(body))
    assert a.title == TITLE and a.page_kind == "html"
    assert texts(a) == BODY
    assert [(r.reason, r.index) for r in a.removed] == [
        ("outside-article: page-title", 0),  # the <title>'s "_财经频道_某某网" is the page's, not the headline's
        ("title-repeat", 0),
        ("furniture: recommend", 4),
        ("furniture: comments", 4),
        ("furniture: share", 4),
    ]


def test_html_code_block_keeps_its_lines() -> None:
    code = "def f(x):\n    return x + 1\n\nprint(f(2))"
    a = extract(html_page(f"<article><h1>{TITLE}</h1><p>{P1}</p><pre><code>{code}</code></pre><p>{P2}</p></article>"))
    assert [(b.kind, b.text) for b in a.blocks] == [(BlockKind.PARAGRAPH, P1), (BlockKind.CODE, code), (BlockKind.PARAGRAPH, P2)]


def test_html_strong_tags_and_comments_leave_clean_text() -> None:
    para = "<p><!--k-->谷歌<!--/k-->在2014年<strong>收购</strong>了一家储能公司，此后持续加大投入，并在多个国家建设了大型储能电站项目。</p>"
    a = extract(html_page(f"<article><h1>{TITLE}</h1><p>{P1}</p>{para}<p>{P2}</p></article>"))
    assert "谷歌在2014年收购了一家储能公司，此后持续加大投入，并在多个国家建设了大型储能电站项目。" in texts(a)


def test_pruned_furniture_index_is_where_it_stood() -> None:
    body = (
        f"<article><h1>{TITLE}</h1><p>{P1}</p>"
        "<div class='recommend'><a href='/1'>某地发生交通事故致三人受伤</a></div>"
        f"<p>{P2}</p><p>{P3}</p><p>{P4}</p></article>"
    )
    a = extract(html_page(body))
    assert removed(a)["某地发生交通事故致三人受伤"] == ("furniture: recommend", 1)


@pytest.mark.parametrize("html", ["", "<html></html>", "not html at all", "<html><body><script>x()</script></body></html>"])
def test_html_without_article_text_raises(html: str) -> None:
    with pytest.raises(ExtractError):
        extract(Page("x.html", html, "html", "utf-8"))


def test_editor_tag_closing_the_last_paragraph_goes_to_metadata() -> None:
    last = BODY[-1] + "（編輯：蘇龍麒）1120221"
    a = extract(text_page(TITLE, *BODY[:-1], last))
    assert texts(a)[-1] == BODY[-1]
    assert a.editor == "蘇龍麒"
    assert [(r.text, r.reason) for r in a.removed] == [("（編輯：蘇龍麒）1120221", "meta: editor")]


def test_editor_words_inside_a_paragraph_stay() -> None:
    middle = "他说（编辑：这是引用的原话）后面还有很多内容没有说完，记者随后继续追问了相关细节和背景情况"
    a = extract(text_page(TITLE, *BODY, middle + "。"))
    assert texts(a)[-1] == middle + "。"


def test_a_picture_under_lines_of_one_width_is_not_joined_to_them() -> None:
    # (found by hypothesis) five equal lines look like a text browser's wrapped
    # paragraph; the picture's mark under them is a line of its own, listed, not a
    # piece of that paragraph stripped from it unseen
    page = text_page(*[BODY[0]] * 5, "![](a.png)")
    article = extract(page)
    assert_nothing_silently_dropped(page, article)
    assert removed(article)["![](a.png)"][0] == "image-placeholder"
