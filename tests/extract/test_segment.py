"""Text dumps -> candidates: markdown kinds and the repair of hard-broken sentences."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import assume, given, settings, strategies as st

from reader.extract.segment import segment_text, titles_run_together
from reader.model import BlockKind

LEAD = "人工智能领域的竞争日益激烈，各大公司都在加大投入，说到底AI竞争"
REST = "不是单一技术的竞争，而是生态的竞争。"


def texts(dump: str) -> list[str]:
    return [c.text for c in segment_text(dump)]


def test_markdown_marks_give_the_block_kind() -> None:
    cands = segment_text("# 标题\n## 小节\n- 第一项\n* 第二项\n1. 第三项\n> 引用的话\n普通段落。")
    assert [(c.kind, c.text) for c in cands] == [
        (BlockKind.HEADING, "标题"),
        (BlockKind.HEADING, "小节"),
        (BlockKind.LIST_ITEM, "第一项"),
        (BlockKind.LIST_ITEM, "第二项"),
        (BlockKind.LIST_ITEM, "1. 第三项"),  # a number is the item's own: it stays
        (BlockKind.QUOTE, "引用的话"),
        (BlockKind.PARAGRAPH, "普通段落。"),
    ]
    assert [c.heading_level for c in cands[:2]] == [1, 2]
    assert all(c.tag == "line" for c in cands)


@pytest.mark.parametrize("line", ["#标题没有空格", "1.5亿元的投资", "-5℃的低温", ">", "2025.3.17"])
def test_marks_without_their_space_are_plain_paragraphs(line: str) -> None:
    (cand,) = segment_text(line)
    assert cand.kind is BlockKind.PARAGRAPH
    assert cand.text == line


def test_blank_lines_and_crlf_separate_nothing_but_lines() -> None:
    assert texts("第一段。\r\n\r\n\r\n第二段。\r第三段。\n   \n") == ["第一段。", "第二段。", "第三段。"]
    assert segment_text("") == []
    assert segment_text("\n \n\u3000\n") == []


def test_hard_broken_sentence_is_joined() -> None:
    assert texts(f"{LEAD}\n\n{REST}") == [LEAD + REST]
    assert texts(f"{LEAD}\n{REST}") == [LEAD + REST]


def test_broken_english_words_are_joined_with_a_space() -> None:
    lead = "He said that the company would, in the coming years"
    assert texts(f"{lead}\n\nexpand the production.") == [f"{lead} expand the production."]


def test_finished_sentence_is_not_joined() -> None:
    assert texts(f"{LEAD}。\n\n{REST}") == [LEAD + "。", REST]


@pytest.mark.parametrize("caption", ["图为发布会现场", "图为储能电站施工现场航拍图片新华社记者张三摄影报道"])
def test_caption_is_not_joined_to_the_next_paragraph(caption: str) -> None:
    # short, or unpunctuated however long: a caption, not half a sentence
    assert texts(f"{caption}\n\n记者在现场看到，很多观众排队等候。") == [caption, "记者在现场看到，很多观众排队等候。"]


@pytest.mark.parametrize("opener", ["：", ":", "（", "「", "《"])
def test_line_ending_with_an_opener_is_not_joined(opener: str) -> None:
    lead = "公司负责人在会上表示，明年的计划包括以下几个方面" + opener
    assert texts(f"{lead}\n\n扩大生产规模，提高产品质量。") == [lead, "扩大生产规模，提高产品质量。"]


@pytest.mark.parametrize("heading", ["一、扩大生产规模", "1.扩大生产规模", "（一）扩大生产规模", "第二章 发展目标"])
def test_numbered_heading_is_not_joined(heading: str) -> None:
    lead = "公司负责人在会上表示，明年的计划包括以下几个方面的工作"
    assert texts(f"{lead}\n\n{heading}") == [lead, heading]


def test_cue_lines_are_never_joined() -> None:
    lead = "公司负责人在会上表示，明年的计划包括以下几个方面的工作"
    assert texts(f"{lead}\n\n责任编辑：张三") == [lead, "责任编辑：张三"]
    assert texts(f"{lead}\n\n猜你喜欢") == [lead, "猜你喜欢"]
    label = "责任编辑：张三，李四，王五和赵六共同完成了本文的编辑和校对"  # (a label, not a notice's sentence)
    assert texts(f"{label}\n工作。") == [label, "工作。"]


def test_a_notice_cut_inside_its_own_cue_words_is_whole_again() -> None:
    # (a short page cut at a fixed width: too few lines to tell its width, the notice's
    # sentence still goes on to the next line)
    cut = ["平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空", "间服务。"]
    assert texts("\n".join(cut)) == ["".join(cut)]


def test_only_paragraphs_are_joined() -> None:
    assert texts(f"{LEAD}\n\n- {REST}") == [LEAD, REST]
    assert texts(f"- {LEAD}\n\n{REST}") == [LEAD, REST]
    assert texts(f"{LEAD}\n\n> {REST}") == [LEAD, REST]


def test_continuation_must_start_with_a_word_or_an_opening_quote() -> None:
    assert texts(f"{LEAD}\n\n“生态”才是关键。") == [LEAD + "“生态”才是关键。"]
    assert texts(f"{LEAD}\n\n——这是他的原话。") == [LEAD, "——这是他的原话。"]


def test_a_sentence_broken_over_three_lines_is_joined_whole() -> None:
    a = "人工智能领域的竞争日益激烈，各大公司都在加大投入"
    b = "并且纷纷调整战略布局，说到底AI竞争"
    assert texts(f"{a}\n\n{b}\n\n{REST}") == [a + b + REST]


def test_a_joined_line_keeps_its_parts_and_tells_titles_from_a_broken_sentence() -> None:
    (sentence,) = segment_text(LEAD + "\n" + REST)
    assert sentence.parts == (LEAD, REST)
    assert not titles_run_together(sentence)  # (its full stop: one sentence, broken)
    first, second = "手机里九个反人类的设计，不只是疏忽可以解释的", "你们的语音控制算什么，新系统让你还可以手势控制！"
    (titles,) = segment_text(first + "\n" + second)
    assert titles.parts == (first, second) and titles_run_together(titles)
    (single,) = segment_text(first)
    assert single.parts == () and not titles_run_together(single)


# A text browser's dump (w3m, lynx -dump): every line cut at 76 display columns.
def _wrapped(*paragraphs: str) -> list[str]:
    from support.mutations import wrap

    return [line for p in paragraphs for line in wrap(p)]


_FILLER = [("第" + "一二三四"[k] + "段讲到小镇的规划，文化广场、图书馆和体育馆预计明年年底以前全部建成，"
            "居民们十分期待，纷纷表示支持。") * 2 for k in range(4)]


def test_a_dump_cut_at_a_fixed_width_gets_its_paragraphs_back_wherever_the_cut_fell() -> None:
    no_mark = "小镇的规划里有文化广场图书馆体育馆和一座新的公园预计明年年底以前全部建成还有一座游泳馆。"
    notice = "特别声明：以上内容（包括图片及视频）为用户上传并发布，本平台仅提供信息存储空间服务。"
    english = "The town plans a new square, a library and a sports hall, all to open by the end of next year."
    paragraphs = [*_FILLER, no_mark, notice, english]
    lines = _wrapped(*paragraphs)
    # (the cuts fall where a broken sentence never breaks: after a line with no mark
    # at all, before a full stop, inside a notice's cue words, between English words)
    assert lines[-6].endswith("还有") and lines[-5] == "一座游泳馆。" and lines[-3] == "间服务。"
    assert texts("\n".join(["小镇十年", *lines])) == ["小镇十年", *paragraphs]


def test_lines_of_an_unwrapped_dump_are_not_joined_for_their_width() -> None:
    # (a list item's date opens its own line, and a dump without a common widest width
    # was never wrapped)
    items = [f"2021-01-1{k}某某专科医院专家介绍疾病的诊断方法，你知道吗？看看专家的介绍" for k in range(8)]
    assert texts("\n".join(items)) == items
    assert texts("\n".join([*_wrapped(*_FILLER), *items])) == [*_FILLER, *items]
    short = ["首页", "新闻中心", "一行不长的标题，没有写完", "另一行标题"]
    assert texts("\n".join([*_wrapped(*_FILLER), *short])) == [*_FILLER, *short]


def test_english_paragraphs_are_not_joined() -> None:
    first = "The company said on Monday, that it would expand."
    assert texts(f"{first}\n\nAnalysts expect strong growth next year.") == [
        first,
        "Analysts expect strong growth next year.",
    ]


# -- properties ----------------------------------------------------------------------

_CONTENT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")
_PIECES = st.sampled_from(
    ["储能", "产业", "增长", "AI", "ok", "2025", "1.", "5)", "，", "。", "：", "（", "「", "」", "#", "##", "-", "*",
     ">", "•", " ", "\u3000", "\t", "![](a.png)", "[ ](#)", "猜你喜欢", "一、", "第三章", "“", "——", "The end"]
)
_LINE = st.lists(_PIECES, max_size=12).map("".join)
_PICTURE_MARK = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
def _content(text: str) -> Counter[str]:
    return Counter(_CONTENT.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, max_size=12), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_segment_never_loses_content_characters(lines: list[str], sep: str) -> None:
    dump = sep.join(lines)
    everything = _content("\n".join(lines))  # list numbers too: "1. item" keeps its number
    # (a picture's mark inside a line of words is markup: its url may go, the words never)
    words = _content(_PICTURE_MARK.sub(" ", "\n".join(lines)))
    got = _content("".join(c.text for c in segment_text(dump)))
    assert not words - got and not got - everything


_MARKUP = re.compile(r"<[/A-Za-z]|\]\(|\[\s*(?:编辑|編輯|edit)", re.I)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_segment_keeps_content_of_arbitrary_text_in_order(dump: str) -> None:
    # (markup a flattener left is stripped on purpose: a stray "<P>" tag, a link's url,
    # a wiki's [编辑] mark; hypothesis once drew "<P>")
    assume(not _MARKUP.search(dump))
    cands = segment_text(dump)
    joined = "".join(c.text for c in cands)
    # Every content character survives, in order.
    assert "".join(_CONTENT.findall(joined)) == "".join(_CONTENT.findall(dump))
    assert all(c.text and c.text == c.text.strip() for c in cands)


@pytest.mark.parametrize("line", ["* [ ](http://www.example.cn/)", "- ![](a.png) ", "•\u3000[ ](#)"])
def test_a_bullet_whose_item_unwraps_to_nothing_is_read_not_crashed_on(line: str) -> None:
    # a markdown dump's menu of icon links: "* [ ](url)" leaves only the bullet
    cands = segment_text(f"{line}\n储能产业迎来快速增长")
    assert cands[-1].text == "储能产业迎来快速增长"
    assert all(c.text and c.text == c.text.strip() for c in cands)


@pytest.mark.parametrize("label", ["中國新聞網", "金融市场棱镜2019-09-23 07:48"])
def test_a_label_or_dateline_under_a_long_headline_is_not_its_continuation(label: str) -> None:
    headline = "故宮，你低調點！故宮：不，實力已不允許我繼續低調"
    assert texts(f"{headline}\n{label}\n{REST}") == [headline, label, REST]


def test_a_caption_ending_in_its_photo_credit_is_not_joined() -> None:
    caption = "“救命啊SOS”纸团。沙坪坝区公安分局供图 华龙网"
    body = "华龙网-新重庆客户端讯 今（9）日，记者从沙坪坝区公安分局了解到，市民杨某险些被纸团砸中。"
    assert texts(f"{caption}\n{body}") == [caption, body]


def test_stray_inline_tags_are_not_text() -> None:
    assert texts("<strong>业绩会突现业主维权插曲 </strong>") == ["业绩会突现业主维权插曲"]


def test_a_fenced_code_block_is_one_code_candidate_with_its_lines() -> None:
    cands = segment_text("正文第一段。\n```bash\n#!/bin/bash\n  docker ps\n```\n正文第二段。")
    assert [(c.kind, c.text) for c in cands] == [
        (BlockKind.PARAGRAPH, "正文第一段。"), (BlockKind.CODE, "#!/bin/bash\n  docker ps"), (BlockKind.PARAGRAPH, "正文第二段。")]


def test_table_rows_lose_their_outer_pipes_and_the_rule_row_goes() -> None:
    assert texts("| 地区 | 面积 |\n|---|---|\n| 雄县 | 524 |\n| 正在加载... |") == ["地区 | 面积", "雄县 | 524", "正在加载..."]


def test_markdown_links_give_the_link_density_and_unwrap() -> None:
    (menu,) = segment_text("- [打印](javascript:;) [字大](javascript: void 0;)")
    assert (menu.text, menu.link_density) == ("打印 字大", 1.0)
    (para,) = segment_text("雄安新区是中国第19个国家级新区[[3]](#cite_note-3)，位于河北省。")
    assert para.text == "雄安新区是中国第19个国家级新区[3]，位于河北省。" and para.link_density < 0.2


def test_a_linked_image_is_an_image_mark_and_bullets_nest() -> None:
    assert texts("- [![博客园Logo](https://a/logo.svg)](https://www.cnblogs.com/)") == ["![博客园Logo](https://a/logo.svg)"]
    assert texts("- - 所有博客") == ["所有博客"]


def test_a_picture_s_mark_inside_a_line_of_text_goes_and_one_alone_stays() -> None:
    # (a browser extension's status icon before a title bar: its url is no words of the line)
    bar = "![status](chrome-extension://ehjolcplj/web_accessible_resources/status_on.png) 小镇公布新规划_经济_某某网"
    assert texts(bar) == ["小镇公布新规划_经济_某某网"]
    assert texts("![](//img.example.com/a.jpg)") == ["![](//img.example.com/a.jpg)"]
    assert texts("![关注公众号](/a.jpg)关注公众号：某某财经") == ["关注公众号：某某财经"]


def test_a_heading_inside_a_list_of_posts_is_a_heading() -> None:
    (cand,) = segment_text("- ## [新竹尖石_美樹營地賞楓 (2)](http://a/post/1)")
    assert (cand.kind, cand.heading_level, cand.text) == (BlockKind.HEADING, 2, "新竹尖石_美樹營地賞楓 (2)")


def test_a_link_broken_over_two_lines_is_one_link_line() -> None:
    # (a converter writes a thumbnail's <br> inside the link: the title's line closes it)
    (cand,) = segment_text("- [![](http://a/thumb.jpg)\n愛上喜翁露營_歡慶聖誕夜市趴](http://a/post/2)")
    assert cand.link_density == 1.0 and cand.text.endswith("愛上喜翁露營_歡慶聖誕夜市趴")
    fenced = "```\nx = [1,\n2](y)\n```"
    assert segment_text(fenced)[0].text == "x = [1,\n2](y)"  # (a code block's lines stay as written)


def test_a_fence_that_never_closes_was_no_fence() -> None:
    # html2text writes a struck-through label as "~~~~ 扫一扫": read on as lines, not as
    # one code block swallowing the page
    cands = segment_text("~~~~ 扫一扫\n下载APP\n* [新闻](http://a.cn/)\n储能产业迎来快速增长")
    assert [c.text for c in cands][-3:] == ["下载APP", "新闻", "储能产业迎来快速增长"]
    assert all(c.kind is not BlockKind.CODE for c in cands)


def test_a_closed_fence_with_a_language_is_one_code_block() -> None:
    fence = "`" * 3
    cands = segment_text(f"储能产业\n{fence}bash\ndocker ps\n  -a\n{fence}\n迎来快速增长")
    assert [(c.kind, c.text) for c in cands] == [
        (BlockKind.PARAGRAPH, "储能产业"), (BlockKind.CODE, "docker ps\n  -a"), (BlockKind.PARAGRAPH, "迎来快速增长")]


def test_a_link_line_is_never_joined_to_the_sentence_under_it() -> None:
    # an ad between paragraphs ends on ×, not a full stop: it is no broken sentence
    ad = "[ _广告_ 通知：英国留学生注意了，这些问题如果没准备好，先别留学！×](https://www.so.com/s?q=1)"
    cands = segment_text(f"{ad}\n然而，即便屡屡吞下苦果，他依旧咬牙坚持，充满勇气。")
    assert [c.text for c in cands] == [" 广告 通知：英国留学生注意了，这些问题如果没准备好，先别留学！×".strip(),
                                       "然而，即便屡屡吞下苦果，他依旧咬牙坚持，充满勇气。"]


def test_a_wiki_section_heading_s_edit_link_makes_it_no_link_line() -> None:
    # "### 古代[[編輯](…)]": the edit link is a wiki's chrome, not a link of the heading's
    (cand,) = segment_text("### 古代[[編輯](https://zh.wikipedia.org/w/index.php?title=x&action=edit&section=2)]")
    assert (cand.kind, cand.text, cand.link_density) == (BlockKind.HEADING, "古代", 0.0)


def test_a_headline_under_its_title_bar_is_not_the_bar_s_broken_sentence() -> None:
    # A whole page's dump starts with its <title> bar (headline, blog, site, keywords) and
    # the headline under it: the bar does not end a sentence, but the line under it
    # repeats its start: the same title twice, not one sentence broken in two.
    title = "Python 批量合并多个 Excel 文件（保留格式版，附完整代码）"
    bar = f"{title}_林间小码农的博客-CSDN博客_python合并多个excel"
    texts = [c.text for c in segment_text(f"{bar}\n{title}\n林间小码农\n")]
    assert texts[:2] == [bar, title]
