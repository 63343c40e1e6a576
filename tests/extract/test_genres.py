"""The genres tests/data/genre_gold holds, on small synthetic pages (no genre page is
copied): forum threads of every age (posts as look-alike stamped siblings, the poster's
card, the subject bar, arrow breadcrumbs, floor labels in a dump), an old blog whose
paragraphs sit in <font>, a site-first <title>, a novel site's stamps and promotions."""
from __future__ import annotations

import pytest

from reader.extract import extract
from reader.extract.dom import parse, prune
from reader.extract.rules import match_cue
from reader.model import BlockKind, Page

SUBJECT = "重读一本旧书，写在作者逝世十三周年"
P1 = "前些天整理书柜，翻出一套九十年代初出版的旧书，三册，纸已经发黄，书脊用透明胶粘过好几回，这是我上高中时从县城书店买的。"
P2 = "这几天晚上下班回来，我又把它从头读了一遍，说来惭愧，当年读的时候只顾着看故事，如今再读，感受却完全不一样了。"
P3 = "最打动我的是书里那个为了弟弟妹妹念书、十三岁就回村劳动的哥哥，他办砖厂、借钱、赔钱、再从头来，一辈子都在扛。"
REPLY1 = "同感！我也是农村出来的，我大哥就是那样的人，初中毕业就出去打工供我念大学，现在还在老家种苹果。"
REPLY2 = "楼主说的朋友不会是我吧，哈哈。我的意思不是说写得不好，而是说语言确实粗糙了一些，有些段落重复。"
REPLY3 = "本版以读书交流为主，请各位书友就书论书，不要互相人身攻击，楼上两页的争吵已经删除。"


def _texts(article) -> list[str]:
    return [b.text for b in article.blocks]


def _html(html: str, encoding: str = "utf-8"):
    return extract(Page("t.html", html, "html", encoding))


def _dump(*lines: str):
    return extract(Page("t.txt", "\n".join(lines), "text", "utf-8"))


def _old_post(who: str, floor: str, stamp: str, text: str) -> str:
    """A 2005 bulletin board's post: one layout table, the poster's card in the left
    cell (a field a line), the post in a <blockquote>, the time in the row under it."""
    card = "".join(f"&nbsp;&nbsp;{field}<br>" for field in ("等级：论坛游侠", "文章：356", "积分：1620", "门派：无门无派",
                                                             "注册：2003-9-12"))
    return (f"<table class=tableborder1><tr><td class=tablebody1 width=175><b>{who}</b><br>{card}</td>"
            f"<td class=tablebody1><b>{floor}</b><hr><blockquote><b>{SUBJECT if floor == '楼 主' else ''}</b><br>"
            f"<font face='宋体'>{text}</font></blockquote></td></tr>"
            f"<tr><td class=tablebody1>发贴IP已设置保密</td><td class=tablebody1>{stamp}</td></tr></table>")


def _old_thread() -> str:
    head = ("<table class=tableborder1><tr><td class=tablebody1><a href='/'>书香论坛</a> → <a href='/b'>读书沙龙</a> → "
            f"{SUBJECT} | 您是本帖的第 2836 个阅读者</td></tr><tr><td class=tablebody2><b>论坛公告</b>：</td></tr></table>"
            f"<table class=tableborder1><tr><th>* 帖子主题：<b>{SUBJECT}</b> [该帖已被管理员锁定]</th></tr></table>")
    posts = (_old_post("老K读书", "楼 主", "2005-11-17 22:03:41", f"{P1}<br><br>{P2}<br><br>{P3}")
             + _old_post("黄土高坡", "2 楼", "2005-11-17 22:41:09", REPLY1)
             + _old_post("白云深处", "3 楼", "2005-11-18 09:15:52", REPLY2)
             + _old_post("燕赵书生", "4 楼", "2005-11-19 16:20:03", REPLY3))
    return (f"<html><head><meta http-equiv=Content-Type content='text/html; charset=gb2312'>"
            f"<title>书香论坛 -- {SUBJECT}</title></head><body>{head}{posts}"
            "<p>论坛首页 | 登录 | 注册 | 帮助 | 搜索</p></body></html>")


def test_an_old_bulletin_board_thread_keeps_its_first_post_only() -> None:
    article = _html(_old_thread(), "gb2312")
    assert _texts(article) == [P1, P2, P3]
    assert article.title == SUBJECT  # the <title> names the board first
    assert all(b.kind is BlockKind.PARAGRAPH for b in article.blocks)  # (the post sits in a <blockquote>)
    assert article.date and article.date.startswith("2005-11-17")  # the post's, not the poster's 注册 date
    assert [r.reason for r in article.removed if REPLY1 in r.text] == ["furniture: reply"]


def test_the_replies_are_listed_not_lost() -> None:
    article = _html(_old_thread(), "gb2312")
    listed = " ".join(r.text for r in article.removed)
    assert REPLY1 in listed and REPLY2 in listed and REPLY3 in listed


def _stamped(n: int, text: str, cls: str = "post") -> str:
    return f"<div id='{cls}_{n}' class='{cls}'><p>网友{n} 发表于 2014-5-{n} 09:2{n}</p><p>{text}</p></div>"


def test_posts_after_the_article_s_own_post_go_as_replies() -> None:
    root = parse(f"<html><body><div id='postlist'>{_stamped(1, P1 + P2)}{_stamped(2, REPLY1)}"
                 f"{_stamped(3, REPLY2)}{_stamped(4, REPLY3)}</div></body></html>")
    pruned = prune(root, None)
    assert [p.reason for p in pruned] == ["furniture: reply"] * 3
    assert P1 in root.text_content() and REPLY1 not in root.text_content()


def test_a_stamped_list_beside_the_article_goes_whole_and_one_holding_it_stays() -> None:
    beside = parse(f"<html><body><div class='text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
                   f"<div>{_stamped(1, REPLY1, 'item')}{_stamped(2, REPLY2, 'item')}{_stamped(3, REPLY3, 'item')}</div>"
                   "</body></html>")
    assert [p.reason for p in prune(beside, None)] == ["furniture: reply"] * 3
    # the article's own densest text in the second "post": no post is the thread's first
    inside = parse(f"<html><body><div>{_stamped(1, REPLY1)}{_stamped(2, P1 + P2 + P3)}{_stamped(3, REPLY2)}</div>"
                   "</body></html>")
    assert prune(inside, None) == []


def test_two_stamped_siblings_are_no_post_list() -> None:
    root = parse(f"<html><body><div>{_stamped(1, P1 + P2)}{_stamped(2, REPLY1)}</div></body></html>")
    assert prune(root, None) == []


def test_a_dump_s_replies_start_at_the_next_floor() -> None:
    article = _dump("书香论坛 → 读书沙龙 → " + SUBJECT, "* 帖子主题：" + SUBJECT, "老K读书", "等级：论坛游侠", "积分：1620",
                    "楼 主", SUBJECT, P1, P2, P3, "[此贴子已经被作者于2005-11-18 8:41:26编辑过]", "2005-11-17 22:03:41",
                    "黄土高坡", "等级：新手上路", "积分：186", "2 楼", REPLY1, "2005-11-17 22:41:09", "白云深处",
                    "等级：版主", "3 楼", REPLY2, "4 楼", REPLY3)
    assert _texts(article) == [P1, P2, P3]


