"""The cue table: every family fires in its furniture shape, never on prose that
merely mentions the word.  Simplified and Traditional forms alike."""
from __future__ import annotations

import pytest

from reader.extract.rules import (
    CUES,
    FURNITURE_TOKENS,
    Shape,
    heading_cue,
    match_cue,
    reason,
    strip_decoration,
)


def label(text: str) -> str | None:
    found = match_cue(text)
    return reason(*found) if found else None


def family(text: str) -> str | None:
    found = match_cue(text)
    return found[0].family if found else None


# -- related-links / comments headings ---------------------------------------------


@pytest.mark.parametrize(
    "text, cue",
    [
        ("猜你喜欢", "猜你喜欢"),
        ("猜你喜歡", "猜你喜欢"),
        ("相关阅读", "相关阅读"),
        ("相關閱讀", "相关阅读"),
        ("延伸閱讀", "延伸阅读"),
        ("延伸阅读", "延伸阅读"),
        ("全站最新", "全站最新"),
        ("往期推荐", "往期推荐"),
        ("往期推薦", "往期推荐"),
        ("熱門推薦", "热门推荐"),
        ("作者最新文章", "作者最新文章"),  # an author's page lists their other articles
        ("作者其他文章", "作者其他文章"),
    ],
)
def test_related_heading_fires_as_whole_line(text: str, cue: str) -> None:
    assert label(text) == f"related-links: {cue}"
    found = match_cue(text)
    assert found is not None and found[0].region and found[0].shape is Shape.HEADING


@pytest.mark.parametrize(
    "decorated",
    ["## 猜你喜欢", "【相关阅读】", "猜你喜欢 更多>>", "相关阅读 换一换", "相关新闻(12)", "—— 往期推荐 ——", "猜你喜欢："],
)
def test_related_heading_tolerates_decoration_counts_and_more_links(decorated: str) -> None:
    assert family(decorated) == "related-links"


@pytest.mark.parametrize(
    "prose",
    [
        "很多用户喜欢使用猜你喜欢功能，因为它推荐的内容很准。",
        "相关阅读材料已经发给各位代表",
        "他在全站最新的一期节目中谈到了储能的未来发展方向以及面临的挑战",
        "这是一个超过十六个字符的很长的标题猜你喜欢",
    ],
)
def test_related_word_inside_prose_does_not_fire(prose: str) -> None:
    assert family(prose) != "related-links"
    assert heading_cue(prose) is None


@pytest.mark.parametrize("text", ["网友评论", "網友評論", "热门评论", "我来说两句", "精选留言"])
def test_comment_headings_open_a_region(text: str) -> None:
    found = match_cue(text)
    assert found is not None and found[0].family == "comments" and found[0].region


def test_comment_word_in_a_sentence_is_not_a_heading() -> None:
    assert match_cue("最新评论功能已经上线，用户可以发表看法。") is None


# -- disclaimers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cue",
    [
        ("特别声明：以上内容仅代表作者本人观点，不代表平台立场。", "特别声明"),
        ("特別聲明：以上內容僅代表作者本人觀點。", "特别声明"),
        ("免责声明：本文仅供参考，不构成投资建议。", "免责声明"),
        ("免責聲明：本文僅供參考，不構成投資建議。", "免责声明"),
        ("【版权声明】：本文为原创内容", "版权声明"),
        ("平臺聲明：本文由作者上傳並發布", "平台声明"),
    ],
)
def test_disclaimer_prefix_fires(text: str, cue: str) -> None:
    assert label(text) == f"disclaimer: {cue}"


def test_english_platform_notice_is_a_disclaimer() -> None:
    text = "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user."
    assert family(text) == "disclaimer"
    assert label(text).startswith("disclaimer: Notice: The content")


def test_bracketed_disclaimer_heading_without_colon_fires() -> None:
    assert label("【免责声明】本文仅代表作者本人观点，与本网站无关。") == "disclaimer: 免责声明"


@pytest.mark.parametrize(
    "text",
    [
        "本文来源于网络，如有侵权请联系删除。",
        "本站文章仅代表作者观点",
        "转载请注明出处",
        "未经授权，禁止转载。",
        "Copyright 2025 ACME News",
        "版权所有 © 2025 某某网",
        "© 2025 某某网",
        "中国日报网版权说明：凡注明来源为“中国日报网”的所有作品，版权均属于中国日报网。",
        "版权保护：本网登载的内容（包括文字、图片）版权属本网所有。",
        "本作品为“某某科普”原创，转载时务请注明出处。",
    ],
)
def test_disclaimer_patterns_fire_without_a_heading_word(text: str) -> None:
    assert label(text) == "disclaimer"  # pattern cues are labelled by family alone


