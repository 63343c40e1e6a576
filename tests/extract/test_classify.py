"""The zone classifier on text-dump candidates: head | body | post | tail."""
from __future__ import annotations

import pytest

from reader.extract.candidate import Candidate
from reader.extract.classify import Classified, classify
from reader.extract.segment import segment_text
from reader.model import BlockKind

TITLE = "储能产业迎来快速增长"
P1 = "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策，推动一批重点项目加快落地，行业整体规模持续扩大，产业链上下游企业普遍受益。"
P2 = "业内人士表示，储能技术的持续进步显著降低了系统成本，使得更多企业愿意投资建设储能电站，市场竞争也随之明显加剧，价格战时有发生。"
P3 = "专家认为，未来几年储能将成为新型电力系统的重要组成部分，但行业仍需解决安全标准、商业模式和电价机制等一系列问题，才能实现健康发展。"
P4 = "据统计，今年前两个月全国新增储能装机容量同比增长超过一倍，其中锂电池储能占比最高，压缩空气和液流电池等技术路线也在加快示范应用。"
P5 = "此外，多地电网公司也在积极探索储能参与电力市场的新模式，通过峰谷价差和辅助服务获取收益，逐步形成可持续的商业闭环。"
P6 = "分析人士指出，随着新能源装机比例不断提高，电力系统对灵活调节资源的需求将持续增长，储能行业的长期发展空间依然广阔。"
BODY = [P1, P2, P3, P4]
HEADLINES = ["某地发生交通事故致三人受伤", "明星婚礼现场曝光引发热议", "新款手机发布会今日举行"]


def dump(*lines: str) -> str:
    return "\n\n".join(lines)


def run(*lines: str, hint: str | None = None) -> tuple[list[Candidate], Classified]:
    cands = segment_text(dump(*lines))
    return cands, classify(cands, hint)


def kept(cands: list[Candidate], result: Classified) -> list[str]:
    return [c.text for c, o in zip(cands, result.outcomes) if o.keep]


def dropped(cands: list[Candidate], result: Classified) -> dict[str, str]:
    return {c.text: o.reason for c, o in zip(cands, result.outcomes) if not o.keep}


# -- title ---------------------------------------------------------------------------


def test_title_is_the_short_first_line() -> None:
    cands, r = run(TITLE, *BODY)
    assert r.title == TITLE and r.title_index == 0 and not r.title_derived
    assert r.outcomes[0].keep is False and r.outcomes[0].reason == "title"
    assert kept(cands, r) == BODY


def test_title_is_derived_from_the_opening_sentence_when_there_is_no_headline() -> None:
    cands, r = run(*BODY)
    assert r.title_index is None and r.title_derived
    assert r.title == "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策…"
    assert kept(cands, r) == BODY  # the derived title is not taken out of the body


def test_derived_title_is_the_whole_short_first_sentence() -> None:
    _, r = run("储能产业发展迅速。" + P1, P2)
    assert r.title == "储能产业发展迅速" and r.title_derived


def test_title_hint_wins_and_its_repeat_in_the_text_goes() -> None:
    cands, r = run(TITLE, *BODY, hint=TITLE)
    assert r.title == TITLE and r.title_index is None and not r.title_derived
    assert dropped(cands, r) == {TITLE: "title-repeat"}


@pytest.mark.parametrize("first", ["一、总体要求", "2025-03-17 17:30 新华社"])
def test_numbered_heading_or_dateline_is_not_the_title(first: str) -> None:
    _, r = run(first, *BODY)
    assert r.title != first


def test_prose_first_line_is_not_a_title() -> None:
    _, r = run(*BODY, "某地发生交通事故致三人受伤")
    assert r.title_derived and r.title.startswith("新型储能产业")


# -- head: byline, dateline, metadata, menus ----------------------------------------


def test_byline_under_the_title_goes_to_author() -> None:
    cands, r = run(TITLE, "张小明", *BODY)
    assert r.meta.author == "张小明"
    assert dropped(cands, r)["张小明"] == "meta: byline"


@pytest.mark.parametrize("line", ["本报讯，据悉", "这是一个很长的不是人名的短句子啊"])
def test_punctuated_or_long_line_under_the_title_is_not_a_byline(line: str) -> None:
    cands, r = run(TITLE, line, *BODY)
    assert r.meta.author is None
    assert line in kept(cands, r)


def test_subtitle_under_the_title_is_not_a_byline() -> None:
    cands, r = run(TITLE, "新能源并网比例持续提高", *BODY)
    assert r.meta.author is None
    assert "新能源并网比例持续提高" in kept(cands, r)


def test_dateline_goes_to_date_and_author() -> None:
    line = "2025-03-17 17:30 中央社 記者王小明／台北報導"
    cands, r = run(TITLE, line, *BODY)
    assert r.meta.date == "2025-03-17 17:30" and r.meta.author == "王小明"
    assert dropped(cands, r)[line] == "meta: dateline"
    assert r.title == TITLE