@pytest.mark.parametrize("line, family", [
    ("等级：论坛游侠", "forum"), ("积分：1620", "forum"), ("文章：356", "forum"), ("注册：2003-9-12", "forum"),
    ("楼 主", "forum"), ("* 帖子主题：重读一本旧书", "forum"), ("论坛公告：", "forum"),
    ("[此贴子已经被作者于2005-11-18 8:41:26编辑过]", "forum"), ("2 楼", "comments"), ("5#", "comments"),
    ("书香论坛 → 读书沙龙 → 重读一本旧书，写在作者逝世十三周年", "breadcrumb"), ("首页 → 新闻", "breadcrumb"),
    ("GMT+8, 2014-5-8 21:13 , Processed in 0.078251 second(s), 27 queries .", "disclaimer"),
    ("【推荐】下载某某阁APP，海量小说免费看，离线阅读无广告！", "sponsored"),
    ("天才一秒记住本站地址：某某阁 www.example.com，最快更新某某传最新章节！", "sponsored"),
    ("《某某传》是一本非常好看的武侠小说，作者某某所写的情节跌宕起伏，某某阁免费提供某某传最新章节全文阅读。", "sponsored"),
    ("投推荐票 上一章 ← 章节目录 → 下一章 加入书签", "navigation"), ("上一章", "navigation"),
    ("第 1 頁，共 3 頁 1 2 3", "navigation"), ("共3页 第1页", "navigation"),
    ("<< 返回文章列表 返回首页 给我写信", "navigation"), ("下载 (86.42 KB) 2009-10-17 22:35", "image-placeholder"),
    ("卫生间闭水试验.jpg (156.42 KB, 下载次数: 12)", "image-placeholder"),
    ("某地发生交通事故致三人受伤 2024-05-20", "related-links"),  # a dated link still is one
    ("文/小舟 写于2003年10月8日", "meta"), ("文丨王五", "meta"),
    ("您好，欢迎光临风起中文网！ [登录] [注册] [充值] [我的书架]", "login"), ("欢迎访问江城社区论坛", "login"),
    ("背景颜色：默认白色淡黄淡绿", "buttons"), ("字体大小：小中大", "buttons"), ("滚屏：停止慢中快", "buttons"),
    ("风起中文网 www.fengqi.cn 欢迎广大书友光临阅读，最新、最快、最火的连载作品尽在风起中文网！", "sponsored"),
    ("发信人: lenscap (镜头盖), 信区: DSLR", "forum"), ("标  题: Re: 入门单反纠结：D80 还是 400D？", "forum"),
    ("发信站: 水木社区 (Sat Mar 15 22:41:07 2008), 站内", "forum"), ("【 在 xiaomaomi (小猫咪) 的大作中提到: 】", "forum"),
    (": 预算六千左右，主要拍拍风景和家人，偶尔出去旅游。", "forum"), ("※ 来源:·水木社区 newsmth.net·[FROM: 166.111.*]", "forum"),
    ("#### 诗人简介 more>", "related-links"), ("热点图集 更多>>", "related-links"), ("查看更多>>", "share-prompt"),
    ("推薦文章", "related-links"), ("LINE", "share-prompt"), ("twitter", "share-prompt"), ("微博", "share-prompt"),
    ("追蹤聯合新聞網 Facebook 粉絲團", "share-prompt"), ("加入聯合新聞網 LINE 好友", "share-prompt"),
    ("正文已结束，您可以按alt+4进行评论", "end-marker"), ("（图片来源于网络，如有侵权请联系删除）返回搜狐，查看更多", "disclaimer"), ("在线: 187 人 今日: 236 篇", "forum"), ("版主: guangquan kuaimen zoomlens", "forum"), ("收藏夹 |", "navigation"),
    ("更多鏡週刊報導", "related-links"), ("更多财经新闻", "related-links"), ("更多相关内容", "related-links"),
    ("本新聞文字、照片、影片專供某某週刊會員閱覽，未經授權，任何媒體均不得轉貼。", "disclaimer"),
    ("图像来源，Getty Images", "photo-credit"), ("图像来源：新华社", "photo-credit"),
    ("追蹤中時新聞網 Google 新聞", "share-prompt"),
    ("最受欢迎", "related-links"), ("最受歡迎", "related-links"), ("分享：微博微信FacebookTwitter电子邮件", "share-prompt"),
    ("翻译：李晴", "meta"), ("译者/林雨", "meta"), ("編譯：王五", "meta"),
    ("32 条回复  •  2020-06-18 21:36:49 +08:00", "comments"), ("查看全部 139 条评论", "comments"),
    ("转载本文请联系原作者获取授权，同时请注明本文来自某某科学网博客。", "disclaimer"),
    ("提示：本公告内容由系统根据PDF原文自动转换生成，如有差异，请以PDF原文为准。", "disclaimer"),
    ("阅读：12873次", "meta"), ("浏览 2864 次", "meta"), ("浏览次数：", "meta"), ("精选 已有 3826 次阅读 2012-9-11 22:47 |个人分类:教学", "meta"),
    ("攝影｜張家豪", "meta"), ("字級：小中大", "buttons"), ("下载附件", "buttons"), ("保存到相册", "buttons"),
    ("发消息加好友", "buttons"), ("编辑本段回目录", "buttons"), ("打开新京报APP 阅读体验更佳", "share-prompt"),
    ("第2页/共5页放大", "navigation"), ("热门搜索：红烧肉 可乐鸡翅", "related-links"), ("图片来源@视觉中国", "photo-credit"),
])
def test_genre_furniture_cues(line: str, family: str) -> None:
    found = match_cue(line)
    assert found and found[0].family == family


@pytest.mark.parametrize("line", [
    "文章：关于进一步加强安全生产工作的通知", "等级：他说这次评定的等级比去年高了一级，大家都很满意。",
    "来自：新华社", "推荐理由：这本书值得一读", "文化是一个民族的灵魂。",
    "2 楼的住户说，漏水已经持续了一个月。",
    "他在致辞中说，欢迎来到这座充满活力的城市，希望大家多走走看看。", "字体设计是一门讲究的学问。",
    "标题党是网络上常见的现象。", "发信人和收信人都要核对清楚。", "他在微博上说，这件事情让他很难过。",
    "阅读是一种习惯，浏览也是。", "摄影是他年轻时的爱好，后来成了职业。", "转载的文章越来越多，原创反而少了。",
    "两份材料如有差异，以后者为准，这是双方约定的。",
])
def test_look_alikes_in_articles_are_no_forum_furniture(line: str) -> None:
    found = match_cue(line)
    assert not found or found[0].family not in ("forum", "comments", "sponsored", "login", "buttons", "disclaimer"), found


def test_a_blog_s_comment_number_opens_no_reply_region() -> None:
    # "#1" numbers a blog's comments, but a Taiwan blog's unpunctuated lines above it
    # must not turn into a trailing headline list for it (it is furniture, not a region)
    found = match_cue("#1")
    assert found and found[0].family == "forum" and not found[0].region


def test_a_furniture_word_as_a_section_head_ends_nothing() -> None:
    # a home-decor story's short section heads: 沙发 alone opens no replies (a thread's
    # floor label it may be, and goes as one, but what follows it stays)
    article = _dump(SUBJECT, P1, "沙发", P2, "地板", P3)
    assert [t for t in _texts(article) if len(t) > 2] == [P1, P2, P3]


def test_blocks_trafilatura_reads_out_of_turn_go_back_to_their_place() -> None:
    # an e-paper's photo table between the two halves of the article comes out of
    # trafilatura after the sidebar; the classifier reads blocks in the page's order
    from reader.extract.candidate import Candidate
    from reader.extract.html import _in_page_order
    from reader.extract.inventory import Line

    caption = "图为居民在公示栏前查看小区改造效果图。本报记者 某某 摄"
    page = [Line(t, None) for t in (P1, caption, P2, "阅读排行", "返回主页 返回版面")]
    out = [Candidate(text=t) for t in (P1, P2, "阅读排行", "返回主页 返回版面", caption)]
    assert [c.text for c in _in_page_order(out, page)] == [P1, caption, P2, "阅读排行", "返回主页 返回版面"]
    unchanged = [Candidate(text=t) for t in (P1, "不在页面上的一句", P2)]
    assert _in_page_order(unchanged, page) == unchanged


