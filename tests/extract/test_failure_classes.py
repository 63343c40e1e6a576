"""Issue 12's failure classes, on small synthetic pages (no corpus page is copied):
`<br>` and layout-table paragraphs, a metadata label that must take only itself,
pager lines."""
from __future__ import annotations

from reader.extract import extract
from reader.model import BlockKind, Page

P1 = "这是一段很长的正文，讲述了一个小镇在过去十年里的变化，道路修好了，学校也扩建了。" * 3
P2 = "第二段正文继续讲述小镇的故事，居民们说生活变好了，年轻人也愿意回来创业。" * 3
P3 = "第三段写到了未来的规划，镇里准备建设一个新的文化广场，预计明年年底完工。" * 3


def _article(html: str, encoding: str = "utf-8"):
    return extract(Page("t.html", html, "html", encoding))


def _texts(article) -> list[str]:
    return [b.text for b in article.blocks]


def test_br_br_in_a_header_less_table_cell_are_paragraph_boundaries() -> None:
    # a saved fragment: no <html>, no <head>, the article in one layout cell
    html = f"<table><tr><td><b>小镇十年</b><br><br>{P1}<br><br>{P2}<br><br>{P3}</td></tr></table>"
    assert _texts(_article(html, "gbk")) == [P1, P2, P3]


def test_a_br_separated_article_comes_out_as_its_pieces() -> None:
    caption = "图为新建成的文化广场。记者 王晓 摄"
    html = (f"<html><head><title>小镇十年_新闻</title></head><body><h1>小镇十年</h1><div class='text'><p>"
            f"{P1}<br>一、道路与学校<br>{P2}<br>{caption}<br>{P3}</p></div></body></html>")
    texts = _texts(_article(html))
    assert P1 in texts and P2 in texts and P3 in texts
    assert all(len(t) < len(P1) + len(P2) for t in texts)  # never one block holding the rest
    assert "一、道路与学校" in texts


def test_a_layout_table_row_is_read_cell_by_cell() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><table><tr><td>"
            f"<p>{P1}</p><p>{P2}</p></td><td></td></tr></table></body></html>")
    assert _texts(_article(html)) == [P1, P2]


def test_a_metadata_label_takes_only_itself() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><h1>小镇十年</h1>"
            f"<div><p>作者：佚名 {P1}</p><p>{P2}</p></div></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2]
    labels = [r for r in article.removed if r.reason.startswith("meta")]
    assert [r.text for r in labels] == ["作者：佚名"]
    assert article.author is None  # 佚名 ("anonymous") is no name


def test_a_real_byline_label_still_feeds_the_author() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><h1>小镇十年</h1>"
            f"<div><p>作者：陳大文</p><p>{P1}</p><p>{P2}</p></div></body></html>")
    article = _article(html)
    assert article.author == "陳大文" and _texts(article) == [P1, P2]