def test_date_inside_body_prose_is_not_a_dateline() -> None:
    prose = "2025年3月17日，国家能源局发布数据显示，新型储能装机规模持续扩大，多个大型项目已经并网运行，行业发展势头良好。"
    cands, r = run(TITLE, prose, *BODY)
    assert prose in kept(cands, r) and r.meta.date is None


def test_head_meta_lines_fill_metadata() -> None:
    cands, r = run(TITLE, "来源：新华社", "作者：李四", *BODY, "责任编辑：刘洋")
    assert (r.meta.source, r.meta.author, r.meta.editor) == ("新华社", "李四", "刘洋")
    assert dropped(cands, r) == {
        TITLE: "title",
        "来源：新华社": "meta: 来源",
        "作者：李四": "meta: 作者",
        "责任编辑：刘洋": "meta: 责任编辑",
    }


def test_long_meta_prefixed_sentence_inside_the_body_stays() -> None:
    line = "作者：李四在文章中指出，储能产业的发展还需要更多政策支持，特别是电价机制方面的改革。"
    cands, r = run(TITLE, P1, line, P2, P3)
    assert line in kept(cands, r) and r.meta.author is None


def test_menu_of_tiny_lines_before_the_body_goes() -> None:
    menu = ["首页", "新闻", "财经", "体育"]
    cands, r = run(*menu, TITLE, *BODY)
    assert all(dropped(cands, r)[m] == "navigation: menu" for m in menu)
    assert r.title == TITLE


def test_two_tiny_lines_are_not_a_menu() -> None:
    # the headline from markup and not among the blocks: no dump head to judge (when it
    # is among them, what stands above it goes as above-title: test_genres)
    cands, r = run("首页", "新闻", *BODY, hint=TITLE)
    assert {"首页", "新闻"} <= set(kept(cands, r))


def test_tiny_lines_inside_the_body_are_not_a_menu() -> None:
    cands, r = run(TITLE, P1, "甲", "乙", "丙", P2, P3)
    assert kept(cands, r) == [P1, "甲", "乙", "丙", P2, P3]


# -- terminators and the tail -------------------------------------------------------


def test_trailing_related_heading_opens_a_tail() -> None:
    other = "这是另一篇文章的摘要，讲述了某地的新闻事件，内容与本文无关，但长度足以像正文一样，读者很容易误以为是正文。"
    cands, r = run(TITLE, *BODY, "猜你喜欢", HEADLINES[0], other, HEADLINES[1])
    assert kept(cands, r) == BODY
    gone = dropped(cands, r)
    assert all(gone[t] == "related-links: 猜你喜欢" for t in ("猜你喜欢", HEADLINES[0], other, HEADLINES[1]))


def test_comments_heading_opens_a_comments_tail() -> None:
    cands, r = run(TITLE, *BODY, "網友評論", "张三：写得好", "李四：支持")
    assert kept(cands, r) == BODY
    assert set(dropped(cands, r).values()) == {"title", "comments: 网友评论"}


def test_related_heading_near_the_top_takes_only_its_headline_run() -> None:
    cands, r = run(TITLE, P1, "相关阅读", HEADLINES[0], HEADLINES[1], P2, P3, P4)
    assert kept(cands, r) == BODY
    gone = dropped(cands, r)
    assert gone["相关阅读"] == gone[HEADLINES[0]] == gone[HEADLINES[1]] == "related-links: 相关阅读"


def test_related_heading_at_the_very_top_is_not_a_terminator() -> None:
    cands, r = run(TITLE, "热门推荐", HEADLINES[0], *BODY)
    assert kept(cands, r) == BODY


def test_end_marker_tail_drops_furniture_but_keeps_references() -> None:
    refs = ["[1] 张三，《储能技术发展报告》，2024", "[2] 李四，《电力系统研究》，2023"]
    cands, r = run(TITLE, *BODY, "全文完", *refs)
    assert kept(cands, r) == BODY + refs
    kinds = {c.text: o.kind for c, o in zip(cands, r.outcomes) if o.keep}
    assert kinds[refs[0]] is kinds[refs[1]] is BlockKind.REFERENCE
    assert dropped(cands, r)["全文完"] == "end-marker"


def test_after_an_end_marker_non_reference_lines_are_tail() -> None:
    cands, r = run(TITLE, *BODY, "--THE END--", HEADLINES[0], HEADLINES[1])
    gone = dropped(cands, r)
    assert gone["--THE END--"] == "end-marker"
    assert gone[HEADLINES[0]] == gone[HEADLINES[1]] == "tail"