def test_an_e_paper_s_kicker_above_its_headline_is_no_article_text() -> None:
    kicker = "投入1.2亿元 惠及3800余户"
    rows = "".join(f"<tr><td align='center' class='font0{k}'>{t}</td></tr>"
                   for k, t in ((1, kicker), (2, SUBJECT), (3, "本报记者 某某　通讯员 某某")))
    html = (f"<html><head><title>某某日报-{SUBJECT}</title></head><body><table><tr><td><b>第A05版：城事</b></td></tr>"
            f"{rows}<tr><td><div id='ozoom'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></td></tr></table></body></html>")
    article = _html(html)
    assert _texts(article) == [P1, P2, P3]
    assert [r.reason for r in article.removed if r.text == kicker] == ["above-title"]


# A page's chrome around a dump, as a whole-page flattener writes it.
MENU = ["首页", "社会", "娱乐", "搞笑", "情感", "育儿", "健康", "美食", "旅游", "历史", "军事", "科技", "数码", "汽车", "财经"]
FOOTER = ["关于我们", "联系我们", "广告服务", "网站地图", "免责声明", "Copyright © 2016 某某网 版权所有", "京ICP备12345678号"]
POST = ["国庆回家，我决定教我妈用微信。", "这是我这辈子做过的最有挑战性的一件事。", "第一步，注册。", "我妈问我，微信号是不是就是手机号。",
        "我说可以是，也可以不是。", "她沉默了三秒，说：那到底是不是？", "我说是。", "第二步，朋友圈。", "这一步我后悔教了。",
        "现在她每天早上准时转发三篇养生文章：", "《震惊！这种常见的菜千万不能和鸡蛋一起吃》", "《99%的人都不知道，睡前喝水竟然……》",
        "我在下面评论：妈，这是谣言。", "她私聊我：你懂什么，别在外面给我丢人。", "“穿秋裤没？”", "“……穿了。”",
        "挂掉之后我看着手机，突然有点想家。"]


def test_a_post_written_a_sentence_a_line_is_prose_together() -> None:
    # no line is long enough to read as prose (a 微博 post, dialogue), but the run is;
    # the titles it quotes and its one-line questions are its own
    article = _dump("教我妈用微信的第七天，我崩溃了_搞笑_某某网", *MENU, *MENU, "当前位置：某某网 > 搞笑 > 正文",
                    "教我妈用微信的第七天，我崩溃了", "时间:2016-11-23 09:12 来源:新浪微博", *POST,
                    "原文链接：http://weibo.com/ttarticle/p/show?id=2309404043", "本文来自网络，如有侵权请联系删除",
                    "上一篇：当老师让家长辅导作业时……", "下一篇：爷爷的那辆二八自行车", "猜你喜欢",
                    *[f"{t}的故事，看完笑出声" for t in MENU], *FOOTER, *MENU)
    assert _texts(article) == POST


def test_a_menu_of_sentences_is_too_short_to_be_prose() -> None:
    from reader.extract.classify import sentence_runs
    from reader.extract.segment import segment_text

    cands = segment_text("\n".join(["登录。", "注册。", "首页。", "帮助。", "搜索。", "关于。", *MENU]))
    assert not sentence_runs(cands, [None] * len(cands))


def test_a_comment_count_in_the_question_s_button_row_ends_nothing() -> None:
    # a Q&A page: under the question, its buttons (9 条评论, 分享), then the answer
    answer = [P1, P2, P3, "以上，祝大家都顺利。"]
    article = _dump(*MENU, SUBJECT, "关注者", "1,203", "被浏览", "1,032,118", "关注问题写回答", "9 条评论", "分享", "邀请回答",
                    "查看全部 486 个回答", "林小满", "1,236 人赞同了该回答", *answer, "编辑于 2018-06-02",
                    "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。", "87 条评论",
                    "这才是真实的回答，不像有些回答动不动就月入十万。", *FOOTER, *MENU)
    assert _texts(article) == answer


def test_a_signature_under_its_rule_goes_on_a_forum_page_only() -> None:
    sig = ["人生唔係淨係得返工。", "信報財經版睇咗廿年"]
    thread = _dump(SUBJECT, "2008-10-05, 11:42 PM | #1", "高級會員", "文章: 3,218", P1, P2, P3, "__________________", *sig,
                   "引用", "第 1 頁，共 3 頁 1 2 3")
    assert _texts(thread) == [P1, P2, P3]
    assert {r.text: r.reason for r in thread.removed if r.text in sig} == dict.fromkeys(sig, "forum: signature")
    # a story's closing note under a rule, on a page with no forum furniture, is the story's
    note = "注：文中人物均为化名。"
    story = _dump(SUBJECT, "2008-10-05 23:42", P1, P2, P3, "——————", note)
    assert note in _texts(story)


WECHAT = ["今年是我在北京租房的第七年。", "七年里，我搬了五次家。", "从天通苑的隔断间，到回龙观的次卧，再到现在望京的一间老两居。",
          "房租从每月1100涨到了4600。", "01", "第一次搬家是2010年的冬天。", "那间隔断只有六平米，放下一张床，剩下的地方只够转个身。",
          "隔壁住着一对小情侣，每天晚上吵架。", "02", "后来真的有了窗户。", "她后来回了沈阳，结婚，生了个儿子。",
          "我回了一个笑哭的表情，没说话。", "七年了，这座城市从来没有属于过我。", "但我好像，已经属于它了。"]


def _wechat_page() -> str:
    # a sentence a paragraph, some in <p>, some in <section><span> (trafilatura skips those)
    def block(k: int, text: str) -> str:
        if k % 3 == 2 and len(text) > 2:  # (a section's bare number in a <p> of its own)
            return f"<section style='line-height: 1.75em;'><span style='font-size: 15px;'>{text}</span></section>"
        return f"<p style='line-height: 1.75em;'><span style='font-size: 15px;'>{text}</span></p>"
    body = "".join(block(k, t) for k, t in enumerate(WECHAT))
    return ("<html><head><title>在北京租房的第七年 - 城市夜归人 - 传送门</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/c'>精选</a> <a href='/h'>热门</a></div>"
            "<div class='rich_media'><h2 class='rich_media_title'>在北京租房的第七年</h2>"
            "<div class='rich_media_meta_list'><em>2017-04-12</em> <a href='#'>城市夜归人</a></div>"
            f"<div class='rich_media_content' id='js_content'><p>文 | 苏小满</p>{body}"
            "<p>— END —</p><p>长按识别二维码关注</p><p>城市夜归人 · 给每个晚归的人一盏灯</p><p>163人赞赏</p></div></div>"
            "<div class='footer'>关于传送门 · 联系我们</div></body></html>")


def test_a_post_written_a_sentence_a_paragraph_keeps_every_sentence() -> None:
    article = _html(_wechat_page())
    assert _texts(article) == WECHAT  # its first sentence too, though it holds the title's words


def test_what_trafilatura_kept_counts_as_the_article_only_when_it_says_something() -> None:
    from reader.extract.candidate import Candidate
    from reader.extract.html import _missed_the_prose
    from reader.extract.inventory import Line

    page = [Line(t, None) for t in ("国庆后带娃游清江画廊两天一夜攻略", "查看: 3826 | 回复: 47", P1, P2, P3, REPLY1, REPLY2,
                                    "清除 Cookies - 联系我们 - Archiver - WAP - TOP")]
    furniture = [Candidate(text=t) for t in ("国庆后带娃游清江画廊两天一夜攻略", "查看: 3826 | 回复: 47", "当前时区 GMT+8, 现在时间是 2009-10-19 10:23",
                                             "清除 Cookies - 联系我们 - Archiver - WAP - TOP")]
    assert _missed_the_prose(furniture, page)
    assert not _missed_the_prose([Candidate(text=t) for t in (P1, P2, P3)], page)  # (the replies are a lesser part)


def test_a_bracketed_section_head_after_the_last_paragraph_opens_a_section() -> None:
    costs = ["油费+过路费：约160元", "门票船票：360元", "住宿：120元", "吃饭：两顿正餐加零食约280元"]
    article = _dump(SUBJECT, "2009-10-17 22:35", "【交通】", P1, "【住宿】", P2, P3, "【花费汇总】", *costs)
    assert _texts(article)[-5:] == ["【花费汇总】", *costs]


