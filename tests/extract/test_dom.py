"""DOM pruning before trafilatura: furniture names and teaser lists."""
from __future__ import annotations

from typing import Any

import pytest

from reader.extract.dom import Pruned, parse, prune, text_lines

TITLE = "储能产业迎来快速增长"
P1 = "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策，推动一批重点项目加快落地，行业整体规模持续扩大，产业链上下游企业普遍受益。"
P2 = "业内人士表示，储能技术的持续进步显著降低了系统成本，使得更多企业愿意投资建设储能电站，市场竞争也随之明显加剧，价格战时有发生。"
P3 = "专家认为，未来几年储能将成为新型电力系统的重要组成部分，但行业仍需解决安全标准、商业模式和电价机制等一系列问题，才能实现健康发展。"
P4 = "据统计，今年前两个月全国新增储能装机容量同比增长超过一倍，其中锂电池储能占比最高，压缩空气和液流电池等技术路线也在加快示范应用。"
ARTICLE = f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></article>"
TEASERS = [
    ("某地发生交通事故致三人受伤", "事故原因正在进一步调查中。"),
    ("明星婚礼现场曝光引发热议", "婚礼在海边的酒店举行。"),
    ("新款手机发布会今日正式举行", "新机起售价为三千元。"),
    ("多地气温创下今年以来新高", "气象部门提醒注意防暑。"),
]


def page(body: str) -> str:
    return f"<html><head><title>{TITLE}_财经频道_某某网</title></head><body>{body}</body></html>"


def pruned_page(body: str, title: str | None = TITLE) -> tuple[list[Pruned], Any]:
    root = parse(page(body))
    return prune(root, title), root


@pytest.mark.parametrize(
    "furniture, token",
    [
        ("<div class='detail-content__recommend--wrapper'><a href='/1'>某地发生交通事故</a></div>", "recommend"),
        ("<div id='comments'><p>网友甲：写得好，支持一下。</p></div>", "comments"),
        ("<div class='share-bar'>分享到 微信 微博</div>", "share"),
        ("<ul class='breadcrumbList'><li>首页</li><li>财经</li></ul>", "breadcrumb"),
        ("<div id='relatedNews'><a href='/2'>明星婚礼现场曝光</a></div>", "related"),
        ("<section class='site-footer'>关于我们 联系我们</section>", "footer"),
        ("<table class='infobox geography vcard'><tr><th>面积</th><td>128.6 km²</td></tr></table>", "infobox"),
        ("<div class='basic-info cmn-clearfix'><dl><dt>中文名</dt><dd>岚溪镇</dd></dl></div>", "infobox"),
        ("<div id='toc' class='toc'><ul><li>1 历史沿革</li><li>2 地理</li></ul></div>", "toc"),
    ],
)
def test_furniture_named_container_is_pruned_with_its_token(furniture: str, token: str) -> None:
    pruned, root = pruned_page(ARTICLE + furniture)
    assert [p.reason for p in pruned] == [f"furniture: {token}"]
    text = root.text_content()
    assert pruned[0].text and pruned[0].text.split()[0] not in text
    assert all(p in text for p in (P1, P2, P3, P4))


def test_pruned_text_is_whitespace_normalised_in_document_order() -> None:
    pruned, _ = pruned_page(
        "<div class='share'>分享到\n   微信</div>" + ARTICLE + "<div class='comment-list'><p>网友甲：好</p></div>"
    )
    assert pruned == [Pruned("分享到 微信", "furniture: share"), Pruned("网友甲：好", "furniture: comment")]


@pytest.mark.parametrize("cls", ["content", "article-body", "main-text", "post-detail", "adapter", "shareholder",
                                 "article-info", "basic"])
def test_content_names_and_words_merely_containing_a_token_are_kept(cls: str) -> None:
    pruned, _ = pruned_page(f"<div class='{cls}'>某某网 首页 新闻</div>" + ARTICLE)
    assert pruned == []


def test_container_holding_the_title_h1_is_never_pruned() -> None:
    pruned, root = pruned_page(f"<div class='header'><h1>{TITLE}</h1></div><div><p>{P1}</p><p>{P2}</p></div>")
    assert pruned == []
    assert root.find(".//h1") is not None


def test_header_without_the_title_is_pruned() -> None:
    pruned, _ = pruned_page("<div class='header'>某某网 首页 新闻</div>" + ARTICLE)
    assert pruned == [Pruned("某某网 首页 新闻", "furniture: header")]