def test_trailing_disclaimer_opens_a_tail() -> None:
    notice = "特别声明：以上内容仅代表作者本人观点，不代表平台立场。"
    cands, r = run(TITLE, *BODY, notice, HEADLINES[0])
    assert kept(cands, r) == BODY
    assert dropped(cands, r)[HEADLINES[0]] == "disclaimer: 特别声明"


def test_disclaimer_word_in_the_first_half_without_disclaimer_vocabulary_is_kept() -> None:
    line = "声明：我们将在下月公布详细的项目计划。"
    cands, r = run(TITLE, P1, line, P2, P3, P4)
    assert kept(cands, r) == [P1, line, P2, P3, P4]


def test_disclaimer_in_the_head_with_vocabulary_goes() -> None:
    line = "声明：本文仅代表作者观点，与本平台无关。"
    cands, r = run(TITLE, line, *BODY)
    assert dropped(cands, r)[line] == "disclaimer: 声明"
    assert kept(cands, r) == BODY


def test_disclaimer_pattern_in_the_head_goes() -> None:
    line = "本文仅代表作者观点，不代表本站立场。"
    cands, r = run(TITLE, line, *BODY)
    assert dropped(cands, r)[line] == "disclaimer"
    assert kept(cands, r) == BODY


def test_disclaimer_inside_the_body_is_quoted_text() -> None:
    line = "本文仅代表作者观点，不代表本站立场。"
    cands, r = run(TITLE, P1, line, P2, P3, P4)
    assert kept(cands, r) == [P1, line, P2, P3, P4]


def test_end_marker_in_the_first_half_does_not_end_the_article() -> None:
    cands, r = run(TITLE, P1, "（完）", P2, P3, P4)
    assert kept(cands, r) == BODY
    assert dropped(cands, r)["（完）"] == "end-marker"


def test_prose_resuming_under_a_related_heading_is_all_kept() -> None:
    cands, r = run(TITLE, *BODY, "延伸阅读", P5, P6, P1.replace("新型", "传统"))
    assert kept(cands, r) == BODY + [P5, P6, P1.replace("新型", "传统")]


# -- structure: headline runs, repeats, link lists ---------------------------------


def test_run_of_headlines_after_the_body_goes() -> None:
    cands, r = run(TITLE, *BODY, *HEADLINES)
    assert kept(cands, r) == BODY
    assert all(dropped(cands, r)[h] == "headline-list" for h in HEADLINES)


def test_two_short_lines_after_the_body_are_not_a_headline_list() -> None:
    cands, r = run(TITLE, *BODY, *HEADLINES[:2])
    assert kept(cands, r) == BODY + HEADLINES[:2]


def test_short_lines_without_any_prose_are_not_a_headline_list() -> None:
    lines = ["新能源并网比例持续提高", "电网调峰压力逐年增大", "新型储能成为重要手段"]
    cands, r = run(TITLE, "新华社记者 张三", *lines)
    assert kept(cands, r) == lines
    assert "headline-list" not in {o.reason for o in r.outcomes}


def test_poem_lines_are_not_a_menu() -> None:
    poem = ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]
    cands, r = run("静夜思 唐代李白", *poem)
    assert kept(cands, r) == poem


def test_repeated_punctuated_caption_is_kept() -> None:
    caption = "图为储能电站施工现场，新华社记者摄。"
    cands, r = run(TITLE, P1, caption, P2, caption, P3, P4)
    assert kept(cands, r).count(caption) == 2


def test_repeated_unpunctuated_caption_between_paragraphs_is_kept() -> None:
    caption = "图为储能电站施工现场"
    cands, r = run(TITLE, P1, caption, P2, caption, P3, P4)
    assert kept(cands, r).count(caption) == 2


def test_repeated_unpunctuated_headline_outside_the_body_is_a_duplicate() -> None:
    line = "热点新闻快讯速览汇总"
    cands, r = run(TITLE, *BODY, line, line)
    assert [o.reason for c, o in zip(cands, r.outcomes) if c.text == line] == ["", "duplicate"]


def test_title_repeat_is_removed() -> None:
    cands, r = run(TITLE, P1, "【" + TITLE + "】", P2, P3)
    assert dropped(cands, r)["【" + TITLE + "】"] == "title-repeat"


def test_link_dense_block_goes_and_link_light_block_stays() -> None:
    cands = [
        Candidate(TITLE),
        Candidate(P1),
        Candidate("某地发生交通事故 明星婚礼现场曝光", link_density=0.9),
        Candidate(P2),
        Candidate("点击这里查看详细的统计数据", link_density=0.2),
        Candidate(P3),
    ]
    r = classify(cands)
    assert [o.reason for o in r.outcomes] == ["title", "", "link-list", "", "", ""]


# -- duplicate summary -----------------------------------------------------------