BBS_POST = """发信人: lenscap (镜头盖), 信区: DSLR
标  题: Re: 入门单反纠结：D80 还是 400D？
发信站: 水木社区 (Sat Mar 15 22:41:07 2008), 站内

用过两台，说点个人感受，仅供参考。
先说手感。D80 握持明显更扎实，手大的人拿 400D 小拇指没地方放。
这个一定去卖场亲手摸一下，比看评测靠谱。
再说操作。D80 有两个拨轮和顶部肩屏，改光圈快门不用进菜单。
400D 很多设置要按键加看屏幕，习惯了也还行。
真正要花心思的是镜头。套头都只是能用而已。
预算允许的话，机身买便宜的，省下钱上一支好点的头。

【 在 xiaomaomi (小猫咪) 的大作中提到: 】
<font class="f036">: 预算六千左右，主要拍拍风景和家人，偶尔出去旅游。</font>
<font class="f036">: 实在拿不定主意，求各位大侠指点。</font>

--
<font class="f032">镜头盖丢了三个，相机还在。</font>

<font class="f035">※ 来源:·水木社区 newsmth.net·[FROM: 166.111.*]</font>"""


def test_a_bbs_post_in_its_text_form_keeps_only_the_poster_s_lines() -> None:
    # a <pre> of prose is read a line at a time: the header, the quote, the signature
    # under "--" and the station's stamp go; the post's own lines stay, each a line
    raw = (f"<html><head><title>水木社区 -- 单反相机(DSLR) -- Re: 入门单反纠结</title></head><body>"
           f"<div class='nav'>水木社区 → 休闲娱乐 → 单反相机(DSLR) → 阅读文章</div><pre class='article'>{BBS_POST}</pre>"
           f"<div>[回复文章] [转寄] [本讨论区] [上一篇] [下一篇]</div></body></html>")
    a = extract(Page("smth.html", raw, "html", "gbk"))
    assert [b.text for b in a.blocks] == [
        "用过两台，说点个人感受，仅供参考。", "先说手感。D80 握持明显更扎实，手大的人拿 400D 小拇指没地方放。",
        "这个一定去卖场亲手摸一下，比看评测靠谱。", "再说操作。D80 有两个拨轮和顶部肩屏，改光圈快门不用进菜单。",
        "400D 很多设置要按键加看屏幕，习惯了也还行。", "真正要花心思的是镜头。套头都只是能用而已。",
        "预算允许的话，机身买便宜的，省下钱上一支好点的头。"]


def test_code_in_a_pre_stays_one_code_block() -> None:
    code = "def parse(line):\n    key, _, value = line.partition('=')\n    return key.strip(), value.strip()\n"
    prose = "配置文件一行一个键值对，用等号分开。下面这个函数把一行拆成键和值，顺手去掉两边的空白，读整个文件时逐行调用即可。"
    raw = f"<html><body><article><p>{prose}</p><pre><code>{code}</code></pre><p>{prose[::-1]}</p></article></body></html>"
    a = extract(Page("code.html", raw, "html", "utf-8"))
    codes = [b for b in a.blocks if b.kind is BlockKind.CODE]
    assert len(codes) == 1 and "return key.strip()" in codes[0].text


def _markdown_reply(who: str, stamp: str, text: str) -> list[str]:
    return [f"  * [![{who}](https://img.example.com/icon/{len(who)}.jpg)](https://www.example.com/people/{len(who)}/)",
            f"####  [{who}](https://www.example.com/people/{len(who)}/) {stamp}", text,
            "[赞](javascript:void\\(0\\);) [回应](https://www.example.com/topic/1/#last)"]


def test_a_markdown_thread_s_replies_start_at_the_next_post_stamp() -> None:
    # A group topic flattened to markdown: each reply is an avatar, a stamp (name and
    # time), its text and its buttons; so few lines of furniture part one reply from the
    # next that the replies read as one run of prose with the topic.  The stamps, one per
    # post, say where each post starts.
    lines = [f"#  {SUBJECT}", "### 来自: [老K读书](https://www.example.com/people/1/)(读书的人) 2015-03-02 10:11:23",
             P1, P2, P3, "[举报](javascript:void\\(0\\);)"]
    lines += _markdown_reply("黄土高坡", "2015-03-02 10:40:05", REPLY1)
    lines += _markdown_reply("白云深处", "2015-03-02 11:06:44", REPLY2)
    lines += _markdown_reply("燕赵书生", "2015-03-02 12:15:51", REPLY3)
    assert _texts(_dump(*lines)) == [P1, P2, P3]


def test_a_best_answer_s_stamp_and_an_attachment_s_upload_time_open_no_replies() -> None:
    # A Q&A page: the question and its chosen answer are the article (the answer's stamp
    # stands over 最佳答案); a post's attached picture has its upload time under its size.
    question = "去年冬天买的一盆绿萝，放在客厅靠窗的位置，一开始长得很好，最近一个月叶子一片接一片地发黄，这是怎么回事？"
    article = _dump("百度知道 > 生活 > 室内植物", "绿萝叶子发黄是怎么回事？", "2013-10-14 20:18", question,
                    "分享 举报", "2013-10-14 20:46", "最佳答案", P1, "下载 (86.42 KB)", "2013-10-14 20:40", P2, P3,
                    "其他回答", "2013-10-14 20:31", "花语心晴", REPLY1, "2013-10-15 09:12", "绿手指", REPLY2)
    assert _texts(article) == [question, P1, P2, P3]


@pytest.mark.parametrize("line, family", [
    ("您可能會有興趣的文章", "related-links"), ("你可能感兴趣的文章", "related-links"), ("留言列表 (42)", "comments"),
    ("發表留言", "comments"), ("小林的家 於 2014/01/01 20:31 回覆", "comment-thread"),
])
def test_a_blog_s_tail_headings_in_their_wordier_forms(line: str, family: str) -> None:
    found = match_cue(line)
    assert found and found[0].family == family


def test_a_wordier_heading_names_a_related_list_only() -> None:
    # (评论文章 is no comment box: only a related list's heading has a wordier form)
    assert match_cue("评论文章") is None


# A photo blog's post told in captions, a line or two under each picture, written with
# spaces for commas (as Taiwan blogs are): no line reads as prose.
CAPTIONS = [
    "一波波寒流報到 已將山上層層山巒披上紅色的彩衣", "沿著山路一路上雲霧滯留山頭 下切道路後不久即抵達營地",
    "營地美如其名 偌大楓香樹早已呈現金黃", "第二次造訪發現營區變了", "印象中以前的鐵皮招牌換成了原木招牌",
    "木頭招牌", "每年十二月向來是攝影班外拍的好地方", "來到現場已是落葉飄飄堆疊滿地 不時隨著風吹而葉落",
    "不忍踩過剛剛掉落的樹葉 沿著前人足跡輕踩而行", "外拍的攝影班學員一堆早已穿梭其間",
    "各自努力地找尋自認為最好的拍攝角度", "水槽上面的這幾隻彩繪貓頭鷹也太可愛了",
    "雨水洗過的枝頭掉落了些葉片", "早上從台北出門之際還是小雨不斷", "來到此地雖雨已停 但地上水漬成攤",
    "午後山嵐興起雲氣盤旋在對岸山頭", "民宿有開設餐廳 室內簡單佈置提供餐飲", "這兩間是民宿房間 日後將改成兩層木屋",
    "民宿前這一大區楓香林為土質營位", "正前方小木屋即是衛浴區", "這次選擇左側地勢高些以防午夜下雨",
    "朋友特地帶來了冬至應景的湯圓", "向來對湯圓是敬謝不敏 沒想到出乎意料地好吃", "入夜前雨絲終於漸漸緩和下來",
    "聖誕前夕裝點些聖誕飾品 感受一下節慶氛圍", "晚餐準備了砂鍋魚頭", "隔日睡到很晚才起床",
    "昨天細雨打落了不少落葉", "接近中午時分陽光漸露 藍天再次嶄露頭角", "收拾好裝備準備離開營地 有點捨不得",
]