def test_traditional_reprint_notice_is_a_disclaimer() -> None:
    assert family("轉載請注明出處") == "disclaimer"


@pytest.mark.parametrize(
    "prose",
    [
        "公司发布声明称，将继续推进项目。",
        "声明称公司将继续经营",
        "该公司随后发表的声明中表示，事故原因正在调查。",
        "公司聲明指出，產品不存在質量問題。",
    ],
)
def test_statement_inside_a_sentence_is_not_a_disclaimer(prose: str) -> None:
    assert match_cue(prose) is None


# -- breadcrumbs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("当前位置：首页 > 新闻 > 正文", "breadcrumb: 当前位置"),
        ("當前位置：首頁 > 新聞", "breadcrumb: 当前位置"),
        ("您的位置: 首页 > 财经", "breadcrumb: 您的位置"),
        ("首页 » 资讯 » 正文", "breadcrumb"),
        ("首頁 > 新聞 > 正文", "breadcrumb"),
        ("Home > News > Article", "breadcrumb"),
        ("首页 / 科技", "breadcrumb"),
    ],
)
def test_breadcrumbs_fire(text: str, expected: str) -> None:
    assert label(text) == expected


@pytest.mark.parametrize("prose", ["当前位置很重要，他说。", "首页新闻很多", "首页上的新闻大多来自通讯社。"])
def test_breadcrumb_words_in_prose_do_not_fire(prose: str) -> None:
    assert family(prose) != "breadcrumb"


@pytest.mark.parametrize("record", ["1999 / 英国 美国 / 剧情 喜剧 / 某导演 / 某演员", "[英] 某作家 / 2006 / 某某出版社",
                                    "某译者 编译 / 2008年1月 / 某某出版社"])
def test_a_film_or_book_record_with_a_year_segment_is_no_breadcrumb(record: str) -> None:
    assert family(record) != "breadcrumb"
    assert family("新闻中心 / 国内新闻 / 正文") == "breadcrumb"


# -- metadata lines ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, field",
    [
        ("IP属地：北京", "meta", None),
        ("IP屬地：台灣", "meta", None),
        ("2025-03-17 发布于上海 阅读量 1.2万", "meta", None),
        ("责任编辑：张三", "meta: 责任编辑", "editor"),
        ("責任編輯：王大明", "meta: 责任编辑", "editor"),
        ("编辑 柳晴雪", "meta: 编辑", "editor"),
        ("来源：新华社", "meta: 来源", "source"),
        ("來源：中央社", "meta: 来源", "source"),
        ("作者：李四", "meta: 作者", "author"),
        ("作者｜李四", "meta: 作者", "author"),  # full-width bars as separators
        ("作者︱李四", "meta: 作者", "author"),
        ("发布时间：2025-03-17 17:30", "meta: 发布时间", "date"),
    ],
)
def test_meta_lines_fire_and_name_their_field(text: str, expected: str, field: str | None) -> None:
    found = match_cue(text)
    assert found is not None
    assert reason(*found) == expected
    assert found[0].meta == field


@pytest.mark.parametrize(
    "prose",
    [
        "编辑部认为这个问题值得讨论。",
        "来源于网络的消息不一定可靠",
        "作者认为，储能产业的发展还需要更多政策支持。",
        "时间过得很快，转眼又是一年。",
    ],
)
def test_meta_words_starting_a_sentence_do_not_fire(prose: str) -> None:
    assert family(prose) != "meta"


def test_prefix_label_drops_the_separator_丨() -> None:
    assert label("作者丨张三") == "meta: 作者"


# -- end markers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["--THE END--", "THE END", "END", "全文完", "（完）", "(完)", "【完】", "— 完 —", "全文完，感谢阅读。", "本文完"]
)
def test_end_markers_fire(text: str) -> None:
    assert label(text) == "end-marker"


@pytest.mark.parametrize("prose", ["完成", "完美收官", "THE END OF AN ERA IS NEAR", "比赛全文完整地记录在案。"])
def test_end_marker_needs_the_whole_line(prose: str) -> None:
    assert family(prose) != "end-marker"