def test_summary_repeating_the_first_paragraph_goes() -> None:
    cands, r = run(TITLE, "摘要：" + P1, *BODY)
    assert dropped(cands, r)["摘要：" + P1] == "duplicate-summary: 摘要"
    assert kept(cands, r) == BODY


def test_summary_that_is_not_a_repeat_stays() -> None:
    summary = "摘要：本文介绍了储能产业的最新进展以及未来的发展方向。"
    cands, r = run(TITLE, summary, *BODY)
    assert kept(cands, r) == [summary] + BODY


# -- prompts inside prose ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "读者可以通过订阅邮件获取最新消息，这一功能已上线三年。",
        "点击下一页可以继续阅读，但很多读者并不知道这一点。",
        "很多用户喜欢使用猜你喜欢功能，因为它推荐的内容很准。",
        "公司发布声明称，将继续推进项目。",
        "编辑部认为这个问题值得讨论。",
    ],
)
def test_prose_mentioning_a_cue_word_is_kept(line: str) -> None:
    cands, r = run(TITLE, P1, P2, line, P3, P4)
    assert line in kept(cands, r)


@pytest.mark.parametrize(
    "line, why",
    [
        ("分享到：微信 微博", "share-prompt"),
        ("[图片]", "image-placeholder"),
        ("广告", "advertisement: 广告"),
        ("上一篇：某地发生交通事故", "navigation"),
        ("当前位置：首页 > 新闻", "breadcrumb: 当前位置"),
    ],
)
def test_prompt_lines_inside_the_body_go(line: str, why: str) -> None:
    cands, r = run(TITLE, P1, P2, line, P3, P4)
    assert dropped(cands, r)[line] == why
    assert kept(cands, r) == BODY


def test_short_sentence_with_a_prompt_word_is_kept() -> None:
    line = "目前已有超过十万名读者订阅了该刊物。"
    cands, r = run(TITLE, P1, P2, line, P3, P4)
    assert line in kept(cands, r)


# -- kinds -----------------------------------------------------------------------


def test_kinds_of_kept_blocks() -> None:
    cands, r = run(TITLE, P1, "一、发展现状", P2, "- 列表项", "> 引用一句话", "图为储能电站", P3)
    kinds = {c.text: o.kind for c, o in zip(cands, r.outcomes) if o.keep}
    assert kinds == {
        P1: BlockKind.PARAGRAPH,
        "一、发展现状": BlockKind.HEADING,
        P2: BlockKind.PARAGRAPH,
        "列表项": BlockKind.LIST_ITEM,
        "引用一句话": BlockKind.QUOTE,
        "图为储能电站": BlockKind.CAPTION,
        P3: BlockKind.PARAGRAPH,
    }


def test_reference_section_lines_are_references() -> None:
    refs = ["1. 张三，储能技术发展报告，2024", "2. 李四，电力系统研究，2023"]
    cands, r = run(TITLE, *BODY, "参考资料", *refs)
    kinds = {c.text: o.kind for c, o in zip(cands, r.outcomes) if o.keep}
    assert kinds["参考资料"] is BlockKind.HEADING
    assert [k for t, k in kinds.items() if "研究" in t or "报告" in t] == [BlockKind.REFERENCE] * 2


def test_unnumbered_references_under_a_reference_heading_are_kept() -> None:
    cands, r = run(TITLE, *BODY, "参考资料", "国家能源局储能发展报告", "中关村储能产业技术联盟")
    kinds = {c.text: o.kind for c, o in zip(cands, r.outcomes) if o.keep}
    assert kinds.get("国家能源局储能发展报告") is BlockKind.REFERENCE


def test_empty_input() -> None:
    r = classify([])
    assert r.outcomes == [] and r.title == "" and not r.title_derived


def test_signoff_after_the_body_goes_to_author() -> None:
    cands, r = run(TITLE, *BODY, "扬子晚报记者 张楠")
    assert kept(cands, r) == BODY
    assert dropped(cands, r)["扬子晚报记者 张楠"] == "meta: byline"
    assert r.meta.author == "张楠"


# -- consent banners, empty headings -------------------------------------------------

def test_consent_banner_above_the_article_goes() -> None:
    banner = "请同意我们的隐私权规范，才能启用听新闻的功能。"
    cands, result = run(TITLE, banner, *BODY)
    assert dropped(cands, result)[banner] == "consent"


@pytest.mark.parametrize("about", [
    "按照新规，用户须同意隐私政策后才能使用。",  # consent
    "他说，分享、点赞和在看这三个按钮的设计各有讲究，用户往往只会点其中一个。",  # buttons
    "该公司上月更新了隐私政策。",  # footer links
])
def test_a_body_sentence_mentioning_furniture_words_stays(about: str) -> None:
    cands, r = run(TITLE, P1, about, P2, P3)
    assert about in kept(cands, r)