def _photo_blog(prose: tuple[str, ...], menu: tuple[str, ...] = ("相簿", "部落格", "名片")) -> list[str]:
    comments = ["留言列表 (3)", "發表留言", "#1", "小鳳", "於 2015/12/28 10:28", "露營兼賞楓，好棒的生活，下次也想去看看！",
                "謝謝小鳳的來訪！", "小林的家 於 2016/01/01 20:31 回覆", "#2", "茜媽咪", "於 2015/12/28 10:42",
                "嚮往大自然，再濕冷的天依舊衝衝衝，每次看藍天大哥的照片都覺得好美。", "#3", "阿福", "於 2015/12/29 08:15",
                "請問營地有沒有熱水可以洗澡？冬天去會不會太冷，帶小孩的話需要準備什麼？"]
    return (["痞客邦", "找文章", "找部落客", "登入", "小林的家", "跳到主文",
             "這是小林與小美的共同天地 喜歡碧海藍天，喜歡悠閒生活。愛好大自然的真、善、美，走過美麗的旅遊足跡、品味台灣留下些生活日記。",
             "部落格全站分類：休閒旅遊", *menu, "Dec 28 Mon 2015 00:28", "新竹尖石_楓葉營地賞楓"]
            + CAPTIONS[:5] + list(prose[:1]) + CAPTIONS[5:20] + list(prose[1:]) + CAPTIONS[20:]
            + ["楓葉營地", "聯絡電話：03-000-0000", "營地地址：新竹縣尖石鄉某村10號", "全站分類：國內旅遊",
               "您可能會有興趣的文章", "愛上山中露營_歡慶聖誕夜市", "走進莫內遇見落羽松", "秋天的合歡山賞楓行"] + comments
            + ["回到頁首", "回到主文", "免費註冊", "客服中心", "痞客邦首頁 © 2003 - 2016 PIXNET"])


LONG_CAPTION = ("營區內除了露營、民宿、餐飲、賞楓項目，多了許多原木飾品，更有畫龍點睛的效果，廣受歡迎的營地有個很大特色，"
                "就是楓紅時期楓香樹由綠轉黃、轉紅到楓紅層層，一來到這裡馬上眼睛為之一亮。")
PUNCTUATED = ("喜歡原住民朋友的坦率、真誠，要將民宿營地經營得有聲有色並非容易之事，午茶時間與主人閒聊著他的理念",
              "另一種角度看不論青楓、金黃的楓香、葉落飄零秋滿霜、落葉枯枝的蕭瑟，都是這個季節的美")


@pytest.mark.parametrize("prose", [(LONG_CAPTION,), PUNCTUATED], ids=["one-paragraph", "two-sentences"])
def test_a_photo_blog_told_in_captions_keeps_them_and_drops_its_comments(prose: tuple[str, ...]) -> None:
    # The captions are no list of links after an article: together they outweigh the
    # post's prose many times over (none at all, or one paragraph that would otherwise
    # be taken for the whole article); the comments under the post still go.
    texts = _texts(_dump(*_photo_blog(prose)))
    assert all(c in texts for c in CAPTIONS), [c for c in CAPTIONS if c not in texts]
    assert not any("衝衝衝" in t or "好棒的生活" in t or "熱水" in t or "合歡山" in t for t in texts), texts


def test_a_menu_s_guestbook_link_over_a_post_of_captions_ends_nothing() -> None:
    # (留言 among 相簿 / 部落格 / 名片 is a menu's link, even when the sidebar's intro above
    # it is all the prose the page has before its comments)
    texts = _texts(_dump(*_photo_blog(PUNCTUATED, menu=("相簿", "部落格", "留言", "名片"))))
    assert all(c in texts for c in CAPTIONS)
    assert not any("衝衝衝" in t for t in texts)


def test_a_comment_heading_under_the_article_still_ends_it() -> None:
    comment = "写得太好了，我们那边也是这样，每年冬天都盼着这一口，看完特别想家，谢谢作者分享这么多细节。"
    texts = _texts(_dump(SUBJECT, P1, P2, P3, "评论", "小明", "小红", comment, "回复"))
    assert texts == [P1, P2, P3]


@pytest.mark.parametrize("line", [
    "本文来自微信公众号：县域观察（ID：xianyuguancha），作者：林默", "本文来自：某某科技", "（本文首发于某某新闻）",
    "本内容为作者独立观点，不代表某某网立场。未经允许不得转载", "文章代表作者个人观点，某某仅对标题和排版略作修改。",
    "此内容为某某财经原创，著作权归某某财经所有。未经书面授权，不得以任何方式加以使用。",
])
def test_a_reprint_s_notices_are_disclaimers(line: str) -> None:
    found = match_cue(line)
    assert found and found[0].family == "disclaimer"


def test_an_article_s_own_sentence_about_where_it_comes_from_stays() -> None:
    assert match_cue("本文来自作者在三年前的一次旅行，那时候我还在上大学，每到假期都会背包出门走走。") is None


def test_a_whole_notice_is_not_joined_to_the_paragraph_under_it() -> None:
    # (a notice that closes its bracket is whole: the next line is the article's first
    # paragraph, not the rest of the notice)
    notice = "本文来自微信公众号：县域观察（ID：xianyuguancha），作者：林默，原文标题：《我的家乡县城，800米开了17家奶茶店》"
    texts = _texts(_dump(SUBJECT, "2019-11-08 10:12", notice, P1, P2, P3))
    assert texts == [P1, P2, P3]


@pytest.mark.parametrize("caption", ["▲黑糖每天坐在校門口迎接學生。（圖／東湖國小提供）", "強烈冷氣團下周報到。（示意圖／資料照）"])
def test_a_taiwan_photo_credit_makes_a_caption(caption: str) -> None:
    article = _dump(SUBJECT, P1, caption, P2, P3)
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds.get(caption) is BlockKind.CAPTION


def test_a_table_a_lead_in_introduces_stays_in_a_whole_page_dump() -> None:
    # A review flattened a cell a line: the rows under "下面是…参数：" are short, unpunctuated
    # lines, furniture-shaped, but the lead-in says they are the article's; the paragraph
    # under the table goes on with it.
    menu = [f"频道{k}" for k in range(24)]
    rows = ["处理器", "Intel 酷睿i7 4700MQ", "内存", "8GB DDR3L 1600MHz", "硬盘", "1TB 7200转", "显卡",
            "GTX 765M 2GB", "屏幕", "15.6英寸 1920×1080", "电池", "6芯锂电池", "重量", "约2.6kg"]
    after = "从配置来看，这款笔记本采用了今年主流的标压处理器，搭配独立显卡，定位中高端游戏市场，七千多元的价格颇有竞争力。"
    texts = _texts(_dump(*menu, "某某游戏本评测", "2013-08-12 10:00 来源：某某网", P1, P2, P3,
                         "下面是这款笔记本的详细配置参数：", "名称", "参数", *rows, after, "上一页 1 2 3 下一页",
                         "相关阅读", "另一款游戏本的评测", "再一款游戏本的评测", *menu))
    assert all(r in texts for r in rows) and after in texts, texts


NOTE = ["🌿去了好几次的宝藏小农场，终于来分享啦！", "📍位置：城北青石镇，开车大概40分钟", "🚗停车：门口有免费停车场，周末10点前去基本都有位",
        "🎫门票：成人30，1.2米以下儿童免费", "可以玩的项目👇", "🐑喂小羊、小兔子（饲料10元一小盒）", "🍓草莓大棚采摘（按斤称，今年是35一斤）",
        "🛝沙池和滑梯，小朋友能玩一下午", "🍳农家菜：土鸡汤和炒时蔬都很香，人均60左右", "⚠️几个小提醒：", "1️⃣蚊子比较多，记得带驱蚊喷雾",
        "2️⃣大棚里很热，不要穿太厚", "3️⃣周日下午人特别多，建议周六上午去", "我家娃玩到天黑都不肯走😂 回来路上就睡着了",
        "整体性价比很高，适合周末带娃放放电～"]