# -- image placeholders and prompts ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["![](https://img.example.com/a.png)", "![图片](a.jpg) ![](b.jpg)", "[图片]", "[圖片]", "点击查看大图", "<img src='a.png'>",
     "![](a.jpg) __"],  # (a gallery's picture beside an icon link, whose empty text html2text writes as "__")
)
def test_image_placeholders_fire(text: str) -> None:
    assert label(text) == "image-placeholder"


def test_image_mark_inside_text_is_not_a_placeholder() -> None:
    assert family("如图所示![](a.png)，储能电站规模很大。") != "image-placeholder"


@pytest.mark.parametrize(
    "text", ["分享到：微信 微博", "分享至：", "點擊關注我們", "长按识别二维码关注", "設為星標", "阅读原文", "订阅"]
)
def test_share_prompts_fire(text: str) -> None:
    assert label(text) == "share-prompt"


@pytest.mark.parametrize("text", ["上一篇：某地发生交通事故", "下一頁", "返回首页", "展开全文"])
def test_navigation_prompts_fire(text: str) -> None:
    assert label(text) == "navigation"


def test_long_prose_with_a_prompt_word_is_beyond_the_prompt_length() -> None:
    # The prompt patterns only look at short lines (<= 60 characters).
    prose = "很多读者通过订阅电子邮件的方式获取我们每周的行业报告，" * 3
    assert match_cue(prose) is None
    # Prompts anchored at the line start do not fire on a sentence that merely contains them.
    assert match_cue("点击下一页可以继续阅读，但很多读者并不知道这一点。") is None


@pytest.mark.parametrize("text, word", [("广告", "广告"), ("廣告", "广告"), ("Advertisement", "Advertisement")])
def test_advertisement_line_fires_only_as_whole_line(text: str, word: str) -> None:
    assert label(text) == f"advertisement: {word}"
    assert match_cue(f"这家公司今年的{text}投入大幅增加。") is None


def test_summary_prefix_is_a_cue_and_summary_word_in_prose_is_not() -> None:
    assert label("摘要：储能产业迎来快速增长") == "duplicate-summary: 摘要"
    assert label("導讀：儲能產業迎來快速增長") == "duplicate-summary: 导读"
    assert match_cue("摘要部分通常由作者自行撰写。") is None


# -- helpers and table invariants -------------------------------------------------


def test_strip_decoration_and_heading_cue_limits() -> None:
    assert strip_decoration("【 相关阅读 】") == "相关阅读"
    assert strip_decoration("## 猜你喜欢 ：") == "猜你喜欢"
    assert heading_cue("") is None
    assert heading_cue("———") is None
    found = heading_cue("猜你喜欢 更多>>")
    assert found is not None and found[1] == "猜你喜欢"


def test_reason_labels_heading_and_prefix_cues_with_their_words_only() -> None:
    heading = next(c for c in CUES if c.shape is Shape.HEADING)
    pattern = next(c for c in CUES if c.shape is Shape.PATTERN)
    assert reason(heading, "猜你喜欢") == f"{heading.family}: 猜你喜欢"
    assert reason(pattern, "anything") == pattern.family
    assert reason(heading, "") == heading.family


def test_every_cue_is_well_formed() -> None:
    for cue in CUES:
        if cue.shape is Shape.PATTERN:
            assert cue.pattern and not cue.words
        else:
            assert cue.words and not cue.pattern
    from reader.extract.labels import LABELS, Stage

    families = {c.family for c in CUES}
    assert families <= set(LABELS)  # every cue family has its plain words
    # structural names never collide with cue names
    assert not families & {f for f, label in LABELS.items() if label.stage is not Stage.CLASSIFIER}


def test_furniture_tokens_are_lowercase_class_tokens() -> None:
    assert {"recommend", "comments", "share", "breadcrumb", "footer"} <= FURNITURE_TOKENS
    assert all(t == t.lower() and t.isalnum() for t in FURNITURE_TOKENS)
    # Words that name content, never furniture.
    assert not {"content", "article", "main", "body", "detail", "text", "post"} & FURNITURE_TOKENS