def test_heading_left_with_nothing_under_it_goes() -> None:
    cands = [Candidate(text=t) for t in (P1, P2, P3)] + [Candidate(text="参考资料", kind=BlockKind.HEADING, tag="head")]
    result = classify(cands, TITLE)
    assert [o.keep for o in result.outcomes] == [True, True, True, False]
    assert result.outcomes[-1].reason == "empty-heading"


def test_links_after_prose_that_resumed_the_article_still_go() -> None:
    row = Candidate(text="网易财经 会赚钱的客户端： | 网易携手华泰证券 推出“打新神器”：", tag="row", link_density=1.0)
    cands = [Candidate(text=t) for t in (P1, P2, P3)] + [Candidate(text="相关新闻"), Candidate(text=P4), Candidate(text=P5), row]
    result = classify(cands, TITLE)
    assert not result.outcomes[-1].keep and result.outcomes[-1].reason == "link-list"


# -- the headline of a whole-page dump ---------------------------------------------

def test_headline_with_its_date_under_it_wins_over_menus_and_other_headlines() -> None:
    cands, r = run("首页 新闻 财经 体育 科技", "新闻中心", "更多编辑推荐新闻：", *HEADLINES, TITLE,
                   "2025年03月17日 10:30 新浪财经", *BODY)
    assert r.title == TITLE
    gone = dropped(cands, r)
    assert gone["首页 新闻 财经 体育 科技"] == "navigation: menu"
    assert gone["更多编辑推荐新闻："].startswith("related-links")
    assert all(h in gone for h in HEADLINES)
    assert gone["新闻中心"] == "above-title"
    assert kept(cands, r) == BODY


def test_label_with_a_date_under_it_is_not_the_headline() -> None:
    cands, r = run(TITLE, "央视新闻", "独家抢先看", "2019年02月20日 02:26:00", *BODY)
    assert r.title == TITLE


def test_long_punctuated_headline_is_found_without_a_date() -> None:
    headline = "故宫，你低调点！故宫：不，实力已不允许我继续低调"
    cands, r = run("首页 资讯 视频 财经 娱乐", "资讯 > 大陆 > 正文", headline, "中国新闻网", *BODY)
    assert r.title == headline


# -- buttons, account cards, links inside a dump's body ------------------------------

def test_short_lines_after_a_button_row_go() -> None:
    cands, r = run(TITLE, *BODY, "阅读原文", "阅读", "在看", "已同步到看一看写下你的想法")
    gone = dropped(cands, r)
    assert gone["阅读原文"].startswith("share-prompt")
    assert gone["阅读"].startswith("share-prompt") and gone["在看"].startswith("share-prompt")
    assert gone["已同步到看一看写下你的想法"] == "button-row"
    assert kept(cands, r) == BODY


def test_a_letter_s_salutation_is_no_byline() -> None:
    # (a line ending in a colon opens what follows: 尊敬的市长： names no author)
    cands, r = run(TITLE, "尊敬的市长：", *BODY)
    assert kept(cands, r) == ["尊敬的市长：", *BODY] and r.meta.author is None


def test_short_lines_after_the_body_without_buttons_stay() -> None:
    cands, r = run(TITLE, *BODY, "图为储能电站", "（本文作者为行业分析师）")
    assert kept(cands, r) == [*BODY, "图为储能电站", "（本文作者为行业分析师）"]


def test_wechat_account_card_under_the_headline_goes() -> None:
    cands, r = run(TITLE, "爱否科技", "微信号 FViewXFG", "功能介绍 聚焦手机互联网领域的行业思考", "昨天", *BODY)
    gone = dropped(cands, r)
    assert gone["微信号 FViewXFG"].startswith("account-card")
    assert gone["功能介绍 聚焦手机互联网领域的行业思考"].startswith("account-card")
    assert gone["昨天"] == "meta"
    assert kept(cands, r)[-4:] == BODY


def test_two_headlines_in_a_row_inside_a_dump_body_are_links() -> None:
    links = ["鸡蛋较春节后淡季少百万颗 通路多为中高价产品", "陈吉仲：天气回稳 鸡蛋2月下旬可逐步恢复产量"]
    cands, r = run(TITLE, P1, *links, P2, P3)
    assert {dropped(cands, r)[h] for h in links} == {"headline-list"}


def test_a_subheading_and_a_question_inside_the_body_stay() -> None:
    lines = ["共享充电宝告别1元时代", "你还记得，上一次共享充电宝被扣了多少钱吗？"]
    cands, r = run(TITLE, P1, *lines, P2, P3)
    assert kept(cands, r) == [P1, *lines, P2, P3]


