"""Which early line of a page is its headline, and a derived one when there is none."""
from __future__ import annotations

import pytest

from reader.extract.candidate import Candidate
from reader.extract.headline import derive_title, headline_shaped, is_dateline, pick_title
from reader.extract.rules import match_cue

PROSE = "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策，推动一批重点项目加快落地，行业整体规模持续扩大。"


def pick(*lines: str) -> str | None:
    cands = [Candidate(text=t) for t in lines]
    first_body = next((i for i, t in enumerate(lines) if t == PROSE), len(lines))
    i = pick_title(cands, [match_cue(t) for t in lines], first_body)
    return None if i is None else lines[i]


def test_the_first_headline_like_line_by_default() -> None:
    assert pick("储能产业迎来快速增长", "燕梳楼", PROSE) == "储能产业迎来快速增长"


def test_the_line_with_its_date_under_it_wins() -> None:
    assert pick("某地发生交通事故致三人受伤", "新闻中心", "储能产业迎来快速增长", "2025年03月17日 10:30 新浪财经", PROSE) \
        == "储能产业迎来快速增长"


def test_share_buttons_between_headline_and_date_do_not_hide_it() -> None:
    assert pick("首页 风闻 观察员 国际 军事 财经", "储能产业迎来快速增长", "分享到：", "9 70", "2019-09-09 19:32:27 来源：中新网", PROSE) \
        == "储能产业迎来快速增长"


def test_a_long_headline_beats_a_short_label_above_it() -> None:
    assert pick("新闻中心", "故宫，你低调点！故宫：不，实力已不允许我继续低调", "中国新闻网", PROSE) \
        == "故宫，你低调点！故宫：不，实力已不允许我继续低调"


def test_a_numbered_section_heading_on_top_means_no_headline() -> None:
    assert pick("一、行业概况", PROSE) is None


def test_menus_and_datelines_are_never_the_headline() -> None:
    assert pick("首页 资讯 视频 财经 娱乐 体育", "2025-03-17 10:30", PROSE) is None


@pytest.mark.parametrize("text", ["2025-03-17 17:30 中央社", "新华社记者 王小明 报道", "2019年09月07日 04:04 北京日報"])
def test_datelines(text: str) -> None:
    assert is_dateline(text)


# (a sentence cut at a link, as get_text("\n") writes it, may open on its date: it goes on)
@pytest.mark.parametrize("text", [PROSE, "储能产业迎来快速增长", "2020年10月16日，", "2020年10月16日、",
                                  "人民日报记者：资金从哪里来？有哪些支持？", "记者：真的是2020年吗?"])  # (a question)
def test_not_datelines(text: str) -> None:
    assert not is_dateline(text)


def test_headline_shape_allows_a_colon_and_commas_but_not_a_full_stop() -> None:
    assert headline_shaped("棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等")
    assert not headline_shaped("这是一个完整的句子。")
    assert not headline_shaped("主要措施包括：")


def test_derived_title_is_the_opening_sentence_cut_at_a_clause() -> None:
    cands = [Candidate(text=PROSE)]
    title = derive_title(cands, [True])
    assert title.startswith("新型储能产业在今年迎来快速增长") and title.endswith("…")
    assert derive_title(cands, [False]) == ""


def test_a_derived_title_is_made_from_the_printed_text_not_a_picture_s_mark() -> None:
    cands = [Candidate(text="![status](chrome-extension://x/status_on.png) " + PROSE)]
    assert derive_title(cands, [True]).startswith("新型储能产业在今年迎来快速增长")


def test_an_author_box_with_the_date_under_it_is_not_the_headline() -> None:
    assert pick("首页 风闻 观察员 国际 军事 财经", "王文：中美贸易“持久战”，中国人的斗志被激发", "![](author.png)",
                "王文中国人民大学重阳金融研究院执行院长", "分享到：", "2019-09-07 09:25:09 来源：观察者网", PROSE) \
        == "王文：中美贸易“持久战”，中国人的斗志被激发"


def test_the_dated_headline_may_stand_far_below_a_long_menu() -> None:
    menu = [f"栏目{i}" for i in range(20)]
    assert pick("储能产业迎来快速增长_网易新闻", *menu, "储能产业迎来快速增长", "2019-09-08 00:20:15 来源: 每日经济新闻", PROSE) \
        == "储能产业迎来快速增长"


def test_the_line_repeating_the_title_bar_s_head_is_the_headline() -> None:
    # a whole page flattened: <title> ("headline @ blog :: site") on top, a popup's
    # long prompt and the blog's menu, then the post's own headline with no date under it
    menu = [f"栏目{i}" for i in range(70)]
    assert pick("山中賞楓記 @ 小明的家 :: 部落格 ::", "邀請您追蹤本站，收到精選熱門話題與好康活動", *menu,
                "山中賞楓記", PROSE) == "山中賞楓記"
    assert pick("储能产业迎来快速增长_网易新闻", "燕梳楼", "储能产业迎来快速增长", PROSE) == "储能产业迎来快速增长"