def test_a_note_told_in_short_lines_keeps_them_and_drops_its_comments() -> None:
    # A social note: a line an item, emoji for bullets, no line long enough to read as
    # prose; its only prose is its readers' comments under 共 86 条评论.  Its date stands
    # under its tags, at its end: the last line above that date is no headline.
    title = "城郊这个小农场真的可以去！周末遛娃不踩雷🏕️"
    comments = ["蜜桃乌龙不加糖", "收藏了！请问现在草莓还有吗？我们家下周也想去，不知道还来不来得及。", "03-19 浙江", "56", "回复",
                "阿哲爸爸", "同去过！土鸡汤真的绝，就是等菜等了快四十分钟，不过味道确实值得，下次还去。", "03-19 浙江", "38", "回复",
                "带娃的第1000天", "蚊子是真的多，上次去腿上被咬了十几个包，一定要带驱蚊的东西，花露水也行。", "03-21 江苏", "15", "回复"]
    lines = [f"{title} - 小红书", "创作中心", "业务合作", "发现", "发布", "通知", "登录", "关于我们", "隐私政策", "用户协议", "1/5", "栗子妈的周末",
                    "关注", title, *NOTE, "#遛娃好去处 #周末去哪儿 #亲子农场 #草莓采摘", "2023-03-19 浙江", "举报", "共 86 条评论",
                    *comments]
    texts = _texts(_dump(*lines))
    assert texts == NOTE


def test_a_date_under_a_post_s_tags_dates_no_headline() -> None:
    from reader.extract.headline import dated_below
    from reader.extract.segment import segment_text
    from reader.extract.classify import _cue
    cands = segment_text("\n".join([NOTE[-1], "#遛娃好去处 #周末去哪儿 #亲子农场", "2023-03-19 浙江"]))
    assert not dated_below(cands, [_cue(c) for c in cands], 0)
    cands = segment_text("\n".join(["城郊这个小农场真的可以去", "2023-03-19 浙江"]))
    assert dated_below(cands, [_cue(c) for c in cands], 0)


def test_a_table_of_figures_between_two_paragraphs_stays_in_a_whole_page_dump() -> None:
    # No lead-in over it: the table stands between two of the article's paragraphs, a
    # cell a line, most cells numbers (a menu's items are words); the paragraphs under it
    # are the article's as much as those above.
    menu = [f"频道{k}" for k in range(24)]
    table = ["城市", "空置率", "北京", "16.8%", "上海", "18.2%", "广州", "15.9%", "深圳", "26.4%"]
    after = ["从租金来看，一季度重点城市的平均租金环比下降，降幅较上季度有所收窄，但仍处在近五年来的低位。",
             "业内人士认为，写字楼市场将延续需求偏弱、供应偏多的格局，租金下行的压力在年内难以明显缓解。"]
    texts = _texts(_dump(*menu, "写字楼空置率仍处高位", "2021-04-20 10:00 来源：某某财经", P1, P2, *table, *after, P3,
                         "此内容为某某财经原创，著作权归某某财经所有。未经书面授权，不得以任何方式加以使用。",
                         "标签：写字楼", "相关阅读", "另一篇写字楼的报道", "再一篇写字楼的报道", *menu))
    assert texts == [P1, P2, *table, *after, P3], texts


def test_another_story_under_a_related_link_inside_the_article_goes() -> None:
    # 参考消息 prints a 【延伸阅读】 link with that story's own text under it, inside the
    # article's body: its first paragraph opens with its own dateline, as only a story's does
    other = ["参考消息网2月16日报道 据日本共同社2月15日报道，日本警察厅公布的统计数据显示，高龄驾驶者引发的事故占比升至新高。",
             "报道称，为减少此类事故，日本自去年3月起实施修订后的法律，要求75岁以上的驾驶者在更新驾照时接受认知功能检查。"]
    page = (f"<html><head><title>{SUBJECT}_参考消息</title></head><body><div class='articleText'><h1>{SUBJECT}</h1>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p><strong>【延伸阅读】日媒：日本高龄驾驶者事故占比升至新高</strong></p>"
            f"<p>{other[0]}</p><p>{other[1]}</p></div><div class='footer'>关于我们</div></body></html>")
    assert _texts(_html(page)) == [P1, P2, P3]
    # (a paragraph under a related link that opens with no dateline is the article going on)
    assert _texts(_dump(SUBJECT, P1, P2, "【延伸阅读】日媒：日本高龄驾驶者事故占比升至新高", P3)) == [P1, P2, P3]


def test_a_photo_blog_in_markdown_starts_at_its_post_title_under_its_date() -> None:
    # A photo blog flattened to markdown: the blog's name and a long tagline as headings,
    # its 相關文章 tab over the post (the date, then the post's title), the post told in
    # captions, then the previous and next posts as thumbnail links broken over two lines
    # and a related list.  The date over the title confirms it: the tab ends nothing, and
    # the tagline above is the blog's, not the post's.
    captions = ["一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣",
                "玉峰道路一路上雲氣山嵐滯留山頭 順路下切蜿蜒道路後不久即抵達營地",
                "第二次造訪發現到營區變了 印象中以前生冷招牌換成了原木招牌可謂匠心獨運",
                "來到現場已是落葉飄飄堆疊滿地 不時隨著風吹雨襲而葉落垂地",
                "不忍踩過剛剛掉落的樹葉 沿著前人足跡踏痕輕踩而行"]
    tagline = "## 這是我們兩個人的共同天地 喜歡碧海藍天，喜歡悠閒生活。愛好大自然的真、善、美，走過美麗的旅遊足跡、品味台灣。"
    lines = ["# [史蒂文的家_藍天](http://a.example.net/blog)", "[跳到主文](#article-area)", tagline,
             "部落格全站分類：[休閒旅遊](http://www.example.net/blog/16)", "- [相簿](http://a.example.net/album)",
             "- [部落格](http://a.example.net/blog)", "- [留言](#)", "- [名片](http://www.example.net/profile/a)", "##### 相關文章",
             "- Dec 28 Sat 2013 00:28", "- ## [新竹尖石_美樹營地賞楓 (2)](http://a.example.net/blog/post/39926056)"]
    for k, caption in enumerate(captions):
        lines += [f"[![{k}.jpg](http://pic.example.net/{k}.jpg)](http://a.example.net/album/{k})", caption]
    lines += ["##### 上一篇文章與下一篇文章", "- [![](http://s8.example.net/a.jpg)", "愛上喜翁露營_歡慶聖誕夜市趴](http://a.example.net/blog/post/39815080)",
              "- [![](http://s9.example.net/b.jpg)", "走進莫內遇見落羽松_菁芳園](http://a.example.net/blog/post/40120789)",
              "##### 您可能會有興趣的文章", "- [秀巒 玉峰道路](http://b.example.net/blog/post/1)"]
    article = _dump(*lines)
    assert article.title == "新竹尖石_美樹營地賞楓 (2)"
    assert _texts(article) == captions