def test_a_lead_lifted_from_a_longer_paragraph_is_a_duplicate_summary() -> None:
    lead = "专家认为，储能将成为新型电力系统的重要组成部分，行业仍需解决安全标准等问题，商业模式和电价机制也有待完善。"
    long = ("专家认为，储能将成为新型电力系统的重要组成部分。他在接受采访时说，行业仍需解决安全标准等问题，"
            "商业模式和电价机制也有待完善，才能实现健康发展，这需要政府、企业和研究机构各方共同努力，"
            "也需要更多的时间来检验不同技术路线的成熟度。")
    cands, r = run(TITLE, lead, P1, P2, long, P4)
    assert dropped(cands, r)[lead] == "duplicate-summary"
    assert kept(cands, r) == [P1, P2, long, P4]


def test_a_lead_in_with_nothing_left_under_it_goes() -> None:
    listed = [line for h in HEADLINES for line in (h, "2020年07月08日 13:36:14")]
    cands, r = run(TITLE, *BODY, "更多精彩内容请进入理论频道", "理论新闻精选：", *listed)
    assert dropped(cands, r)["理论新闻精选："] == "empty-heading"
    assert kept(cands, r) == BODY


def test_comment_count_and_commenter_lines_open_the_comment_tail() -> None:
    comment = "建议以后这种危险景区给游客佩戴定位手环，大家都安全。"
    cands, r = run(TITLE, *BODY, "4,060 条评论", "我每天都在微笑 5小时前", comment, "回复 1")
    assert kept(cands, r) == BODY


def test_short_headline_with_its_date_under_it_beats_a_long_strapline() -> None:
    cands, r = run("中共中央宣传部委托新华通讯社主办", "益阳：“数字”是优长", "2020-01-02 17:11", "来源：半月谈网", *BODY)
    assert r.title == "益阳：“数字”是优长"


def test_a_subheading_set_on_two_lines_stays() -> None:
    cands, r = run(TITLE, P1, "追加的保证金两天亏完", "融资客主动割肉离场", P2, P3)
    assert kept(cands, r) == [P1, "追加的保证金两天亏完", "融资客主动割肉离场", P2, P3]


def test_a_whole_line_related_heading_ends_even_a_short_article() -> None:
    short = ["（法新社罗马19日电）德国网球好手兹韦列夫今天在意大利公开赛决赛中以直落二击败智利对手，夺得生涯第二座罗马冠军。",
             "世界排名第5的兹韦列夫，今天是继2017年后再度在意大利公开赛封王，他在赛后感性地说，罗马对他意义非凡。"]
    teasers = [line for k in range(4) for line in (
        f"法新社·{k + 2} 天前", HEADLINES[k % 3],
        "（法新社巴黎21日电）网球名将纳达尔昨天现身法国公开赛球场练球，今年参赛与否二十三日揭晓，吸引六千人争睹。")]
    cands, r = run(TITLE, *short, "其他人也在看", *teasers)
    assert kept(cands, r) == short


def test_a_dated_headline_with_the_outlet_between_it_and_the_date() -> None:
    cands, r = run("《Yahoo 新闻》报道 一个专页睇晒", "法新社", TITLE, "法新社", "2024年5月20日 下午2:05", *BODY)
    assert r.title == TITLE


def test_teasers_follow_needs_headlines_and_ledes_alternating() -> None:
    from reader.extract.classify import _Pass, _cue, _teasers_follow, Outcome

    def follows(*lines: str) -> bool:
        cands = segment_text(dump("相关文章", *lines))
        return _teasers_follow(_Pass(cands, [_cue(c) for c in cands], [Outcome() for _ in cands]), 0)

    assert follows(HEADLINES[0], P4, HEADLINES[1], P5, HEADLINES[2], P6)
    # a blog post in short unpunctuated lines, then its paragraphs: no teasers
    assert not follows("美树营地的枫香树早已金黄泛红", "营区内除了露营还有民宿和餐饮", "每年十二月都是外拍的好时节", P4, P5, P6)


def test_a_platform_storage_notice_ends_even_a_one_paragraph_article_for_good() -> None:
    notice = "以上内容（包括图片及视频）为创作者平台“快传号”用户上传并发布，本平台仅提供信息存储服务"
    article = P1 + P2  # one paragraph
    next_article = [P3, P4, P5, P6]  # a feed loads the next article under it
    cands, r = run(TITLE, article, notice, "登录并评论", "31岁在春晚一炮而红，观众都以为他隐退了", *next_article)
    assert kept(cands, r) == [article]


def test_a_short_account_name_between_headline_and_date_is_skipped() -> None:
    cands, r = run("分享", "汽车品牌直播拍到女主播裙底，涉事账号被无限期封禁！", "环球时报新媒体",
                   "2024-05-18 16:56发布于环球时报新媒体官方账号", *BODY)
    assert r.title == "汽车品牌直播拍到女主播裙底，涉事账号被无限期封禁！"