def test_furniture_name_holding_most_of_the_prose_is_the_article() -> None:
    body = f"<div class='layout sidebar-left'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div class='sidebar'>热门</div>"
    pruned, root = pruned_page(body, None)
    assert pruned == [Pruned("热门", "furniture: sidebar")]
    assert P1 in root.text_content()


def test_prose_set_in_font_tags_counts_as_prose_for_the_guard() -> None:
    # An old blog's body: one <div><font>text</font></div> per paragraph, in a container
    # whose id holds "ad" (新浪博客's sina_keyword_ad_area2); the comments below it are
    # plain <p>s.  The text inside <font> is the page's prose, so the name does not take it.
    body = (f"<div id='sina_keyword_ad_area2' class='articalContent'>"
            + "".join(f"<div><font face='宋体'>&nbsp;&nbsp;&nbsp;&nbsp;{p}</font></div><div>&nbsp;</div>" for p in (P1, P2, P3))
            + "</div><div class='commentList'>"
            + "<p>写得真好，我也是这么想的，支持博主，以后常来看看。</p><p>读得眼睛湿了，明天就给家里打个电话，问问老人家身体。</p>" * 4
            + "</div>")
    pruned, root = pruned_page(body, None)
    assert [p.reason for p in pruned] == ["furniture: comment"]
    assert all(p in root.text_content() for p in (P1, P2, P3))


def test_furniture_holding_another_articles_headline_goes_even_with_much_prose() -> None:
    body = f"<div class='related'><h1>另一篇文章的标题很长</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><h2>{TITLE}</h2><p>{P4}</p>"
    pruned, root = pruned_page(body)
    assert [p.reason for p in pruned] == ["furniture: related"]
    assert P4 in root.text_content() and P1 not in root.text_content()


def test_highlighted_code_comment_is_never_pruned() -> None:
    code = "<pre><code>x = 1  <span class='hljs-comment'># 注释说明</span>\ny = 2</code></pre>"
    pruned, root = pruned_page(f"<div><p>{P1}</p>{code}<p>{P2}</p></div>")
    assert pruned == []
    assert "# 注释说明" in root.find(".//code").text_content()


def test_inline_link_named_share_is_not_a_container() -> None:
    pruned, _ = pruned_page(f"<div><p>{P1}<a class='share-link' href='#'>分享</a></p><p>{P2}</p></div>")
    assert pruned == []


def test_pruned_element_keeps_its_tail_text() -> None:
    pruned, root = pruned_page(f"<div><p>前文<span class='ad'>广告位招租</span>后文，{P1}</p><p>{P2}</p></div>")
    assert pruned == [Pruned("广告位招租", "furniture: ad")]
    assert root.find(".//p").text_content() == f"前文后文，{P1}"


def test_a_box_of_fields_to_fill_in_goes_whatever_its_name() -> None:
    # A sign-up box under the article (class "kft_form": no furniture name), its labels,
    # its fields and a line of instructions; a jump menu (a <select>) is no such field.
    signup = ("<div class='kft_form'><h3>看房团报名 已有386人报名</h3><p>第68期看房团 | 出发时间：6月21日9:00</p>"
              "<form action='/signup'><label>姓名：<input type='text' name='n'></label><label>手机：<input name='m'></label>"
              "<input type='submit' value='立即报名'></form><p>报名成功后，工作人员将电话与您确认。</p></div>")
    jump = "<div class='pages'>本主题贴数4 <form><select name='jump'><option>跳转论坛至...</option></select></form></div>"
    pruned, root = pruned_page(ARTICLE + signup + jump)
    assert [(p.text, p.reason) for p in pruned] == [
        ("看房团报名 已有386人报名第68期看房团 | 出发时间：6月21日9:00报名成功后，工作人员将电话与您确认。", "furniture: form")]
    assert "本主题贴数4" in root.text_content()


def test_a_page_wrapped_whole_in_one_form_keeps_its_article() -> None:
    # (ASP.NET writes <form id="form1"> around the whole page, with a search box in it)
    pruned, root = pruned_page(f"<form id='form1'><input type='text' name='q'>{ARTICLE}</form>")
    assert not pruned and P4 in root.text_content()