def test_every_reason_shown_to_the_user_is_named_in_the_table():
    """Reasons come from one table (labels.py), each with plain words and a stage."""
    from pathlib import Path

    from reader.extract import extract
    from reader.extract.labels import LABELS, ROLE_WORDS, family_of
    from reader.load import Source, read_source

    samples = Path(__file__).resolve().parents[2] / "sample_articles"
    seen = set()
    for path in sorted(samples.iterdir()):
        for removed in extract(read_source(Source(str(path), path))).removed:
            seen.add(removed.reason)
            assert family_of(removed.reason) in LABELS, removed.reason
            assert removed.why and removed.stage, removed
            if family_of(removed.reason) == "furniture":
                assert removed.reason.split(": ")[1] in ROLE_WORDS, removed.reason
    assert len(seen) >= 8  # the samples exercise many rules, not one


def test_every_furniture_token_has_plain_words():
    from reader.extract.labels import ROLE_WORDS, words_for

    assert FURNITURE_TOKENS <= set(ROLE_WORDS)
    assert words_for("furniture: search") == "search box"
    assert words_for("related-links: 猜你喜欢") == "list of links to other articles"
    assert words_for("outside-article: navigation") == "outside the article: navigation menu"


# -- shapes found in the unlabeled corpus ------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("关键词 >> 共享充电宝", "tags"),
    ("標籤：台積電 晶片", "tags"),
    ("0人参与", "share-prompt"),
    ("更多猛料！欢迎扫描左方二维码关注新浪新闻官方微信（xinlang-xinwen）", "share-prompt"),
    ("澎湃新闻报料：4009-20-4009 澎湃新闻，未经授权不得转载", "disclaimer"),
    ("网友评论仅供其表达个人看法，并不表明网易立场。", "disclaimer"),
    ("跟贴热词：", "comments"),
    ("重点推荐", "related-links"),
    ("词条标签：", "tags"),
    ("#鄭文燦 #農委會 #郭台銘", "tags"),
    ("國內新聞>正文", "breadcrumb"),
    ("“特別聲明：以上作品內容為自媒體平臺用戶上傳併發布，本平臺僅提供信息存儲空間服務。", "disclaimer"),
    ("3小时前", "meta"),
    ("10月8日", "meta"),
    ("4,060 条评论", "comments"),
    ("共 12 条评论", "comments"),
    ("我每天都在微笑 5小时前", "comment-thread"),
    ("关注新华网", "share-prompt"),
    ("推薦0", "share-prompt"),
    ("在看", "share-prompt"),
    ("学校只剩一名学生，她却坚守了18年 2018-03-01 14:40:53", "related-links"),
    ("转播到腾讯微博", "share-prompt"),
    ("+關注", "share-prompt"),
    ("查看原圖 264K", "image-placeholder"),
    ("互联网新闻信息服务许可证10120170001 | 增值电信业务经营许可证B2-20050064", "navigation"),
    ("京 ICP 證 040089 號-1|互聯網新聞信息服務許可證：10120170011", "navigation"),
    ("语音播报文章，释放双眼", "share-prompt"),
    ("閱讀整篇文章", "navigation"),
    ("服務條款/私隱政策", "navigation"),
    ("鳳凰新媒體介紹投資者關係 Investor Relations廣告服務誠徵英才保護隱私權免責條款意見與投訴", "navigation"),
    ("鳳凰新媒體版權所有Copyright © 2019 Phoenix New Media Limited All Rights Reserved.", "disclaimer"),
    ("以上内容（包括图片及视频）为创作者平台“快传号”上传并发布，本平台仅提供信息存储空间服务", "disclaimer"),
    ("广告英国的大学排名全知晓.", "sponsored"),
    ("你可能還想看", "related-links"),
    ("推荐阅读：绥德交警：8月1日起，专项整治电动车违法行为", "related-links"),
    ("延伸 · 推薦", "related-links"),
    ("其他人也在看", "related-links"),
    ("标签", "tags"),
    ("![](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAJAAAACQCAYAAADnRuK4AAAAAXNSR0IArs4c6QAAC8RJ)", "image-placeholder"),
    ("阅读 10万+", "share-prompt"),
    ("Labels: Jam Hsiao Jing Teng, Mandarin", "tags"),
    ("Newer Post Older Post Home", "navigation"),
    ("Post a Comment", "comments"),
    ("Awesome Inc. theme. Powered by Blogger.", "disclaimer"),
    ("分享、点赞、在看，3连3连！", "buttons"),
    ("产经 > 正文", "breadcrumb"),
    ("更多編輯台推薦新聞：", "related-links"),
    ("本網站使用相關技術提供更好的閱讀體驗，同時尊重使用者隱私，點這裡瞭解中央社隱私聲明。", "consent"),
    ("加载更多", "navigation"),
    ("展开全部 收起", "navigation"),
    ("请同意我们的隐私权规范，才能启用听新闻的功能。", "consent"),
    ("本網站使用相關技術提供更好的閱讀體驗，同意使用Cookie請按「我同意」。", "consent"),
    ("一个时代有一个时代的文艺，一个时代有一个时代的精神。《见证人》邀请文化艺术大家分享其感悟。 【详细】", "teaser"),
    ("专访：新能源车企的下一站 阅读全文>>", "teaser"),
    ("“2018十大经济年度人物评选”火热进行中！【点击投票】Pick你心中的年度经济人物！", "call-to-action"),
    ("欢迎使用本人词条编辑服务（免费）参与修正。立即前往>>", "call-to-action"),
    ("关注公众号：某某财经", "share-prompt"),
    ("_分享让更多人看到 _ __", "share-prompt"),
])
def test_corpus_furniture_shapes(line, expected):
    assert family(line) == expected