def test_a_bare_date_under_the_headline_is_the_page_date() -> None:
    cands, r = run(TITLE, "2024-05-20 09:37", "来源：中国网", *BODY)
    assert (r.meta.date, r.meta.source) == ("2024-05-20 09:37", "中国网")
    assert kept(cands, r) == BODY


def test_a_dateline_with_a_report_button_above_the_article_is_no_comment() -> None:
    cands, r = run(TITLE, "2019-09-09 16:19:28 来源: 华龙网 举报", *BODY)
    assert (r.meta.date, r.meta.source) == ("2019-09-09 16:19:28", "华龙网")
    assert dropped(cands, r)["2019-09-09 16:19:28 来源: 华龙网 举报"] == "meta: dateline"


def test_an_article_paragraph_ending_in_a_details_link_stays_without_the_link() -> None:
    from reader.extract.classify import classify as run_classify

    para = P2 + "详情>>"
    cands = segment_text(dump(TITLE, P1, para, P3))
    r = run_classify(cands)
    out = r.outcomes[2]
    assert out.keep and out.text == P2 and out.cut == "详情>>" and out.reason.startswith("teaser")


# -- the core of a whole-page dump (core.py) --------------------------------------------

MENU = ["首页", "新闻", "财经", "体育", "娱乐", "科技", "汽车", "房产", "登录", "注册"]
SIDEBAR = [  # another story's lede, set above the headline in a sidebar
    "热点",
    "某市今年将新建二十所中小学校，预计新增学位三万个，缓解城区入学压力，相关工程已陆续开工建设，预计明年秋季投入使用。",
]
COMMENTS = [line for n in range(6) for line in (
    f"网友{n}号", str(10 + n), f"说得好，支持一下{'！' * (n % 2 + 1)}", "北京网友", "回复")]
FOOTER = ["关于我们", "联系我们", "广告服务", "网站地图", "Copyright 2024 All Rights Reserved"]


def whole_page(*article: str) -> list[str]:
    return [*MENU, *SIDEBAR, "更多", *MENU[:6], "我要投稿", TITLE, "2024-05-20 09:00 来源：某某网", *article,
            "分享", "收藏", "点赞", *COMMENTS, *FOOTER]


def test_a_whole_page_dump_keeps_its_core_and_nothing_around_it() -> None:
    cands, r = run(*whole_page(*BODY))
    assert r.title == TITLE
    assert kept(cands, r) == BODY
    gone = dropped(cands, r)
    assert gone[SIDEBAR[1]] == "outside-core: head"  # prose, but above the headline
    assert gone["说得好，支持一下！！"] == "outside-core: tail"  # a comment, past a wall of furniture


def test_short_sentences_inside_the_core_do_not_break_it() -> None:
    poem = ["床前明月光，", "疑是地上霜。", "举头望明月，", "低头思故乡。"]
    cands, r = run(*whole_page(P1, P2, *poem, P3, P4))
    assert kept(cands, r) == [P1, P2, *poem, P3, P4]


def test_a_lead_in_after_the_core_stays() -> None:
    cands, r = run(*whole_page(*BODY, "最后放一则我特别喜欢的小漫画：", "![](https://example.com/a.png)"))
    assert kept(cands, r) == [*BODY, "最后放一则我特别喜欢的小漫画："]


def test_a_scraped_article_with_little_around_it_is_no_whole_page() -> None:
    cands, r = run("首页", "新闻", TITLE, *BODY, "说得好，支持一下！", hint=TITLE)
    assert kept(cands, r) == [*BODY, "说得好，支持一下！"]  # no core: nothing goes as outside it…
    gone = dropped(cands, r)
    assert gone["首页"] == gone["新闻"] == "above-title"  # …but what stands above the headline is the page's


def test_a_run_of_teasers_under_a_related_heading_is_not_the_core() -> None:
    article = ["北京时间5月20日，步行者战胜尼克斯晋级东部决赛。", "尼克斯官方宣布，布伦森左手骨折。"]
    teasers = [f"{h}，{h}的最新消息引发网友热议，究竟发生了什么？快来看看吧！" for h in ("某明星婚礼", "新款手机", "某地暴雨", "某球队夺冠")]
    cands, r = run(*MENU, *MENU, TITLE, "2024-05-20 06:48", *article, "大家都在看", *teasers, *FOOTER)
    assert kept(cands, r)[:2] == article


def test_a_sentence_whose_names_are_links_stays_and_a_list_of_link_titles_goes() -> None:
    # an encyclopedia's sentence: most of its characters are links, but its own words
    # and marks stand between them and it ends on a full stop
    linked = Candidate("首批迁入的高校有北京林业大学、北京交通大学、北京科技大学和中国地质大学。", link_density=0.67, tag="p")
    titles = Candidate("另一篇文章的标题，第一篇。另一篇文章的标题，第二篇。", link_density=1.0, tag="p")
    cands = [Candidate(TITLE, kind=BlockKind.HEADING, tag="head")] + [Candidate(p, tag="p") for p in (P1, P2)] \
        + [linked] + [Candidate(p, tag="p") for p in (P3, P4)] + [titles]
    r = classify(cands, TITLE)
    assert linked.text in kept(cands, r)
    assert dropped(cands, r)[titles.text] == "link-list"


