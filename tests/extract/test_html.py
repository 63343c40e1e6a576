"""HTML pages -> candidates (trafilatura pass) and <title> cleaning."""
from __future__ import annotations

import pytest

from reader.extract.dom import parse
from reader.extract.html import clean_title, html_candidates
from reader.model import BlockKind

TITLE = "储能产业迎来快速增长"
P1 = "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策，推动一批重点项目加快落地，行业整体规模持续扩大，产业链上下游企业普遍受益。"
P2 = "业内人士表示，储能技术的持续进步显著降低了系统成本，使得更多企业愿意投资建设储能电站，市场竞争也随之明显加剧，价格战时有发生。"
P3 = "专家认为，未来几年储能将成为新型电力系统的重要组成部分，但行业仍需解决安全标准、商业模式和电价机制等一系列问题，才能实现健康发展。"


def page(body: str, title: str = f"{TITLE}_财经频道_某某网", head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


# -- clean_title ---------------------------------------------------------------------


def title_of(title: str, body: str = "") -> str | None:
    return clean_title(None, parse(page(body, title)))


@pytest.mark.parametrize(
    "raw",
    [
        f"{TITLE}_财经频道_某某网",
        f"{TITLE} - 某某网",
        f"{TITLE} | 某某网",
        f"{TITLE}｜某某网",
        f"{TITLE}-某某网",
        f"某某网 - {TITLE}",  # a too-short first segment is the site, not the headline
        f"  {TITLE}  ",
    ],
)
def test_clean_title_strips_site_and_channel(raw: str) -> None:
    assert title_of(raw) == TITLE


def test_clean_title_keeps_hyphenated_latin_words() -> None:
    assert title_of("iPhone 16发布-科技频道") == "iPhone 16发布"
    assert title_of("Wi-Fi 7 标准正式发布") == "Wi-Fi 7 标准正式发布"


def test_clean_title_prefers_an_h1_that_the_title_contains() -> None:
    assert title_of(f"某某网 | {TITLE}", f"<h1>{TITLE}</h1>") == TITLE
    # the h1 is the headline even when <title> adds a channel the separators cannot split
    assert title_of(f"财经{TITLE}某某网", f"<h1>{TITLE}</h1>") == TITLE


def test_clean_title_ignores_a_banner_h1_not_in_the_title() -> None:
    assert title_of(f"{TITLE}_财经频道_某某网", "<h1>某某网欢迎您的光临</h1>") == TITLE


def test_clean_title_strips_edit_marks_from_headings() -> None:
    assert title_of("维基百科 | 储能技术概述", "<h1>储能技术概述<span>[编辑]</span></h1>") == "储能技术概述"
    assert title_of("维基百科 | 儲能技術概述", "<h1>儲能技術概述[編輯]</h1>") == "儲能技術概述"


def test_clean_title_short_headline_in_title() -> None:
    assert title_of("长城 - 维基百科，自由的百科全书", "<h1>长城</h1>") == "长城"


def test_a_blog_s_name_before_its_post_title_is_the_site() -> None:
    # Blogger writes "Blog: Post" in <title> and sets the blog's name as an <h1> linking
    # home; the post's own title stands alone in an <h3>.
    body = ("<h1 class='title'><a href='http://notes.example.com/'>慢慢走，慢慢寫</a></h1>"
            f"<h3 class='post-title entry-title'>{TITLE}</h3><div class='post-body'>{P1}</div>")
    assert title_of(f"慢慢走，慢慢寫: {TITLE}", body) == TITLE
    # (a colon inside a Latin name splits nothing: "http://", "12:30")
    assert title_of("Re:Zero 第二季 12:30 开播") == "Re:Zero 第二季 12:30 开播"


def test_a_title_element_linking_home_is_the_site_s_name_not_the_headline() -> None:
    from reader.extract.dom import titled_above
    tree = parse(page("<div class='site-title'><a href='/'>慢慢走的部落格</a></div><div class='desc'>记录生活</div>"
                      f"<div class='post-title'>{TITLE}</div><div>{P1}</div>"))
    assert titled_above(tree, P1) == TITLE


def test_a_generic_title_gives_way_to_the_og_title_the_h1_prints() -> None:
    from reader.extract import extract
    from reader.model import Page
    head = f"<meta property='og:title' content='{TITLE}'>"
    body = (f"<div id='topdate'>2014年5月20日 星期二</div><div class='leftbox'><div class='lefttitle'>今日港聞</div></div>"
            f"<div id='content'><h1>{TITLE}</h1><div class='newsdate'>2014年5月20日</div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>")
    article = extract(Page("t.html", page(body, "某某新聞網 - 每日新聞 daily news", head), "html", "utf-8"))
    assert article.title == TITLE


def test_clean_title_without_a_tree_uses_the_given_title() -> None:
    assert clean_title(f"{TITLE}_财经频道_某某网", None) == TITLE
    assert clean_title(None, None) is None
    assert clean_title("", parse(page("<p>正文</p>", ""))) is None


# -- html_candidates -------------------------------------------------------------


def test_structure_becomes_block_kinds() -> None:
    body = (
        f"<article><h1>{TITLE}</h1><p>{P1}</p><h2>一、发展现状</h2>"
        "<ul><li>锂电池储能占比最高</li><li>液流电池加快示范</li></ul>"
        "<blockquote><p>储能是能源革命的关键支撑技术。</p></blockquote>"
        f"<p>{P2}</p><table><tr><td>省份</td><td>装机</td></tr><tr><td>山东</td><td>100</td></tr></table>"
        f"<p>{P3}</p></article>"
    )
    cands, _, title, pruned = html_candidates(page(body))
    assert title == TITLE and pruned == []
    assert [(c.kind, c.text) for c in cands] == [
        (BlockKind.HEADING, TITLE),
        (BlockKind.PARAGRAPH, P1),
        (BlockKind.HEADING, "一、发展现状"),
        (BlockKind.LIST_ITEM, "锂电池储能占比最高"),
        (BlockKind.LIST_ITEM, "液流电池加快示范"),
        (BlockKind.QUOTE, "储能是能源革命的关键支撑技术。"),
        (BlockKind.PARAGRAPH, P2),
        (BlockKind.PARAGRAPH, "省份 | 装机"),
        (BlockKind.PARAGRAPH, "山东 | 100"),
        (BlockKind.PARAGRAPH, P3),
    ]
    assert [c.heading_level for c in cands if c.kind is BlockKind.HEADING] == [1, 2]


def test_link_density_is_measured_in_characters() -> None:
    linked = "详见国家能源局发布的<a href='/x'>储能产业统计报告</a>，报告显示储能行业发展迅速，多项指标创下历史新高，引发市场广泛关注。"
    cands, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{linked}</p><p>{P2}</p></article>"))
    (para,) = [c for c in cands if c.text.startswith("详见")]
    assert para.link_density == pytest.approx(8 / para.length)
    assert all(c.link_density == 0 for c in cands if c is not para)


def test_html_comments_inside_a_paragraph_keep_the_text_after_them() -> None:
    para = "<p><!--k-->谷歌<!--/k-->在2014年收购了一家储能公司，此后持续加大投入，并在多个国家建设了大型储能电站项目。</p>"
    cands, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p>{para}<p>{P2}</p></article>"))
    assert "谷歌在2014年收购了一家储能公司，此后持续加大投入，并在多个国家建设了大型储能电站项目。" in [c.text for c in cands]


def test_code_blocks_keep_their_line_breaks() -> None:
    code = "def f(x):\n    return x + 1\n\nprint(f(2))"
    cands, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p><pre><code>{code}</code></pre><p>{P2}</p></article>"))
    (block,) = [c for c in cands if c.kind is BlockKind.CODE]
    assert block.text == code


def test_furniture_is_pruned_before_extraction() -> None:
    body = (
        f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
        "<div class='detail-content__recommend--wrapper'><a href='/1'>某地发生交通事故致三人受伤</a></div>"
        "<div id='comments'><p>网友甲：写得好，支持一下。</p></div>"
    )
    cands, _, _, pruned = html_candidates(page(body))
    assert [p.reason for p in pruned] == ["furniture: recommend", "furniture: comments"]
    assert not any("交通事故" in c.text or "网友甲" in c.text for c in cands)


def test_markup_metadata_date_and_site() -> None:
    head = "<meta property='article:published_time' content='2025-03-17T17:30:00+08:00'><meta property='og:site_name' content='某某网'>"
    _, meta, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></article>", head=head))
    assert meta.date == "2025-03-17" and meta.site == "某某网"


def test_latin_author_metadata() -> None:
    head = "<meta name='author' content='Zhang San'>"
    _, meta, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></article>", head=head))
    assert meta.author == "Zhang San"


def test_chinese_author_metadata() -> None:
    head = "<meta name='author' content='李四'>"
    _, meta, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></article>", head=head))
    assert meta.author == "李四"


def test_year_in_prose_is_not_the_page_date() -> None:
    para = "<p>谷歌在2014年收购了一家储能公司，此后持续加大投入，并在多个国家建设了大型储能电站项目。</p>"
    _, meta, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p>{para}<p>{P2}</p></article>"))
    assert meta.date is None


@pytest.mark.parametrize("html", ["", "<html></html>", "<p></p>", "   "])
def test_empty_pages_give_no_candidates(html: str) -> None:
    cands, _, _, pruned = html_candidates(html)
    assert cands == [] and pruned == []


def test_copyright_line_is_not_a_site_name():
    from reader.extract.html import _site_name

    assert _site_name("Copyright © 2018 Sohu.com Inc. All Rights Reserved.") is None
    assert _site_name("版权所有 某某网") is None
    assert _site_name("网易版权所有") is None
    assert _site_name("搜狐") == "搜狐"


def test_site_from_the_title_suffix_when_the_markup_names_none() -> None:
    _, meta, *_ = html_candidates(page(f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></article>",
                                       title=f"{TITLE}_科技_【腾讯网】"))
    assert meta.site == "腾讯网"


def test_date_stamp_under_the_headline_when_the_markup_states_none() -> None:
    from reader.extract.html import _date_under

    body = f"<h1>{TITLE}</h1><div class='info'><span>时间：2019年09月24日 17:08</span></div><article><p>{P1}</p></article>"
    assert _date_under(parse(page(body)), TITLE) == "2019-09-24 17:08"


def test_a_date_far_below_the_headline_is_not_the_page_date() -> None:
    from reader.extract.html import _date_under

    para = "<p>谷歌在2014年3月1日宣布收购了一家储能公司，此后持续加大投入，并在多个国家建设了储能电站。</p>"
    body = f"<h1>{TITLE}</h1><article><p>{P1}</p><p>{P2}</p>{para}</article>"
    assert _date_under(parse(page(body)), TITLE) is None


def test_headline_in_a_titled_div_when_the_title_names_the_site_only() -> None:
    headline = "徒手抓子弹真的存在吗？"
    body = (f"<div class='nav-title'>科普中国</div><div class='rumor-title'>{headline}</div>"
            f"<div class='content'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>")
    _, _, title, _ = html_candidates(page(body, title="科普中国-辟谣文章"))
    assert title == headline


def test_a_label_inside_the_h1_does_not_make_another_headline() -> None:
    body = f"<h1>{TITLE}<span>播报文章</span></h1><div class='title'>{TITLE}播报文章</div><article><p>{P1}</p><p>{P2}</p></article>"
    _, _, title, _ = html_candidates(page(body))
    assert title == TITLE


def test_no_paragraph_comes_out_more_often_than_the_page_shows_it() -> None:
    """trafilatura reads some layout tables twice (the cell, then its paragraphs):
    the extra copies are no block of the page; a paragraph the page repeats stays."""
    from reader.extract.candidate import Candidate
    from reader.extract.html import _as_often_as_shown
    from reader.extract.inventory import Line

    a, b = "第一段正文讲述了小镇的变化，道路修好了。", "第二段正文继续讲述，学校也扩建了。"
    read_twice = [Candidate(a), Candidate(b), Candidate(a), Candidate(b)]
    shown_once = [Line(a, None), Line("香港股市 將收市", None), Line(b, None)]
    assert [c.text for c in _as_often_as_shown(read_twice, shown_once)] == [a, b]
    shown_twice = [Line(a, None), Line(b, None), Line(a, None), Line(b, None)]
    assert [c.text for c in _as_often_as_shown(read_twice, shown_twice)] == [a, b, a, b]


def test_an_extraction_that_kept_only_a_tag_cloud_missed_the_article() -> None:
    """trafilatura keeps a line of tags beside a <br>-parted article: a small share of
    the page's prose, so the densest container is read instead.  An article written
    without punctuation (spaces for commas) is no tag cloud and stays trafilatura's."""
    from reader.extract.candidate import Candidate
    from reader.extract.html import _missed_the_prose
    from reader.extract.inventory import Line

    prose = [Line("第一段正文讲述了小镇的变化，道路修好了，学校也扩建了，居民们都很高兴。" * 2, None)] * 4
    cloud = [Candidate("李白 苏轼 白居易 陆游 王安石 杜甫 李清照 辛弃疾 柳永 王维")]
    assert _missed_the_prose(cloud, prose)
    spaced = [Candidate("一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣 " * 4)]
    assert not _missed_the_prose(spaced, prose[:1])
    assert not _missed_the_prose([Candidate(prose[0].text)], prose[:2])