def test_a_lone_long_answer_in_a_reply_box_stays_and_comments_go() -> None:
    # A message board: the citizen's letter, then one official reply in the reply list,
    # as long as the letter; readers' comments under a long article are short beside it.
    letter = f"<div class='content'><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p><p>{TEASERS[0][1]}{P1}</p></div>"
    answer = f"<ul class='replyList'><li class='reply'><h3>回复单位：市交通运输局</h3>{''.join(f'<p>{t}</p>' for t in (P1, P2, P3, P4))}</li></ul>"
    pruned, root = pruned_page(letter + answer)
    assert pruned == [] and P4 in root.text_content()
    comments = "<ul class='replyList'>" + "".join(f"<li class='reply'><p>{t}，{s}</p></li>" for t, s in TEASERS) + "</ul>"
    pruned, root = pruned_page(ARTICLE + comments)
    assert [p.reason for p in pruned] == ["furniture: reply"]


def test_scripts_and_styles_go_unrecorded() -> None:
    pruned, root = pruned_page(ARTICLE + "<script>var recommend = 1;</script><style>.a{}</style>")
    assert pruned == []
    assert "recommend" not in root.text_content()


def teaser_list(tag: str = "ul", item: str = "li", n: int = 4) -> str:
    items = "".join(f"<{item}><a href='/{i}'>{t}</a><p>{s}</p></{item}>" for i, (t, s) in enumerate(TEASERS[:n]))
    return f"<{tag}>{items}</{tag}>"


@pytest.mark.parametrize("tag, item", [("ul", "li"), ("div", "div"), ("section", "article")])
def test_teaser_list_is_pruned(tag: str, item: str) -> None:
    pruned, root = pruned_page(f"<div><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p>{teaser_list(tag, item)}<p>{P3}</p></div>")
    assert [p.reason for p in pruned] == ["teaser-list"]
    assert TEASERS[0][0] in pruned[0].text
    assert TEASERS[0][0] not in root.text_content() and P3 in root.text_content()


def test_two_teasers_are_not_a_list() -> None:
    pruned, _ = pruned_page(f"<div><h1>{TITLE}</h1><p>{P1}</p>{teaser_list(n=2)}<p>{P2}</p></div>")
    assert pruned == []


def test_paragraphs_with_auto_linked_keywords_are_not_a_teaser_list() -> None:
    def linked(p: str) -> str:
        return f"<div>{p[:10]}<a href='/k/1'>储能</a>{p[10:30]}<a href='/k/2'>电力系统</a>{p[30:]}</div>"

    body = f"<h1>{TITLE}</h1><div class='text'>{''.join(linked(p) for p in (P1, P2, P3, P4))}</div>"
    pruned, root = pruned_page(body)
    assert pruned == []
    assert "电力系统" in root.text_content()


def test_list_of_plain_items_is_not_a_teaser_list() -> None:
    items = "".join(f"<li>{p}</li>" for p in (P1, P2, P3))
    pruned, _ = pruned_page(f"<h1>{TITLE}</h1><ul>{items}</ul>")
    assert pruned == []


def test_parse_drops_comments_but_not_the_text_after_them() -> None:
    root = parse("<html><body><p><!--k-->谷歌<!--/k-->在2014年收购了一家公司</p></body></html>")
    assert root.find(".//p").text_content() == "谷歌在2014年收购了一家公司"


def test_parse_survives_xml_declaration_and_control_characters() -> None:
    root = parse("<?xml version='1.0' encoding='utf-8'?><html><body><p>前\x01文</p><p>后文</p></body></html>")
    assert [p.text_content() for p in root.iter("p")] == ["前文", "后文"]


@pytest.mark.parametrize("junk", ["", "   "])
def test_parse_of_nothing_is_none(junk: str) -> None:
    assert parse(junk) is None


def test_text_lines_treat_source_newlines_as_spaces() -> None:
    root = parse("<html><body><div><p>他是歌手<sup>\n[13]</sup>\n。作为歌手，<br>第二行</p><pre>a\n  b</pre></div></body></html>")
    assert text_lines(root.find(".//div")) == ["他是歌手 [13] 。作为歌手，", "第二行", "a", "b"]


def test_text_lines_skip_scripts_and_styles_but_keep_their_tails() -> None:
    root = parse("<html><body><div><p>正文第一段<script>var x = 1;</script>接着说</p><style>p{margin:0}</style><p>第二段</p></div></body></html>")
    assert text_lines(root.find(".//div")) == ["正文第一段接着说", "第二段"]