def test_a_press_conference_s_turns_after_a_photo_stay_in_the_transcript() -> None:
    # A press conference's transcript: the host's and speakers' turns, then a photo
    # (图为…（某某 摄）) over a reporter's question.  A question is no dateline, however
    # short and whoever asks it, so the photo is no headline of another article.
    turns = ["主持人：女士们、先生们，大家上午好！欢迎出席今天的新闻发布会，今天我们请来了有关部门的负责同志介绍情况。",
             "张明远：谢谢主持人。今年以来，各地累计完成农村道路建设投资一千二百亿元，新改建农村公路八万公里，群众出行条件明显改善。",
             "下一步，我们将继续加大投入，重点抓好养护管理和安全设施建设，让农村公路建得好、管得好、护得好、运营好。",
             "主持人：谢谢张部长的介绍。下面请各位记者朋友提问，提问前请先通报所在的新闻机构。",
             "某某电视台记者：刚才您提到养护管理，请问在养护资金方面有什么具体安排？",
             "张明远：谢谢你的提问。养护资金我们主要采取中央补助和地方配套相结合的方式，今年中央补助资金比去年增长了百分之十二。"]
    after = ["某某日报记者：农村公路的安全设施从哪里来？国家有哪些支持？",
             "李红梅：谢谢你的提问。我们已经把安全生命防护工程纳入中央投资支持范围，重点支持临水临崖、急弯陡坡路段。",
             "主持人：谢谢各位发布人，也谢谢各位记者朋友。今天的发布会就到这里。"]
    photo = "图为新闻发布会现场。（某某网 王小明 摄）"
    body = "".join(f"<p>{t}</p>" for t in turns) + f"<p>{photo}</p>" + "".join(f"<p>{t}</p>" for t in after)
    html = (f"<html><head><title>某某部举行农村公路建设发布会_新闻发布会</title></head><body><div id='nav'><a href='/'>首页</a></div>"
            f"<h1>某某部举行农村公路建设发布会</h1><div id='content'>{body}</div><div id='footer'>版权所有 某某网</div></body></html>")
    assert _texts(_html(html)) == [*turns, photo, *after]


def test_a_dump_goes_on_under_a_related_box_of_headlines_and_dates_inside_the_article() -> None:
    # A news site sets a 相关报道 box between the article's paragraphs: each item a
    # headline and its date.  In a whole page's dump the box's heading looks like the
    # article's end, but its first dates have the next headline right under them, so the
    # prose under the last date is no item's teaser: the article goes on.
    before = [P1, P2]
    after = [P3, "第二天晚上，他又去了一次书店，店主说那套书早就不再版了，旧书摊上也很少能见到，问他要不要留个电话。",
             "他说不必了。回家的路上，他想起高中时的那个下午，书店里很安静，只有风扇在头顶转。"]
    items = ["中国电影票房增速惊人，好莱坞争相分羹", "2015年7月2日", "返乡青年改变中国县城", "2015年5月20日",
             "中国喜剧片为何总能卖座", "2015年6月11日"]
    lines = ["首页", "国际", "中国", "商业与经济", "中国县城的书店热", "某某2015年8月14日", *before, "相关报道", *items,
             *after, "分享：微博微信电子邮件", "最受欢迎", "天津港爆炸事故原因仍待查明", "人民币连续贬值引发全球市场震荡",
             "欧洲难民危机持续发酵", "关于我们", "联系我们", "© 2015 某某公司"]
    assert _texts(_dump(*lines)) == [*before, *after]


def test_a_dated_teaser_under_a_related_heading_still_resumes_nothing() -> None:
    # (a list whose every date has its teaser under it: the prose there is the items')
    teasers = [REPLY1, REPLY2]
    lines = ["中国县城的书店热", "2015-08-14 10:00", P1, P2, P3, "相关报道", "旧书店的黄昏", "2015年7月2日", *teasers,
             "关于我们", "联系我们"]
    assert _texts(_dump(*lines)) == [P1, P2, P3]



FLASH = ["【某锂能：拟35亿元投建年产5万吨正极材料项目】财联社6月18日电，某锂能晚间公告，公司拟在江西投资建设年产5万吨正极材料项目，总投资约35亿元，建设期两年。",
         "公告称，项目建成后将进一步扩大公司正极材料产能，满足下游动力电池客户不断增长的需求，巩固公司在行业中的地位。"]
FEED = [f"【{h}】财联社6月18日电，{t}" for h, t in (
    ("欧洲主要股指收盘普遍下跌", "欧洲主要股指收盘普遍下跌，德国DAX指数跌1.2%，法国CAC40指数跌0.9%，英国富时100指数跌0.6%。"),
    ("北向资金本周累计净买入逾百亿元", "据统计，本周北向资金累计净买入超过一百亿元，其中周五单日净买入四十亿元，连续五周净流入。"),
    ("锂电池板块今日表现强势 多股涨停", "今日锂电池板块表现强势，板块指数上涨2.6%，多只个股涨停，成交额较前一交易日明显放大。"),
)]


def test_a_flash_item_page_ends_where_the_next_item_opens_with_the_same_dateline() -> None:
    # A flash-news page: its article is one item (【标题】财联社6月18日电，…), and a rolling
    # list of the day's other items follows, each opening with the same dateline.  A story
    # has one dateline: the second opens the next story.
    lines = ["某锂能：拟35亿元投建年产5万吨正极材料项目_财联社", "首页", "电报", "头条", "首页 > 电报 > 详情",
             "2021-06-18 19:45:18 星期五", *FLASH, "阅 1.25W分享 微信 微博 QQ查看更多电报", "电报更多"]
    for k, item in enumerate(FEED):
        lines += [f"20:{10 + k}:45", item, f"阅 {3000 + k}"]
    lines += ["关于我们 | 联系我们 | 用户协议", "Copyright © 2021 某某科技股份有限公司 版权所有"]
    assert _texts(_dump(*lines)) == FLASH


def test_a_ticker_above_the_headline_and_a_quoted_dispatch_cut_no_story() -> None:
    # (the same dateline in a ticker above the headline is not the article's; a later
    # paragraph quoting another dispatch, 据新华社…电, opens no story)
    quoted = "据新华社5月9日电，海关总署当天发布的数据显示，前4个月我国外贸进出口总值同比增长5.7%，增速较一季度加快。"
    story = ["新华社北京5月9日电 记者从有关部门获悉，今年以来各地稳外贸政策持续发力，外贸规模稳中有增，结构不断优化。", P1, quoted, P2]
    menu = ["首页", "新闻", "财经", "科技", "体育", "娱乐", "汽车", "房产", "教育", "健康", "旅游", "文化"]
    lines = [*menu, "滚动快讯", FEED[0], FEED[1], "前4个月我国外贸向好态势进一步巩固", "2024-05-09 22:30 新华社", *story,
             "责任编辑：王五", "关于我们", "联系我们", "网站地图", "版权所有 某某网"]
    kept = _texts(_dump(*lines))
    assert kept[kept.index(story[0]):] == story



def test_a_tender_notice_s_numbered_sections_keep_their_table_and_contacts_in_a_dump() -> None:
    # A county's tender notice flattened a cell a line: its lead paragraph, then 一、 over a
    # table of particulars (the project's name in it repeats the headline), numbered
    # requirements, and 三、 over the contacts, closed by the issuer over the date.  A
    # numbered section's heading introduces its section as a lead-in does, and the dated
    # headline stays the headline (the table's undated repeat of it is no headline).
    lead = "县政府采购中心受县第一中学的委托，对县第一中学学生公寓家具采购项目进行公开招标，欢迎合格的供应商前来投标。"
    table = ["一、项目基本情况", "项目编号", "LJZC2015-047", "项目名称", "县第一中学学生公寓家具采购项目", "采购方式", "公开招标",
             "预算金额", "186.50万元", "交货期限", "合同签订后30日历天内交货并安装完毕"]
    rules = ["二、投标人资格要求", "1. 符合《中华人民共和国政府采购法》第二十二条规定的条件，具有良好的商业信誉和健全的财务会计制度。",
             "2. 具有独立法人资格，营业执照经营范围包括家具制造或销售，近三年内在经营活动中没有重大违法记录。",
             "3. 本项目不接受联合体投标，不允许转包、分包，投标人须对所投产品的质量和售后服务作出书面承诺。"]
    contacts = ["三、联系方式", "采购人：县第一中学", "地址：县城东新区文昌路18号", "联系人：胡老师 联系电话：0736-5821376",
                "县政府采购中心", "2015年6月8日"]
    menu = ["首页", "政务公开", "政策法规", "办事服务", "互动交流", "招标采购", "公示公告", "专题专栏"]
    lines = [*menu, "您现在的位置：首页 > 招标采购 > 招标公告", "县第一中学学生公寓家具采购项目公开招标公告",
             "发布时间：2015-06-08 09:30:12 来源：县政府采购中心", lead, *table, *rules, *contacts,
             "【收藏本页】【打印本页】【关闭窗口】", "关于我们 | 联系我们 | 网站声明 | 网站地图", "主办：县人民政府办公室 承办：县信息中心"]
    assert _texts(_dump(*lines)) == [lead, *table, *rules, *contacts]