def test_a_heading_element_after_a_button_row_ends_it() -> None:
    # a section's <h2> (译文) under the buttons of the box above it is no button
    verse = ["空山新雨后，天气晚来秋。", "明月松间照，清泉石上流。"]
    cands = [Candidate(TITLE, BlockKind.HEADING, tag="head", heading_level=1), *(Candidate(v, tag="p") for v in verse),
             Candidate("收藏", tag="p"), Candidate("完善", tag="p", link_density=1.0),
             Candidate("译文", BlockKind.HEADING, tag="head", heading_level=2), *(Candidate(b, tag="p") for b in BODY)]
    r = classify(cands, TITLE)
    assert dropped(cands, r)["收藏"].startswith("share-prompt")
    assert "译文" in kept(cands, r)


def test_a_subhead_element_above_the_first_paragraph_is_no_byline() -> None:
    # <h2>写在前面</h2> names the first section; the same short line as a paragraph is
    # still read as the author's name
    def first_line(cand: Candidate) -> tuple[list[str], dict[str, str]]:
        cands = [Candidate(TITLE, BlockKind.HEADING, tag="head", heading_level=1), cand,
                 *(Candidate(b, tag="p") for b in BODY)]
        r = classify(cands, TITLE)
        return kept(cands, r), dropped(cands, r)

    keep, _ = first_line(Candidate("写在前面", BlockKind.HEADING, tag="head", heading_level=2))
    assert keep[0] == "写在前面"
    _, gone = first_line(Candidate("王小明", tag="p"))
    assert gone["王小明"] == "meta: byline"


def test_a_short_label_over_the_dateline_is_part_of_it() -> None:
    # the outlet over the byline, the account over the date: metadata, not the article
    cands, r = run(TITLE, "人民日报客户端", "作者：林涛", "2020-05-21 16:08", *BODY)
    assert dropped(cands, r)["人民日报客户端"] == "meta: byline"
    assert (r.meta.source, r.meta.author) == ("人民日报客户端", "林涛") and kept(cands, r) == BODY
    cands, r = run(TITLE, "老周的小城日子", "2019-04-16 07:42:18", *BODY)
    assert r.meta.author == "老周的小城日子" and kept(cands, r) == BODY
    # a subtitle says more than a name: it stays for the rules that judge subtitles
    cands, r = run(TITLE, "——记青溪村的春天", "作者：林涛", *BODY)
    assert "——记青溪村的春天" not in dropped(cands, r) or dropped(cands, r)["——记青溪村的春天"] != "meta: byline"


def test_a_template_s_unfilled_fields_are_markup() -> None:
    # a comment box's template flattened into the dump: {AddTime}, 网友:{AddUser}, {Content}
    cands, r = run(TITLE, *BODY, "• {AddTime}", "网友:{AddUser}", "{Content}", "{{ item.title }}")
    gone = dropped(cands, r)
    assert all(gone[line] == "markup" for line in ("{AddTime}", "网友:{AddUser}", "{Content}", "{{ item.title }}")), gone
    # a sentence that writes braces is no template
    cands, r = run(TITLE, *BODY, "公式里的{x}表示未知数，代入已知条件之后，就可以把它求出来，这是方程最基本的用法。")
    assert "公式里的{x}表示未知数，代入已知条件之后，就可以把它求出来，这是方程最基本的用法。" in kept(cands, r)


def test_an_editor_line_under_the_article_closes_it() -> None:
    # 责任编辑 under the story, then a sidebar's ticker of news flashes (each a sentence)
    ticker = ["20:04【两市两融余额增加21.4亿元】截至6月17日，沪深两市融资融券余额较上一交易日增加21.4亿元。",
              "19:58东岳精工：拟投资5.2亿元建设精密轴承扩产项目，项目建设期为两年，资金来源为自有资金。",
              "19:46【北向资金今日净买入38.7亿元】其中沪股通净买入22.1亿元，深股通净买入16.6亿元。"]
    cands, r = run(TITLE, *BODY, "责任编辑：杨赐", *ticker)
    assert kept(cands, r) == BODY and r.meta.editor == "杨赐"
    # above the story an editor line closes nothing; nor does a wiki's bare "编辑" link
    cands, r = run(TITLE, "责任编辑：杨赐", *BODY)
    assert kept(cands, r) == BODY
    cands, r = run(TITLE, BODY[0], BODY[1], "编辑", BODY[2])
    assert BODY[2] in kept(cands, r)