def test_a_title_bar_repeat_needs_a_separator_after_the_head() -> None:
    # "储能产业" is the head of the first line but no site name is set off after it
    assert pick("储能产业迎来快速增长", "新闻中心", "储能产业", PROSE) == "储能产业迎来快速增长"


def test_a_chapter_after_its_book_s_name_in_the_title_bar_is_the_headline() -> None:
    # a novel site's <title>: "书名 第N章 章名 - 站名"; the chapter line under the site's
    # greeting, menus and display controls is the page's headline, numbered or not
    assert pick("剑起青萍 第三十二章 夜渡寒江 - 风起中文网", "您好，欢迎光临风起中文网！ [登录] [注册] [我的书架]",
                "背景颜色：默认白色淡黄淡绿", "字体大小：小中大", "第三十二章 夜渡寒江", PROSE) == "第三十二章 夜渡寒江"
    # …but not a name after the headline: the blog's name in "标题 (2) @ 博客名 :: 站名"
    assert pick("新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::", "史蒂文的家_藍天",
                "新竹尖石_美樹營地賞楓 (2)", PROSE) == "新竹尖石_美樹營地賞楓 (2)"


def test_a_colon_in_the_title_bar_is_the_headline_s_own() -> None:
    # "王文：…" is a columnist's headline, not "site: headline"
    assert pick("储能观察：产业迎来快速增长", "储能观察", PROSE) == "储能观察：产业迎来快速增长"


def test_a_blog_s_post_title_under_its_date_header_beats_the_blog_s_name() -> None:
    # html2text of a Blogger page: the blog's name (# ), the date header (## ), the post (### )
    from reader.extract.segment import segment_text

    lines = ["# Chinese Pinyin Lyrics", "## Thursday, July 28, 2011", "### 只能想念你 - 蕭敬騰", "爱 逝去的爱 讨不回来",
             "我还有话想对你说", "## Visitors", "## Blog Archive"]
    cands = segment_text("\n".join(lines))
    i = pick_title(cands, [match_cue(c.text) for c in cands], len(cands))
    assert i is not None and cands[i].text == "只能想念你 - 蕭敬騰"


def test_with_nothing_headline_like_above_it_the_line_under_a_date_is_the_post_s_title() -> None:
    assert pick("歌词网 - 想念你 - 某歌手", "歌词网", "Thursday, July 28, 2011", "想念你 - 某歌手", "春风吹过山岗 花开满地",
                "Chun feng chui guo shan gang") == "想念你 - 某歌手"
    # a headline above the date (an account's name twice between them) stays the headline
    assert pick("武汉的声音：有英勇的你，才有英雄的城！", "半月谈", "半月谈", "2020-02-19", "“妈妈，为什么还不能出去？”",
                PROSE) == "武汉的声音：有英勇的你，才有英雄的城！"


def test_a_byline_between_the_headline_and_its_date_still_dates_it() -> None:
    assert pick("澎湃新闻客户端全新改版上线", "共享充电宝涨价告别1元时代：是收割韭菜还是回归理性", "石佳/中国青年报",
                "2019-09-24 09:10", PROSE) == "共享充电宝涨价告别1元时代：是收割韭菜还是回归理性"
    # …but two labels, or a sentence, between them do not
    assert pick("澎湃新闻客户端全新改版上线", "共享充电宝涨价告别1元时代", "石佳/中国青年报", "编辑部", "2019-09-24 09:10",
                PROSE) == "澎湃新闻客户端全新改版上线"


def test_a_headline_with_its_original_badge_glued_on_is_the_headline_without_it() -> None:
    from reader.extract.headline import headline_text

    assert pick("原创最不愁吃肉的国家：顿顿有肉吃，却要靠中国运输蔬菜水果", "去驴行", PROSE) \
        == "原创最不愁吃肉的国家：顿顿有肉吃，却要靠中国运输蔬菜水果"
    assert headline_text("原创最不愁吃肉的国家：顿顿有肉吃，却要靠中国运输蔬菜水果") == "最不愁吃肉的国家：顿顿有肉吃，却要靠中国运输蔬菜水果"
    # a WeChat byline opening with the badge is no headline
    assert headline_text("原创 王五 某某财经公众号") == "原创 王五 某某财经公众号"
    assert pick("原创 王五 某某财经公众号", "2024-05-20 09:00", PROSE) is None