def test_a_pager_line_goes() -> None:
    html = (f"<html><head><title>小镇十年</title></head><body><h1>小镇十年</h1>"
            f"<div><p>{P1}</p><p>{P2}</p><p>上一页 1 2 3 下一页</p></div></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2]
    assert any("上一页" in r.text for r in article.removed)


# -- furniture still kept on portal, forum and blog pages (class 5) ------------------

P4 = "第四段回顾了小镇的历史，早年这里是一个渡口，往来的商船在此停靠，形成了热闹的集市。" * 3
HEAD = "<html><head><title>小镇十年_新闻中心</title></head><body>"


def _dump(*lines: str):
    return extract(Page("t.txt", "\n".join(lines), "text", "utf-8"))


def test_a_slideshow_link_strip_goes() -> None:
    html = (f"{HEAD}<h1>小镇十年</h1><div class='box'><p>{P1}</p><p><img src='1.jpg'></p>"
            "<p>1/6</p><p><a href='#p'>上一张</a> <a href='#n'>下一张</a></p><p><a href='#a'>返回图集</a></p>"
            f"<p>{P2}</p><p>{P3}</p></div></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2, P3]


def test_a_slideshow_strip_in_a_dump_goes() -> None:
    article = _dump("小镇十年", "2024-05-20 09:00 来源：某某网", P1, "1/6", "上一张", "下一张", "返回图集", P2, P3)
    assert _texts(article) == [P1, P2, P3]


COPYRIGHT = ("版权声明：凡注明“来源：某某网”的所有作品，版权均属于某某网，未经本网授权不得转载、摘编或利用其它方式使用上述作品。"
             "已经本网授权使用作品的，应在授权范围内使用，并注明“来源：某某网”。违反上述声明者，本网将追究其相关法律责任。")
NOTICE = ("凡本网注明“来源：XXX（非本网）”的作品，均转载自其它媒体，转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。"
          "如因作品内容、版权和其它问题需要同本网联系的，请在30日内进行。")


def test_a_long_portal_copyright_paragraph_after_the_article_goes() -> None:
    html = f"{HEAD}<h1>小镇十年</h1><div><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{COPYRIGHT}</p><p>{NOTICE}</p></div></body></html>"
    article = _article(html)
    assert _texts(article) == [P1, P2, P3]
    assert {r.reason.split(":")[0] for r in article.removed if "版权" in r.text or "转载" in r.text} == {"disclaimer"}


def test_a_long_portal_copyright_paragraph_in_a_dump_goes() -> None:
    article = _dump("小镇十年", P1, P2, P3, "责任编辑：王五", COPYRIGHT, NOTICE)
    assert _texts(article) == [P1, P2, P3]


SUBJECT = "小镇十年的变化，大家怎么看？"
POST = "我是土生土长的小镇人，这十年家乡的变化真的很大，道路修好了，学校也扩建了，欢迎大家一起聊聊自己家乡的变化。" * 2
REPLY = "我们那里也一样，这几年变化很大，年轻人都愿意回来了，感觉很有希望。"
SIGNATURE = "人生若只如初见，何事秋风悲画扇"


def _bbs_page() -> list[str]:
    return [
        SUBJECT, "查看: 3521 | 回复: 48", "楼主", "小镇居民", "发表于 2012-05-20 09:00", "只看该作者",
        POST, "本帖最后由 小镇居民 于 2012-05-20 10:00 编辑", "----------------------------", SIGNATURE,
        "回复 引用 举报", f"回复：{SUBJECT}", "沙发", "路人甲", "发表于 2012-05-20 09:30",
        REPLY, "----------------------------", SIGNATURE, "回复 引用 举报",
        "该帖已被管理员关闭，不能回复",
    ]


def test_bbs_thread_furniture_goes_and_the_first_post_stays() -> None:
    article = _dump(*_bbs_page())
    texts = _texts(article)
    assert POST in texts
    for furniture in ("查看: 3521 | 回复: 48", f"回复：{SUBJECT}", "本帖最后由 小镇居民 于 2012-05-20 10:00 编辑",
                      "该帖已被管理员关闭，不能回复", SIGNATURE, "只看该作者"):
        assert furniture not in texts, furniture
    assert article.title == SUBJECT


def test_bbs_thread_furniture_in_html_goes() -> None:
    rows = "".join(f"<tr><td>{line}</td></tr>" for line in _bbs_page()[1:])
    html = f"<html><head><title>{SUBJECT}_小镇论坛</title></head><body><h1>{SUBJECT}</h1><table>{rows}</table></body></html>"
    texts = _texts(_article(html))
    assert POST in texts
    for furniture in ("查看: 3521 | 回复: 48", "该帖已被管理员关闭，不能回复", SIGNATURE, "本帖最后由 小镇居民 于 2012-05-20 10:00 编辑"):
        assert furniture not in texts, furniture


COMMENT1 = "写得真好，我也是在小镇长大的，看完很有感触，谢谢博主的分享。"
COMMENT2 = "同感！希望小镇越来越好，有机会一定要回去看看。"


def test_reader_comments_under_a_blog_post_go() -> None:
    html = (f"{HEAD}<h1>小镇十年</h1><div class='post'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
            "<div class='box'><h3>3 条评论</h3>"
            f"<div><p>小王 说：</p><p>2024年5月21日 10:12</p><p>{COMMENT1}</p></div>"
            f"<div><p>老李 说：</p><p>2024年5月21日 11:30</p><p>{COMMENT2}</p></div>"
            "<p>发表评论</p></div></body></html>")
    texts = _texts(_article(html))
    assert texts == [P1, P2, P3]


def test_reader_comments_under_a_blog_post_in_a_dump_go() -> None:
    article = _dump("小镇十年", "2024-05-20 09:00", P1, P2, P3, "3 条评论", "小王 说：", "2024年5月21日 10:12", COMMENT1,
                    "老李 说：", "2024年5月21日 11:30", COMMENT2, "发表评论")
    assert _texts(article) == [P1, P2, P3]


def test_a_second_complete_article_inside_a_related_block_goes() -> None:
    other = ["另一个城市的地铁新线开通运营", "2024-05-19 08:00 来源：某某网", P4,
             "新线全长三十公里，设站二十座，沿线居民出行时间将大幅缩短，早晚高峰的拥堵状况有望得到缓解。" * 2]
    html = (f"{HEAD}<h1>小镇十年</h1><div><p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>相关新闻</h3>"
            + "".join(f"<p>{x}</p>" for x in other) + "</div></body></html>")
    assert _texts(_article(html)) == [P1, P2, P3]
    assert _texts(_dump("小镇十年", "2024-05-20 09:00", P1, P2, P3, "相关新闻", *other)) == [P1, P2, P3]


def test_a_photo_credit_on_its_own_line_goes() -> None:
    html = (f"{HEAD}<h1>小镇十年</h1><div><p>{P1}</p><p><img src='1.jpg'></p><p>图片来源：视觉中国</p>"
            f"<p>{P2}</p><p>{P3}</p></div></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2, P3]
    assert [r.reason for r in article.removed if "图片来源" in r.text] == ["photo-credit"]


def test_a_second_article_opening_with_its_news_lead_under_a_related_heading_goes() -> None:
    # no dateline line of its own: the story's first paragraph opens with "某某报讯 （记者…）"
    other = ["另一个城市的地铁新线开通运营", "某某报讯 （记者 李四）" + P4,
             "新线全长三十公里，设站二十座，沿线居民出行时间将大幅缩短，早晚高峰的拥堵状况有望得到缓解。" * 2]
    html = (f"{HEAD}<h1>小镇十年</h1><div><p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>相关新闻</h3>"
            + "".join(f"<p>{x}</p>" for x in other) + "</div></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2, P3]
    assert any(r.text.startswith("某某报讯") for r in article.removed)
    assert _texts(_dump("小镇十年", "2024-05-20 09:00", P1, P2, P3, "相关新闻", *other)) == [P1, P2, P3]


def test_a_teaser_under_its_list_date_in_a_related_list_goes_with_the_footer_under_it() -> None:
    # a blog's 热门推荐: headline, "03-29" (no year), then the teaser's own complete
    # paragraphs; no article resumes there, and the site's footer under it goes too
    teaser = ["小镇为什么能火起来", "03-29", "小镇能火起来，主要有以下几个原因：",
              "1. 道路修好了。交通方便以后，周末来小镇游玩的城里人越来越多，带动了餐饮、民宿和土特产的生意，镇上的收入也跟着涨了。",
              "2. 学校扩建了。孩子们不用再到县城上学，年轻的父母也愿意留在镇上工作和生活，镇上又有了热闹的烟火气。",
              "综上所述，小镇的变化来自交通和教育两方面的改善，这一经验值得其他地方借鉴。"]
    footer = ["在线客服", "工作时间 8:30-22:00", "公安备案号11010502030143", "家长监护", "营业执照"]
    lines = ["小镇十年", "2024-05-20 09:00", P1, P2, P3, "热门推荐", "另一个小镇的故事", "05-07", P4, *teaser, *footer]
    assert _texts(_dump(*lines)) == [P1, P2, P3]


# each pair of these titles stops mid-clause and looks like one broken sentence ending on ！ or ？
_TITLES = ["手机里九个反人类的设计，不只是疏忽可以解释的", "你们的语音控制算什么，新系统让你还可以手势控制！",
              "十月报价维持不变 一年期为3.65%，五年期以上为4.3%", "专家解读：九月报价不变，四季度仍存调降空间",
              "八月非对称下调 透露什么信号 对市场有何影响？"]


def test_titles_a_dump_ran_together_under_a_heading_in_the_tail_never_resume_the_article() -> None:
    footer = ["关于我们 | 服务协议 | 隐私政策 | 网站导航", "Copyright © 1998 - 2016 某某公司 版权所有"]
    # (two pairs of them in a row would "resume" the article)
    assert _texts(_dump("小镇十年", "2024-05-20 09:00", P1, P2, P3, "推荐阅读", "另一个小镇的故事", *_TITLES, *footer)) == [P1, P2, P3]


def test_titles_a_dump_ran_together_stay_in_the_list_under_a_short_article() -> None:
    # the related heading's own run takes the list, titles run together too
    short = "某某报讯（记者 张三）5月20日，小镇公布了今年的新规划，文化广场预计明年年底完工。两项工程均与上月公布的一致。"
    menu = [f"频道{k}" for k in range(12)]
    article = _dump(*menu, "小镇公布新规划", "2024-05-20 09:47", short, "相关阅读", "另一个小镇的故事", *_TITLES, *menu)
    assert _texts(article) == [short]


def test_tags_under_their_label_go_with_it_under_a_short_article() -> None:
    short = "某某报讯（记者 张三）5月20日，小镇公布了今年的新规划，文化广场预计明年年底完工。两项工程均与上月公布的一致。"
    menu = [f"频道{k}" for k in range(12)]
    article = _dump(*menu, "小镇公布新规划", "本文来源于某某商报 2024-05-20 09:47:48", short, "关键字：", "LPR", "规划",
                    "分享到：", "相关阅读", "另一个小镇的故事", "再一个小镇的故事", *menu)
    assert _texts(article) == [short]
    assert (article.date, article.source) == ("2024-05-20 09:47:48", "某某商报")


def _feed(n: int) -> list[str]:
    """A portal's feed of other stories: source and when, title, lede (each lede a complete
    paragraph, longer together than the one-paragraph story on the page)."""
    out = []
    for k in range(n):
        out += [f"某某财经·{k + 2} 小时前", f"第{k + 1}个小镇公布了新的发展规划",
                f"第{k + 1}个小镇昨天公布了新的发展规划，文化广场、图书馆和体育馆预计在明年年底以前全部建成并向居民开放。"]
    return out


def test_a_feed_of_other_stories_never_outweighs_a_one_paragraph_story() -> None:
    story = "某某社北京5月20日电 小镇今天公布了今年的新规划，文化广场预计明年年底完工。调查显示，居民对规划的满意度较高。"
    ticker = [f"News • {k + 3} 小時前Markets moved again today, and analysts said the rally may go on." for k in range(4)]
    menu = [f"频道{k}" for k in range(12)]
    article = _dump(*menu, *ticker, "小镇公布新规划", "某某社", "2024年5月22日 上午8:21", story,
                    "服务条款/隐私政策", "你可能还想看", *_feed(6), *menu)
    assert _texts(article) == [story]


def test_paragraphs_opening_with_when_are_no_feed() -> None:
    # (no source and bullet before the stamp: the article's own sentences)
    paragraphs = [f"{w}，小镇公布了今年的新规划，文化广场预计明年年底完工，居民们对此十分期待，纷纷表示支持。" * 2
                  for w in ("昨日", "3小时前", "前天上午")]
    assert _texts(_dump("小镇公布新规划", "2024-05-20 09:00", *paragraphs)) == paragraphs


def test_a_platform_notice_cut_in_two_still_closes_a_short_article() -> None:
    short = "某某报讯（记者 张三）5月20日，小镇公布了今年的新规划，文化广场预计明年年底完工。两项工程均与上月公布的一致。"
    menu = [f"频道{k}" for k in range(12)]
    notice = ["平台声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空", "间服务。"]
    teasers = ["另一个小镇的故事，居民们说生活变好了，年轻人也愿意回来创业，开起了咖啡馆。" * 2 for _ in range(4)]
    article = _dump(*menu, "小镇公布新规划", "2024-05-20 09:47", short, *notice, "阅读 (177万)", *teasers, *menu)
    assert _texts(article) == [short]


def test_a_picture_s_caption_or_credit_paragraph_is_a_caption() -> None:
    html = (f"{HEAD}<h1>小镇十年</h1><div><p>{P1}</p><p><img src='1.jpg'></p><p>某某博物馆供图</p>"
            f"<p>新建成的文化广场。某某区公安分局供图 某某网</p><p>{P2}</p></div></body></html>")
    kinds = {b.text: b.kind for b in _article(html).blocks}
    assert kinds["某某博物馆供图"] is BlockKind.CAPTION
    assert kinds["新建成的文化广场。某某区公安分局供图 某某网"] is BlockKind.CAPTION
    assert kinds[P1] is BlockKind.PARAGRAPH


# -- whole-page dumps (class 6) -------------------------------------------------------

MENU = ["首页", "新闻", "财经", "体育", "娱乐", "科技", "汽车", "房产", "教育", "旅游", "健康", "游戏",
        "读书", "视频", "论坛", "博客", "登录", "注册", "客户端", "搜索", "网站导航"]
FOOTER = ["关于我们", "联系我们", "广告服务", "网站地图", "意见反馈", "© 2015 某某网 版权所有"]


def test_a_hidden_slideshow_template_in_a_whole_page_dump_goes() -> None:
    # A <textarea> holding a slideshow's markup: a flattener prints its tags, captions
    # (prose) and picture addresses as lines after the article.
    slides = []
    for k in range(1, 6):
        slides += ["<li>", "<h2></h2>", f"第{k}张图片的说明文字写得很长，讲述了小镇在这一年发生的变化，街道两旁新开了很多商店，游客也越来越多。",
                   f"http://img.example.cn/photo/{k}_600x450.jpg", f"http://img.example.cn/photo/t_{k}.jpg", "</li>"]
    article = _dump(*MENU, "小镇十年", "2024-05-20 09:00 来源：某某网", P1, P2, P3, P4, "1/5", "分享到", "微信", "微博",
                    "查看图集", *slides, "图集已浏览完毕", *FOOTER)
    assert _texts(article) == [P1, P2, P3, P4]
    assert [r.reason for r in article.removed if "第3张图片" in r.text] == ["markup"]


def test_a_template_flattened_into_one_line_goes() -> None:
    # a markdown flattener writes a <textarea>'s slideshow markup as one line, tags first
    template = "<li> <h2></h2> " + "第一张图片的说明文字写得很长，讲述了小镇在这一年发生的变化，街道两旁新开了很多商店。" * 20 + " </li>"
    article = _dump(*MENU, "小镇十年的变化与未来", "2024-05-20 09:00 来源：某某网", P1, P2, P3, "1/15", template, *FOOTER)
    assert _texts(article) == [P1, P2, P3]
    assert [r.reason for r in article.removed if r.text.startswith("<li>")] == ["markup"]


def test_the_core_stands_under_the_dated_headline_that_repeats_the_title() -> None:
    # A finance portal's whole page: its <title> on top, a column of English news teasers
    # (more prose than the story), then the headline with its date and a one-paragraph story.
    teasers = [f"News • {k} hours ago The markets moved again today, and analysts said rates, jobs and prices "
               f"would decide what comes next for stocks, bonds and the dollar, in story number {k}." for k in range(12)]
    story = P1 + P2
    article = _dump("小镇十年的变化与未来", *MENU, *teasers, "小镇十年的变化与未来", "某某电台-财经", "2024年5月22日 上午8:21",
                    story, *FOOTER)
    assert _texts(article) == [story]


def test_link_titles_run_together_after_the_article_in_a_whole_page_dump_go() -> None:
    # a "more news" strip flattened into one line: titles with ！？“” and hardly a comma
    strip = ("微视频：小镇迎来第一批游客开心！新车站下班高峰挤满了人站长：除夕“回老家”至今却未见妈妈我们肩并肩"
             "《执手风雨》义无反顾 保卫家园暖心闻｜致敬！你是我的英雄！【连线小镇】“我们无法后退”风雪夜里的“不归人”")
    article = _dump(*MENU, "小镇十年", "2024-05-20 09:00 来源：某某网", P1, P2, P3, "图集", "+1", "【纠错】",
                    "责任编辑：", "王五", strip, *FOOTER)
    assert _texts(article) == [P1, P2, P3]


def test_a_related_tab_in_a_blog_menu_above_the_headline_takes_none_of_the_post() -> None:
    # A Taiwan blog writing spaces for commas (no line "reads as prose"): the blog's tab
    # row (相簿 部落格 留言 相關文章) stands over the post's date and headline, and the
    # related list it would open never runs past the headline.
    post = [f"第{n}天一早出發 山路上雲霧繚繞 楓葉已經紅了大半 {tail}" for n, tail in
            zip("一二三四五六七", ["沿途停車拍照", "營地主人熱情招呼", "午後起霧下起小雨", "晚上圍爐煮湯圓",
                                "隔天清晨再上山", "林道滿地落葉", "下山前買了伴手禮"])]
    article = _dump("山中賞楓記 @ 小明的家 :: 部落格 ::", "邀請您追蹤本站，收到精選熱門話題與好康活動 ：）", *MENU,
                    "跳到主文", "部落格全站分類：休閒旅遊", "相簿", "部落格", "留言", "名片", "相關文章",
                    "Dec 28 Sat 2013 00:28", "山中賞楓記", *post, "上一篇： 海邊露營", "下一篇： 溪畔野餐", *FOOTER)
    assert article.title == "山中賞楓記"
    assert _texts(article) == post


def test_a_related_tab_over_the_confirmed_headline_ends_nothing_though_prose_stands_above_it() -> None:
    # the blog's "about" blurb in the sidebar is prose above the tab row: the tab is
    # still no end of the post its <title> bar names
    # (a photo post: one paragraph and its pictures' captions, less prose than the blurb's
    # share; no "resumed" article rescues it)
    post = [P1, "小镇的早晨", "小镇的傍晚", "小镇的夜晚"]
    about = "这是我们两个人的共同天地，喜欢碧海蓝天，喜欢悠闲生活，走过美丽的旅游足迹，留下一些生活日记。" * 2
    article = _dump("小镇十年 @ 小明的家 :: 部落格 ::", *MENU, about, "相簿", "部落格", "留言", "相關文章",
                    "小镇十年", *post, "上一篇： 海边露营", *FOOTER)
    assert article.title == "小镇十年"
    assert P1 in _texts(article)


def test_a_story_dateline_under_the_share_buttons_ends_their_row() -> None:
    # The story opens on its own dateline line, and an inline link cut the first
    # sentence's subject onto a line of its own: neither is a button.
    first = "在去年收购的一家小型科技公司开发出一款新的学习工具，能够根据学生的作答自动调整题目难度，老师们反映效果不错。"
    article = _dump(*MENU, "小镇十年", "某某网2024年05月20日09:00", "我要分享", "微信好友", "QQ空间", "转播到微博",
                    "某某网 5月20日报道", "某某公司(微博)", first, P1, P2, *FOOTER)
    assert _texts(article)[:3] == ["某某网 5月20日报道", "某某公司(微博)", first]
    assert article.author is None  # 我要分享 is a button, never a byline
    assert [r.reason for r in article.removed if r.text == "我要分享"] == ["share-prompt"]


def test_the_last_picture_s_credit_stays_and_a_numbers_only_pager_goes() -> None:
    # A picture story's last line is its credit (某某社发（王五摄）); under it a pager of
    # bare page numbers, the story's keywords and other stories' headlines.
    article = _dump(*MENU, "小镇十年", "2024-05-20 09:00 来源：某某网", P1, P2, "某某社发（王五摄）", "|<<1234下一页>>|",
                    "小镇 十年 变化", "另一个城市的地铁新线开通运营", "2024-05-19", "某地举办首届龙舟邀请赛", "2024-05-18",
                    "一座老桥完成加固重新通车", "2024-05-17", *FOOTER)
    assert _texts(article) == [P1, P2, "某某社发（王五摄）"]
    assert [r.reason for r in article.removed if "下一页" in r.text] == ["navigation"]


LYRICS = ["春风吹过山岗 花开满地", "Chun feng chui guo shan gang", "我在远方想念你", "Wo zai yuan fang xiang nian ni",
          "月光照着小河 静静流淌", "Yue guang zhao zhe xiao he", "想念你 想念你", "Xiang nian ni xiang nian ni",
          "想念你 想念你", "Xiang nian ni xiang nian ni"]  # (the chorus, twice: a song's own repeat)


def test_a_page_without_prose_ends_at_a_region_cue_under_its_lines() -> None:
    # A song's lyrics on a blog: no line reads as prose, so no amount of prose can stand
    # before the tags and comments that close the post; the blog archive under them goes.
    archive = []
    for year in (2019, 2018):
        archive += ["►", str(year), "(200)"]
        for month in ("June", "May", "April"):
            archive += ["►", month, "(24)", f"Song of {month} {year} - Singer (某歌手)", f"Another song {month} - Band"]
    article = _dump("歌词网 - 想念你 - 某歌手", "歌词网", "Thursday, July 28, 2011", "想念你 - 某歌手", *LYRICS,
                    "Labels:", "Mandarin", "No comments:", "Post a Comment", "Blog Archive", *archive)
    assert _texts(article)[-len(LYRICS):] == LYRICS
    assert not any("Song" in t or "song" in t for t in _texts(article))


def test_a_region_cue_over_too_few_lines_of_a_page_without_prose_ends_nothing() -> None:
    # 评论 in the bar under the headline, one line into the poem: not its end
    verse = ["春风吹过山岗，", "花开满地无人问。", "我在远方想念你，", "月光照着小河流。", "想念你啊想念你，", "梦里回到旧时候。"]
    article = _dump("想念你 - 某歌手", verse[0], "评论", *verse[1:])
    assert _texts(article) == verse


def test_a_caption_ending_on_its_photographer_is_never_joined_to_the_next_paragraph() -> None:
    # "…。中新社记者 杜洋 摄" then the paragraph: no broken sentence, a caption and a paragraph
    caption = "5月18日，小镇新建成的文化广场亮灯。某某社记者 王小明 摄"
    article = _dump("小镇十年", "2024-05-20 09:00 来源：某某网", P1, caption, "其中，" + P2, P3)
    assert _texts(article) == [P1, caption, "其中，" + P2, P3]
    assert article.blocks[1].kind is BlockKind.CAPTION


def test_a_picture_credit_that_asks_not_to_repost_is_the_picture_s() -> None:
    # a credit that also says 请勿转载 is the picture's credit, not a copyright notice quoted in the body
    article = _dump("小镇十年", "2024-05-20 09:00 来源：某某网", P1, "图片来源：某某图库 版权作品 请勿转载", P2, P3)
    assert [r.reason for r in article.removed if r.text.startswith("图片来源")] == ["photo-credit"]


def test_a_short_subheading_after_the_opening_sentences_is_no_button() -> None:
    # a blog post opening on short sentences under its share bar: the sentences end the
    # row, so the subheading between them is the post's
    opening = ["很多朋友拿到工具之后的第一个痛点就是：用得不好。", "你会觉得它回答得很空，没有什么参考价值。"]
    article = _dump("小镇十年的变化与未来", "2024-05-20 09:00", "点赞", "收藏", "分享", *opening, "而第二个痛点则是：无处去用", P1, P2)
    assert _texts(article) == [*opening, "而第二个痛点则是：无处去用", P1, P2]


def test_a_long_document_s_contents_under_the_font_buttons_are_its_own() -> None:
    contents = ["第一章 小镇的过去", "一、渡口与集市", "二、道路与学校", "第二章 小镇的现在", "一、新的广场", "结语"]
    article = _dump("小镇十年的变化与未来", "发布时间：2024年05月20日", "字体放大", "字体缩小", *contents, P1, P2)
    assert _texts(article) == [*contents, P1, P2]


def test_a_comment_button_in_the_share_bar_over_the_article_ends_nothing() -> None:
    # an account card's blurb (prose) above, then the share bar: 评论 and its count, 分享
    blurb = "由内容质量、互动评论、分享传播等多维度分值决定，勋章级别越高，代表其在平台内的综合表现越好。"
    # a short report: three sentences
    story = ["北京时间5月20日，今天的比赛中主队以130比109获胜，晋级下一轮。",
             "球队官方宣布，主力后卫在第三节遭遇左手骨折，本场比赛不会回归。",
             "他全场出战29分钟，17投6中，得到17分和9次助攻。"]
    article = _dump(*MENU, blurb, "7.4万文章", "评论", "31", "分享", "微信分享", "主力后卫遭遇左手骨折提前离场",
                    "2024-05-20 06:48", *story, "网友评论", "小王：写得真好。")
    assert [t for t in _texts(article) if t in story] == story
    assert not any("写得真好" in t for t in _texts(article))
    # …and each button is listed as what it is, not as a comment section's line
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["评论"] == "share-prompt" and not reasons["微信分享"].startswith("comments")


def test_an_appeal_s_signers_and_date_close_it_in_a_whole_page_dump() -> None:
    # 倡议书: the signers (某某协会全体会员) over the date, after the last paragraph
    article = _dump(*MENU, "小镇十年的变化与未来", "2024-05-20 09:00 来源：某某网", P1, P2, P3, "某某市旅游商会全体会员",
                    "2024年5月20日", "本文来源：某某网", "责任编辑：王五", *FOOTER)
    assert _texts(article) == [P1, P2, P3, "某某市旅游商会全体会员", "2024年5月20日"]


def test_the_closing_paragraph_under_a_gallery_stays_when_the_article_s_rights_line_follows() -> None:
    # A blog post's picture gallery (captions, a loader's GIF/加载中) between its last
    # story and its closing call, then tags and "© 本文版权归 作者 所有": the rights line
    # stands inside the post, so the close above it is the post's own; the tags still go.
    close = "征文：你的中秋有什么故事呢？你和月亮又有什么样的情缘？请告诉我吧，回复文章和豆邮都可以。"
    gallery = ["刚刚装好的大月亮", "随风摇摆的大月亮【延时拍摄】", "夜里的大月亮", "GIF", "重新加载", "加载中", "你和月亮有故事吗？"]
    article = _dump(*MENU, "小镇十年的变化与未来", "2024-05-20 09:00 来源：某某网", P1, P2, P3, *gallery, close,
                    "故事", "文学", "读书", "趣味", "© 本文版权归 王五 所有，任何形式转载请联系作者。", *FOOTER)
    assert _texts(article) == [P1, P2, P3, close]
    # …but a site's own copyright under teasers is no article's close
    site = _dump(*MENU, "小镇十年的变化与未来", "2024-05-20 09:00 来源：某某网", P1, P2, P3, *gallery, close,
                 "故事", "文学", "读书", "趣味", "© 本站文章版权归原作者所有，任何形式转载请联系作者。", *FOOTER)
    assert close not in _texts(site)


def test_verse_lines_after_a_share_button_stay() -> None:
    # a line that stops on a comma is half a couplet, never a button
    verse = ["深夜看书须尽欢，", "莫使青灯空对月。", "天生我材必有用，", "千金散尽还复来。"]
    article = _dump("小镇十年", "2024-05-20 09:00", P1, P2, "分享到", *verse)
    assert all(line in _texts(article) for line in verse)


def test_a_numbered_section_of_short_command_lines_after_the_prose_stays() -> None:
    # a blog's last section: a numbered heading, a lead-in, then short lines with no punctuation
    section = ["四、常用命令汇总", "以下是一些可能会经常用到的命令，这里简单列一下：", "查看日志", "docker logs web",
               "查看容器详细信息", "docker stats web", "重启服务", "docker restart web"]
    article = _dump("小镇十年", "2024-05-20 09:00", P1, P2, P3, *section)
    assert all(line in _texts(article) for line in section if line != "四、常用命令汇总")
    assert "四、常用命令汇总" in _texts(article)


def test_a_table_of_contents_after_the_opening_paragraph_is_no_button_row() -> None:
    # a whole page flattened: the buttons under the headline end where the prose
    # begins, so the article's own contents list after its opening paragraph stays
    # (though the core, the densest prose, starts only below the list)
    menu = ["首页", "读书", "电影", "音乐", "同城", "小组", "阅读", "豆品", "社区", "登录/注册", "下载客户端", "扫码下载"]
    toc = ["目录", "—— 第一章：小镇的道路", "———— 老街的石板路", "———— 新修的环镇公路", "—— 第二章：小镇的学校",
           "———— 新建的图书馆", "———— 扩建的操场", "—— 第三章：回来的年轻人"]
    lead = "本文收集了小镇的很多个小故事，有老人的、有孩子的，有传说、有真事，一共二十多篇，每一篇都来自镇上居民的亲口讲述。"
    article = _dump(*menu, "为什么小镇的年轻人都回来了？", "分享到", "收藏", "2024-05-20 09:00", lead, *toc, P1, P2, P3,
                    "关于我们", "联系我们", "网站地图", "© 2024 小镇网")
    assert all(line in _texts(article) for line in toc[1:])


def test_an_inline_image_s_base64_cut_into_lines_is_data() -> None:
    # a scraper kept a data: URI as text and a wrapper cut it into lines
    data = "iVBORw0KGgoAAAANSUhEUgAAAJAAAACQCAYAAADnRuK4AAAAAXNSR0IArs4c6QAAC8RJREFUeF7tnduW6zYORLv" * 6
    lines = ["![](data:image/png;base64," + data[:54]] + [data[i:i + 80] for i in range(54, len(data), 80)]
    article = _dump("小镇十年", "2024-05-20 09:00", *lines, P1, P2, P3)
    assert _texts(article) == [P1, P2, P3]
    assert {r.reason for r in article.removed if r.text in lines or data[:20] in r.text} == {"encoded-data"}
    link = "下载地址：https://example.com/files/" + "a1B2c3D4e5F6g7H8i9J0" * 3 + "，欢迎大家试用并提出意见。"
    assert link in _texts(_dump("小镇十年", P1, link, P2))


def test_a_platform_storage_notice_closes_even_a_short_article() -> None:
    # three short paragraphs, the platform's notice, then buttons and clickbait with
    # more commas than the article has: the notice ends the article all the same
    short = ["北京时间5月20日，今天季后赛主队130比109战胜客队，大比分4比3晋级东部决赛，将与卫冕冠军争夺总决赛席位。",
             "客队官方宣布，主力后卫第三节遭遇左手骨折，本场比赛不会回归。", "他全场出战29分钟，得到17分9助攻。"]
    bait = ["身高178的她，体重130斤，肥而不腻！翘臀饱满，美到犯规，这身材到底谁能扛得住呢？网友直呼受不了",
            "二婚的他，三婚的他，四婚的他，五婚的他，六婚的他，没有一个赢过八婚的他！原因让人意想不到",
            "41岁名将晒照！内容引争议，与前妻离婚的导火索竟是一块红烧肉，网友：真的看不懂了"] * 3
    notice = "平台声明：该文观点仅代表作者本人，某某号系信息发布平台，某某仅提供信息存储空间服务。"
    article = _dump("悲壮！主力后卫遭遇左手骨折 第三节受伤提前离场", "2024-05-20 09:00", *short, notice, "首赞", "阅读 (177万)", *bait)
    assert _texts(article) == short


def test_an_account_card_s_blurb_under_its_label_goes_with_it() -> None:
    # a WeChat page flattened: the account card's 功能介绍 stands alone, its blurb below
    blurb = "与您一起关注小镇，分享社会新闻、经济民生、美食特产，以及传统文化，传递正能量！"
    article = _dump("小镇十年", "掌上小镇", "微信号", "zhangshangXZ", "功能介绍", blurb, "2024-05-20 09:00", P1, P2, P3)
    assert _texts(article) == [P1, P2, P3]
    assert any(r.text == blurb and r.reason.startswith("account-card") for r in article.removed)
    # a 功能介绍 line that carries its value keeps the rest of the page as it was
    assert P1 in _texts(_dump("小镇十年", "功能介绍：关注小镇", P1, P2))


_NOTICE = ["各县（区）人民政府，市政府各部门：",
           "当前已进入春季森林防火关键期，气温回升快，降水偏少，森林火险等级持续偏高。为切实做好春季森林防火工作，现将有关事项通知如下：",
           "一、提高思想认识", "各地各部门要充分认识做好森林防火工作的重要性和紧迫性，坚决克服麻痹思想和侥幸心理，把森林防火工作摆上重要议事日程。",
           "二、强化火源管控", "要严格落实野外火源管理制度，在重点区域设立检查站，严禁携带火种进山，严禁野外吸烟和祭祀用火。"]
_CLOSE = ["附件：1.春季森林防火重点区域一览表", "2.森林防火值班电话", "某某市人民政府办公室", "2023年3月1日"]


def test_an_official_notice_keeps_its_attachments_issuer_and_date() -> None:
    # a government notice closes with its attachment list, then the issuing office over
    # the date: the document's own lines, though they look like a list of headlines
    paras = "".join(f"<p>{t}</p>" for t in _NOTICE + _CLOSE)
    html = (f"{HEAD}<h1>关于做好2023年春季森林防火工作的通知</h1><table><tr><td>{paras}</td></tr></table>"
            "<div class='footer'>主办单位：某某市人民政府办公室 网站标识码：1234000001</div></body></html>")
    assert _texts(_article(html))[-4:] == _CLOSE
    dump = _dump("关于做好2023年春季森林防火工作的通知", "发布时间：2023-03-01", *_NOTICE, *_CLOSE,
                 "网站地图", "联系我们", "主办单位：某某市人民政府办公室")
    assert _texts(dump)[-4:] == _CLOSE


def test_headlines_with_dates_after_an_article_still_go() -> None:
    tail = ["某地发生交通事故致三人受伤", "2023年3月1日", "明星婚礼现场曝光引发热议", "2023年3月2日",
            "新款手机发布会今日举行", "2023年3月3日"]
    assert _texts(_dump("小镇十年", "2024-05-20 09:00", P1, P2, P3, *tail)) == [P1, P2, P3]


def test_a_digital_newspaper_page_keeps_the_story_and_drops_the_page_s_navigation() -> None:
    html = (f"<html><head><title>某某日报数字报-小镇十年</title></head><body><table><tr><td>"
            "<div>第01版：要闻 <a href='#'>上一版</a> <a href='#'>下一版</a></div></td><td>"
            f"<div>上一篇 下一篇</div><h1>小镇十年</h1><div>本报记者 张三</div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            "<div>本版标题导航</div><ul><li><a href='#'>一座桥连起两个村</a></li><li><a href='#'>春耕时节农事忙</a></li>"
            "<li><a href='#'>党员干部走基层</a></li></ul></td></tr></table></body></html>")
    article = _article(html)
    assert _texts(article) == [P1, P2, P3]
    assert article.author == "张三"


def _discuz_post(who: str, floor: str, text: str) -> str:
    return (f"<table class='plhin'><tr><td class='pls'><div class='authi'><a href='#'>{who}</a></div>"
            f"<p>帖子 1234 | 积分 5678</p></td><td class='plc'><div class='pi'><strong><a href='#'>{floor}</a></strong>"
            "<em>发表于 2024-05-20 10:00</em> | 只看该作者</div>"
            f"<div class='t_f'>{text}</div><div class='sign'>签名：天道酬勤，厚德载物</div>"
            "<div class='po'>回复 支持 反对 举报</div></td></tr></table>")


def test_a_forum_thread_keeps_its_first_post_without_counters_signatures_or_replies() -> None:
    html = ("<html><head><title>小镇十年 - 家乡论坛 - 某某社区</title></head><body>"
            "<div id='pt'>某某社区 › 家乡论坛 › 小镇十年</div><div>查看: 12345 | 回复: 67</div><h1>小镇十年</h1>"
            + _discuz_post("老张", "楼主", P1 + "<br><br>" + P2)
            + _discuz_post("小李", "沙发", "写得真好，我也是这个镇的，变化确实很大。")
            + _discuz_post("王五", "板凳", "支持楼主，希望家乡越来越好！") + "</body></html>")
    assert _texts(_article(html)) == [P1, P2]


def test_counters_need_a_number_after_each_label() -> None:
    from reader.extract.rules import match_cue

    assert match_cue("帖子 1234 | 积分 5678") and match_cue("阅读 1.2万 · 评论 35 · 点赞 8")
    assert match_cue("2023年5月20日") is None or match_cue("2023年5月20日")[0].family != "forum"
    assert match_cue("第1章 小镇的变化") is None


def test_a_markdown_page_s_dated_h1_under_an_account_blurb_is_its_headline() -> None:
    # html2text drops <title>; the author's card above the story carries a sentence of
    # prose (its medal's explanation), then the share bar, then "# headline" and its date.
    blurb = "由内容质量、互动评论、分享传播等多维度分值决定，勋章级别越高，代表其在平台内的综合表现越好。"
    article = _dump(*MENU, "#### 某某体育", blurb, "7.4万 文章", "418亿 总阅读", "评论", "31", "分享", "微信分享",
                    "# 小镇十年的变化与未来", "2024-05-20 06:48", "发布于：北京市", "短讯：小镇今天迎来了第一批游客。",
                    "游客们说，小镇变化很大，道路修好了。", *FOOTER)
    assert article.title == "小镇十年的变化与未来"
    assert _texts(article) == ["短讯：小镇今天迎来了第一批游客。", "游客们说，小镇变化很大，道路修好了。"]
    assert any(r.text == blurb and r.reason == "above-title" for r in article.removed)
    # …but an article's own opening paragraphs above a dated `# ` line keep the page's order
    long = _dump(*MENU, P1, P2, "# 小镇十年的变化与未来", "2024-05-20 06:48", "小镇今天迎来了第一批游客。", *FOOTER)
    assert P1 in _texts(long) and P2 in _texts(long)


def test_a_blurb_heavier_than_the_short_story_under_the_dated_h1_is_still_not_the_article() -> None:
    # the densest run of prose is the blurb above the headline: no core holds the story
    blurb = ("由内容质量、互动评论、分享传播等多维度分值决定，勋章级别越高，代表其在平台内的综合表现越好，"
             "作者可以通过持续创作、积极互动来提升等级，获得更多推荐、流量扶持和创作收益，"
             "等级每月更新一次，降级的作者会收到站内通知，申诉请在七日内通过创作者中心提交材料。")
    story = "短讯：小镇今天迎来了第一批游客。"
    article = _dump(*MENU, *MENU, blurb, "分享", "# 小镇十年的变化与未来", "2024-05-20 06:48", story, *FOOTER, *FOOTER)
    assert article.title == "小镇十年的变化与未来"
    assert _texts(article) == [story]


def test_a_blurb_gone_above_the_dated_h1_is_no_article_a_comment_button_could_end() -> None:
    # (the 评论 and 图集 buttons under the headline: the blurb above it is not the article's
    # prose, so they end nothing)
    blurb = ("由内容质量、互动评论、分享传播等多维度分值决定，勋章级别越高，代表其在平台内的综合表现越好，"
             "作者可以通过持续创作、积极互动来提升等级，获得更多推荐、流量扶持和创作收益。")
    article = _dump(*MENU, blurb, "分享", "# 小镇十年的变化与未来", "2024-05-20 06:48", "评论", "图集", P1, *FOOTER)
    assert _texts(article) == [P1]


def test_a_reader_service_dump_s_dated_headline_under_a_blurb_starts_the_article() -> None:
    # a Jina-style dump: the title comes in its header, the page under "Markdown Content:"
    blurb = "由内容质量、互动评论、分享传播等多维度分值决定，勋章级别越高，代表其在平台内的综合表现越好。"
    story = ["短讯：小镇今天迎来了第一批游客。", "游客们说，小镇变化很大，道路修好了。"]
    article = _dump("Title: 小镇十年的变化与未来_某某网", "", "URL Source: https://example.com/a/1", "",
                    "Markdown Content:", *MENU, "#### 某某体育", blurb, "7.4万文章", "418亿总阅读", "评论", "分享",
                    "# 小镇十年的变化与未来", "2024-05-20 06:48", *story, *FOOTER)
    assert _texts(article) == story
    assert {r.text: r.reason for r in article.removed}.get("7.4万文章") == "above-title"


def test_the_last_paragraphs_after_an_ad_stay_when_the_platform_notice_closes_them() -> None:
    # a self-media article flattened a string a line: an ad between its paragraphs (广告,
    # the ad's words, its × button), the last two paragraphs, then the platform's notice
    last = ["不得不说，小镇确实是一个了不起的地方，这里的人们对生活的热爱无比纯粹。",
            "然而，发展之路往往也荆棘丛生。尽管如此，只要坚持不放弃，总有一天定能实现目标。"]
    notice = "以上内容（包括图片及视频）为创作者平台用户上传并发布，本平台仅提供信息存储服务。"
    article = _dump(*MENU, "小镇十年的变化与未来", "2024-05-20 09:00 来源：某某网", P1, P2, P3, "广告",
                    "某某环球8大交易优势 以专业领跑全行", "×", *last, notice, "分享至：", "举报", *FOOTER)
    assert _texts(article) == [P1, P2, P3, *last]


def test_a_sentence_cut_at_a_link_after_its_date_is_no_second_article() -> None:
    # get_text("\n"): "…运营的雄安公交" / "2020年10月16日，" / "北京公交集团" / "、…组成的联合体…"
    cut = ["由某某集团交通有限公司运营的小镇公交", "2020年10月16日，", "某某公共交通控股（集团）有限公司",
           "、某某集团交通有限公司组成的联合体正式开通了小镇至北京的城际公交线路，每天往返十余班次，方便了居民出行。"]
    article = _dump(*MENU, "小镇十年的变化与未来", "2024-05-20 09:00 来源：某某网", P1, P2, P3, *cut, P4, *FOOTER)
    assert P4 in _texts(article)