def test_a_source_line_with_its_date_is_no_listed_headline() -> None:
    # (a listed headline with its timestamp is a related link; the article's own source is not)
    assert family("本文来源于北京商报 2024-05-20 09:47:48") is None
    assert family("学校只剩一名学生，她却坚守了18年 2018-03-01 14:40:53") == "related-links"


@pytest.mark.parametrize("line", [
    "他在采访中说，关键词是创新和开放，标签化的理解并不可取。",
    "该公司表示，这只是分析师的个人看法，并不代表市场共识。这一判断还有待观察。",
    "记者注意到，参与调查的消费者中有三成表示愿意尝试。",
    "他说，详细方案将在下月公布，全文共分五章。",
    "用户点击“查看”后才会加载更多内容，这一设计饱受批评。",
    "他的博客文章标签化严重 #话题",
    "关注民生是政府工作的重中之重。",
    "新华网 2019-12-10 07:57:40",
    "广告费用占到了公司总支出的三成。",
    "广告行业近年来发展迅速，市场规模持续扩大。",
    "这是一篇由编辑部门精心挑选的推荐新闻：",  # a qualifier too long for a heading
])
def test_corpus_shapes_leave_prose_alone(line):
    assert family(line) is None


def test_no_cue_branch_starts_with_an_unanchored_wildcard() -> None:
    """`.{0,40}x` or `.*x` not anchored at the line start is retried at every character
    of every paragraph (one such branch made the disclaimer cue 20x slower on prose)."""
    import re._constants as c
    import re._parser as parser

    from reader.extract.fold import lower_literals
    from reader.extract.rules import CUES, Shape

    for cue in CUES:
        if cue.shape is not Shape.PATTERN:
            continue
        tree = parser.parse(lower_literals(cue.pattern))
        branches = tree[0][1][1] if len(tree) == 1 and tree[0][0] is c.BRANCH else [tree]
        for branch in branches:
            op, av = list(branch)[0]
            wildcard = op in (c.MAX_REPEAT, c.MIN_REPEAT) and list(av[2])[0][0] is c.ANY
            assert not wildcard, f"{cue.family}: a branch starts with an unanchored wildcard"


def test_a_sentence_about_copyright_is_no_disclaimer() -> None:
    assert label("他说：版权保护是创作者最关心的问题，平台应当承担更多责任。") is None


@pytest.mark.parametrize("line, owned", [
    ("© 本文版权归 私~川流 所有，任何形式转载请联系作者。", True),
    ("本文版權歸作者所有，轉載請聯繫作者。", True),  # matched on the folded form
    ("版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议", True),
    ("本文为某某独家授权某某财经《观察》专栏发布，转载请注明出处。", True),
    ("本站文章版权归原作者所有，如有侵权请联系删除。", False),  # the site's, not the article's
    ("本文仅代表作者观点，不代表本站立场。", False),
    ("他说本文版权归谁所有还没有定论。", False),  # a sentence about it
])
def test_the_article_s_own_rights_line(line: str, owned: bool) -> None:
    import re

    from reader.extract.fold import fold
    from reader.extract.rules import ARTICLE_RIGHTS

    assert bool(re.search(ARTICLE_RIGHTS, fold(line))) is owned