def test_a_dated_headline_stays_the_headline_over_a_repeat_of_it_in_the_text() -> None:
    # A listed company's notice on a portal: the headline with its date under it, then
    # the notice's own text, which opens with its codes and repeats its title.  The
    # undated repeat is the notice's line, not the headline: what stands between the two
    # is the notice's.
    codes = "证券代码：603786 证券简称：某某新材 公告编号：2019-021"
    text = ["本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担个别及连带责任。",
            "公司全资子公司拟在江西投资建设年产2万吨高性能新材料项目，项目计划总投资约32,000万元，资金来源为自有资金及银行贷款。",
            "本次对外投资事项已经公司第三届董事会第十二次会议审议通过，无需提交股东大会审议，不构成关联交易，也不构成重大资产重组。",
            "特此公告。"]
    menu = ["首页", "行情", "数据", "公告大全", "研究报告", "股吧", "基金", "债券", "期货", "外汇", "理财", "视频"]
    lines = [*menu, "某某新材 603786", "今开：20.98", "最高：21.58", "成交量：3.12万手",
             "某某新材:关于全资子公司投资建设新材料项目的公告", "公告日期：2019-04-23 公告类型：对外投资", codes,
             "关于全资子公司投资建设新材料项目的公告", *text, "郑重声明：本网站所载公告均来自上市公司，不构成投资建议。",
             "关于我们 | 联系我们 | 免责声明", "Copyright © 2019 某某财富"]
    assert _texts(_dump(*lines))[0] == codes



def test_a_transcript_s_time_stamps_go_and_a_timetable_s_times_stay() -> None:
    # An online interview's transcript stamps each turn ("[14:00:45]" over "[主持人]…");
    # a timetable's times stand over short items, not sentences.
    turns = ["[主持人]各位网友，大家好！欢迎来到今天的在线访谈，今天我们请来了市环卫局的负责同志。",
             "[周建国]主持人好，各位网友好！很高兴有机会和大家交流垃圾分类的工作情况。", P1, P2]
    body = "".join(f"<p>[14:0{k}:12]</p><p>{t}</p>" for k, t in enumerate(turns))
    article = _html(f"<html><body><h1>垃圾分类如何从试点走向日常</h1><div class='content'>{body}</div></body></html>")
    assert _texts(article) == turns
    assert [r.text for r in article.removed if r.reason == "time-stamp"] == [f"[14:0{k}:12]" for k in range(4)]
    table = ["09:00", "开幕式", "10:00", "主旨演讲", "14:00", "分论坛"]
    day = _html(f"<html><body><h1>会议日程</h1><div class='content'><p>{P1}</p>"
                + "".join(f"<p>{t}</p>" for t in table) + f"<p>{P2}</p></div></body></html>")
    assert _texts(day) == [P1, *table, P2]



def test_a_release_s_opening_paragraph_above_its_list_comes_back() -> None:
    # A government press release set as text and <br> in one <span>: trafilatura may
    # leave out its opening paragraph, which stands above a list of short items, under
    # the headline.  The kept lines over the first paragraph are passed to find it.
    opening = "運輸署今日（十一月五日）公布，將於本月十八日起在中環、上環及灣仔部分路段推行為期十二個月的先導計劃，以提高車位的流轉率。"
    items = ["先導計劃涵蓋約三百個車位，分布於以下路段：", "（一）中環雪廠街及炮台里一帶；", "（二）上環文咸東街一帶；以及",
             "（三）灣仔駱克道及謝斐道。"]
    rest = ["在先導計劃下，上述車位於星期一至星期六上午十時至下午六時的繁忙時段，收費將由現時每十五分鐘兩元調整至三元。",
            "運輸署發言人表示，先導計劃希望透過價格調節，鼓勵需要長時間泊車的駕駛人士改用附近的停車場，騰出路邊車位。",
            "運輸署會在先導計劃實施期間收集數據，評估成效後再決定是否推展至其他地區，並會適時公布檢討結果。",
            "為方便駕駛人士，先導計劃範圍內的咪錶已更新顯示屏資料，並在車位附近加設告示牌，列明新的收費安排及實施日期。",
            "運輸署已於今年九月就先導計劃諮詢區議會交通及運輸委員會，議員普遍支持以試點形式推行，並希望當局密切留意成效。"]
    body = "\n<br />\n".join(f"\u3000\u3000{t}" for t in (opening, *items, *rest))
    html = ("<html><head><title>運輸署推出先導計劃</title></head><body><div id='mainArea'><div id='contentBody'>"
            "<div id='PRHeadlineSpan'><h1 id='PRHeadline'>運輸署推出先導計劃</h1></div>"
            f"<span id='pressrelease' class='fontSize1'>\n{body}\n</span></div></div></body></html>")
    assert _texts(_html(html))[0] == opening



def test_a_dump_goes_on_past_a_related_box_whose_last_headline_is_followed_by_an_ad_label() -> None:
    # A related box inside the article (相关新闻： and three headlines), then the article
    # again: its first paragraph, an ad slot's label, the rest.  The label parts nothing:
    # the paragraph above it is where the article goes on.
    before = [P1, P2]
    after = [P3, REPLY1, REPLY2]
    menu = ["首页", "国内", "国际", "财经", "体育", "娱乐", "科技", "生活", "副刊", "言论", "图片", "视频"]
    lines = [*menu, "熟食中心重开 小贩：生意只剩三成", "2020-05-12 18:30", *before, "相关新闻：",
             "有条件行管令首周 商家：营业额未见起色", "熟食中心堂食标准作业程序出炉 每桌限两人", "外送平台抽佣太高 小贩吁政府介入",
             after[0], "广告", *after[1:], "标签：熟食中心 小贩", "版权所有：某某日报。未经许可，不得转载。", "关于我们", "联系我们"]
    assert _texts(_dump(*lines)) == [*before, *after]



def test_a_references_box_beside_the_article_comes_back() -> None:
    # A health article's sources in a box of their own under it (参考文献 and numbered
    # citations), which trafilatura leaves out: the article's list of sources.
    refs = ["[1] 中国睡眠研究会. 中国失眠症诊断和治疗指南[J]. 中华医学杂志, 2017, 97(24): 1844-1856.",
            "[2] Qaseem A, Kansagara D, Forciea MA, et al. Management of Chronic Insomnia Disorder in Adults[J]. "
            "Annals of Internal Medicine, 2016, 165(2): 125-133."]
    paras = [P1, P2, P3, REPLY1, REPLY2]
    html = ("<html><body><div class='nav'><a href='/'>首页</a> <a href='/a'>文章</a></div><div class='article'>"
            "<h1>睡不着怎么办</h1><div class='article-content'>" + "".join(f"<p>{t}</p>" for t in paras) + "</div>"
            "<div class='article-reference'><h4 class='reference-title'>参考文献</h4><ol class='reference-list'>"
            + "".join(f"<li>{r}</li>" for r in refs) + "</ol></div></div>"
            "<div class='footer'>本文仅为健康科普，不能替代医生的诊断和治疗建议。</div></body></html>")
    article = _html(html)
    assert _texts(article) == [*paras, "参考文献", *refs]
    assert [b.kind for b in article.blocks][-2:] == [BlockKind.REFERENCE, BlockKind.REFERENCE]
