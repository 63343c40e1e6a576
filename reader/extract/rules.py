"""The boilerplate cue table: every named rule the classifier can cite.

Rules are data, and every cue word of extraction lives here, written once, in
Simplified: lines are matched after a Traditional -> Simplified character fold
(`fold.py`), so 熱門排行 meets 热门排行.  Each `Cue` names a family (the reason
shown to the user), the words that signal it, and *how* they must appear to count.  Keywords alone never remove a
line: a cue must stand in a furniture-shaped position (a whole short line, a line
prefix followed by a colon, a tail region), so body text that merely mentions
猜你喜欢 or quotes a 声明 stays.  Structure-only rules (position, repetition, line
shape) live in `classify.py`; every family's plain words are in `labels.py`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum

from reader.extract.fold import fold, fold_key, lower_literals
from reader.extract.settings import SETTINGS
from reader.lazy_re import lazy


class Shape(Enum):
    """How a cue must appear in a block for the rule to fire."""

    HEADING = "heading"  # the whole (short) block is the cue: opens a furniture region
    PREFIX = "prefix"  # the block starts with the cue (usually followed by ：or :)
    LINE = "line"  # the whole short block is the cue, removed on its own
    PATTERN = "pattern"  # a regular expression over the whole block


@dataclass(frozen=True)
class Cue:
    family: str  # rule name, shown to the user as the reason
    shape: Shape
    words: tuple[str, ...]
    pattern: str = ""  # for Shape.PATTERN
    region: bool = False  # True: everything after it, in the page's tail, goes too
    meta: str | None = None  # metadata field the block feeds (author, date, source)


# A Han character and a letter of any script, in cue patterns (which match a line's
# fold_key, ASCII in lower case).  Written as Unicode categories: `re` compiles a CJK
# range by visiting each of its 21,000 code points, a millisecond a pattern at every start.
HAN = r"[^\W\d_a-z]"  # a letter outside ASCII: Han (or kana, hangul) on a Chinese page
LETTER = r"[^\W\d_]"

# The links in a site's footer.
_FOOTER_LINK = (
    r"(?:隐私政策|私隐政策|隐私条款|保护隐私|服务条款|使用条款|"
    r"免责条款|私隐资讯|关于我们|联系我们|联络我们|网站地图|广告服务|"
    r"意见与投诉|诚征英才|招聘信息|投资者关系|"
    r"许可证|ICP\s*[证备]|公网安备|举报中心)"
)
# The words on a page's share/like buttons.
BUTTON_WORD = r"(?:分享|点赞|在看|收藏|转发|评论|关注|投币)"  # the words on an article's buttons
_BUTTON = BUTTON_WORD

# A forum post's attached picture, as its size and download count: "下载 (86.42 KB)",
# "卫生间.jpg (156.42 KB, 下载次数: 12)" (it stands inside the post, as a picture does).
ATTACHMENT = Cue("image-placeholder", Shape.PATTERN, (), pattern=(
    r"^(?=.{0,120}$).*[(（]\s*\d+(?:\.\d+)?\s*[KMG]B(?:\s*[,，]\s*下载次数\s*[:：]\s*\d+)?\s*[)）]"
))
# A Q&A page's label over its chosen answer, which is the page's article with its
# question (the stamp over the label opens no reply).
BEST_ANSWER = Cue("forum", Shape.LINE, ("最佳答案", "满意答案", "推荐答案", "最佳回答", "满意回答", "采纳答案", "提问者采纳", "已采纳"))
CUES: tuple[Cue, ...] = (
    # Headings that open a block of unrelated headlines after the article.
    Cue("related-links", Shape.HEADING, (
        "猜你喜欢", "相关阅读", "推荐阅读", "延伸阅读", "热门推荐", "全站最新", "往期推荐", "往期回顾", "往期精选", "相关新闻",
        "推荐新闻", "相关文章", "相关推荐", "热门文章", "热点推荐",
        "最新文章", "更多精彩", "精彩推荐", "为你推荐", "为您推荐", "大家都在看",
        "热门排行", "阅读排行", "点击排行", "排行榜", "今日推荐", "编辑推荐", "你可能感兴趣", "猜你感兴趣",
        "你可能会感兴趣", "你可能有兴趣", "你可能会有兴趣",
        "你可能也喜欢", "你可能会喜欢", "相关报道", "相关报导", "热门新闻", "最新资讯", "最新新闻",
        "热门资讯", "精选推荐", "热文推荐", "更多新闻", "看更多", "更多报道", "相关专题",
        "热点新闻", "热点资讯", "新闻推荐", "热门视频", "推荐视频", "相关视频", "相关影片", "热门标签",
        "热搜", "热榜", "24小时热文", "热读", "今日热点", "最新报道", "最热文章", "最新消息",
        "重点推荐", "相关事件", "热点专题", "精彩图集", "图片推荐", "热门图集",
        "延伸推荐", "其他人也在看", "网友也在看", "大家也在看", "你可能还想看", "推荐文章", "相关内容", "更多相关内容",
        "更多阅读", "作者最新文章", "作者其他文章", "作者更多文章", "最受欢迎",
        # a digital newspaper's list of the page's other stories
        "本版标题导航", "标题导航", "版面导航", "本版导航", "本版新闻",
    ), region=True),
    # A listed headline with its timestamp: "学校只剩一名学生，她却坚守了18年 2018-03-01 14:40:53"
    # (a dateline starts with its outlet's short name, not a headline; "本文来源于北京商报
    # 2024-05-20 09:47:48" is the article's own source line).
    Cue("related-links", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,90}$)(?!.*。)(?!.*(?:来源|稿源|出处))(?!.*\d\s*[KMG]B\b)(?:[^\w\n]*\w){8}.*?\s+(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
    )),
    ATTACHMENT,
    BEST_ANSWER,
    # A related link standing in one line: "推荐阅读：绥德交警：8月1日起，专项整治…".
    Cue("related-links", Shape.PREFIX, (
        "推荐阅读", "相关阅读", "延伸阅读", "相关新闻", "相关报道", "相关报导", "往期回顾", "往期推荐", "热门搜索",
    )),
    Cue("comments", Shape.HEADING, (
        "网友评论", "热门评论", "最新评论", "全部评论", "评论区", "发表评论", "我来说两句", "精选留言", "写留言",
        "留言区", "评论", "留言", "我要评论", "查看评论", "参与讨论", "跟贴", "跟帖", "跟贴热词", "热门跟贴",
        "网友跟贴", "最新跟贴",
        "留言列表", "评论列表", "发表留言", "我要留言", "网友留言", "最新留言", "全部留言", "热门留言", "Post a Comment", "Leave a Comment", "Leave a Reply", "No comments",
    ), region=True),
    # A comment's own line: who, when, and the reply/like buttons.  It opens the
    # comment thread when it stands after the article.
    # "4,060 条评论": a comment count heading the thread (and when the last came:
    # "32 条回复  •  2020-06-18 21:36:49 +08:00").
    Cue("comments", Shape.PATTERN, (), pattern=(
        r"^(?:共|全部|查看全部)?\s*\d[\d,.]*\s*万?\s*(?:条|则)\s*(?:评论|留言|回复|回覆|跟贴|跟帖)"
        r"(?:\s*[•·|｜]\s*[^。，！？]{0,40})?$"
    ), region=True),
    Cue("comment-thread", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,80}$)(?!.*[。！？]$).*(?:\d+\s*(?:秒|分钟|小时|天)前|刚刚|昨天\s*\d{1,2}:\d{2}"
        r"|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}).*(?:回复|回覆|点赞|赞\s*\d*$|举报)"
        # a commenter's name and how long ago: "我每天都在微笑 5小时前"
        r"|^(?=.{0,40}$)\S+\s+(?:\d+\s*(?:秒|分钟|小时|天)前|刚刚)$"
    ), region=True),
    # A picture's credit on a line of its own: "图片来源：视觉中国", "图源：网络"
    # (before the disclaimers: "图片来源：东方IC 版权作品 请勿转载" is the picture's).
    Cue("photo-credit", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,40}$)[(（]?\s*(?:图片来源|图片来自|图片提供|图源|配图来源|图像来源)\s*[:：@]"  # (图片来源@视觉中国)
        r"|^(?=.{0,40}$)图像来源\s*[，,]"  # (BBC's label: "图像来源，Getty Images")
    )),
    # Platform and copyright disclaimers.
    Cue("disclaimer", Shape.PREFIX, (
        "特别声明", "免责声明", "平台声明", "版权声明", "声明", "法律声明", "郑重声明", "风险提示",
        "Notice: The content above", "Disclaimer",
    )),
    Cue("disclaimer", Shape.PATTERN, (), pattern=(
        r"^(?:[(（【\[]?\s*)?(?:[本此](?:文|内容|新闻|报道|站|网|平台|号|作品)|文章|以上内容)"
        r"[^。]{0,60}(?:仅代表|不代表|代表作者|版权|著作权|转载|授权|侵权|信息存储|资讯储存|来源于网络)"
        # a reprint's notice: "本文来自微信公众号：县域观察（ID：…），作者：林默"
        # (本文来自作者的一次旅行 is the article's own sentence: 来自 counts with 公众号 or a colon)
        r"|^(?=.{0,160}$)(?:[(（【\[]?\s*)?本文(?:来自\s*(?:微信)?公众号|来自[^，。：:]{0,24}[:：]"
        r"|(?:转载自|转自|摘自|选自|原载于|原发于|首发于)[^，。]{1,30}(?:[，,。.；;)）】\]]|$))"
        rf"|^{HAN}{{1,6}}声明[:：]|^{HAN}{{0,8}}版权(?:说明|保护|须知)[:：]"  # 中国日报网版权说明：, 版权保护：
        r"|^转载(?:本文)?请|^凡本网|^如有侵权"  # 转载请注明…, 转载本文请联系原作者…
        # a portal's note on a copy it made: "…由系统根据PDF原文自动转换生成，如有差异，请以PDF原文为准"
        r"|^(?=.{0,100}$).*如有(?:差异|出入|不一致).{0,6}以.{0,8}(?:原文|原件|正式文本|纸质版)为准"
        r"|^(?=.{0,80}$)[(（]?\s*(?:图片|图文|部分图片|文中图片)?来(?:源|自)(?:于)?网络\s*[，,]\s*如有侵权"  # （图片来源于网络，如有侵权请联系删除）
        r"|^(?=.{0,80}$)著作权归.{1,12}所有"  # 著作权归作者所有。商业转载请联系作者获得授权…
        r"|^未经.{0,12}(?:授权|许可|同意)\s*[，,]?\s*(?:不得|禁止|请勿|严禁|任何)"
        r"|^The content above|^Copyright\b|^©|^All rights reserved|^Powered by\b|^.{0,40}\bPowered by \w+\.?$"
        r"|^(?=.{0,120}$).*\bProcessed in [\d.]+ ?seconds?\b"  # a forum engine's footer: "…, Processed in 0.07 second(s), 27 queries"
        r"|^(?=.{0,160}$).*\bAll Rights Reserved\.?\s*$|^.{0,16}版权所有\s*(?:Copyright|©|\(c\))"
        r"|^版权所有\s*(?:[:：©(（]|\s|$)"
        r"|^(?=.{0,80}$)[^。]*(?:请勿转载|禁止转载|谢绝转载|不得转载)"
        # (anchored at the line start too: an unanchored branch is retried at every character)
        r"|^.*?仅供.{0,12}(?:参考|个人看法).{0,20}(?:不代表|不表明|并不代表)"
        r"|^.*?(?:不代表|不表明).{0,16}(?:立场|观点)[。.]?$"
    )),
    Cue("breadcrumb", Shape.PREFIX, (
        "当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置", "目前位置",
        "现在位置",
    )),
    Cue("breadcrumb", Shape.PATTERN, (), pattern=(
        r"^(?:首页|主页|网站首页|Home)\s*(?:[»>＞›/|\-—>→]+|&gt;)\s*\S"
        # Three or more short segments joined by > » › or a spaced slash: 新浪财经 > 滚动新闻 > 正文
        # (a year standing as a segment makes it a record: 1999 / 英国 / 剧情 / 导演, a film's or a book's)
        r"|^(?=.{0,60}$)(?!(?:.*/\s*)?(?:1[89]|20)\d{2}(?:年\d{1,2}月)?\s*(?:/|$))[^，。,!?！？>»›＞/]{1,14}(?:\s*(?:>|»|›|＞|&gt;)\s*|\s+/\s+)"
        r"[^，。,!?！？>»›＞/]{1,14}(?:(?:\s*(?:>|»|›|＞|&gt;)\s*|\s+/\s+)[^，。,!?！？>»›＞/]{1,14})+$"
        # …or two, the last one the page itself: 国内新闻 > 正文
        r"|^(?=.{0,40}$)[^，。,!?！？>»›＞]{1,14}\s*(?:>|»|›|＞|&gt;)\s*(?:正文|内文|文章|详情)$"
        # …or two short ones and an arrow, then the page's own title: 书香燕赵论坛 → 读书沙龙 → 重读《…》
        r"|^(?=.{0,120}$)(?:[^，。,!?！？>»›＞→/]{1,14}\s*(?:>|»|›|＞|→|&gt;)\s*){2,}\S"
    )),
    # Lines of metadata: they feed the Article's fields, not the body.
    Cue("meta", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,120}$).*(?:IP属地|发布于|阅读量|浏览量|阅读数|点击数|浏览[:：]|字号[:：]|字体[:：])"
        # a count of readers: "阅读：12873次", "浏览 2864 次", "浏览次数：", "已有 3826 次阅读 2012-9-11 …"
        r"|^(?:阅读|浏览|点击|查看)(?:次数)?\s*(?:[:：]\s*[\d,]*\s*次?|[\d,]+\s*次)$|^(?=.{0,120}$).*已有\s*[\d,]+\s*次(?:阅读|浏览|点击)"
    )),
    # A date with no date in it: "昨天", "3小时前" standing alone under a headline.
    Cue("meta", Shape.PATTERN, (), pattern=(
        r"^(?:昨天|前天|今天|刚刚|\d{1,2}\s*(?:分钟|小时|天)前|\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?)$"
    )),
    # A WeChat account's card under the headline.
    Cue("account-card", Shape.PREFIX, ("微信号", "功能介绍")),
    Cue("meta", Shape.PREFIX, ("责任编辑", "责编", "编辑", "校对", "审核", "监制", "主编"), meta="editor"),
    Cue("meta", Shape.PREFIX, ("作者", "文丨", "文|", "文/", "撰文", "记者", "通讯员", "原创"),
        meta="author"),
    Cue("meta", Shape.PREFIX, ("来源", "稿源", "出处", "原标题", "转自"), meta="source"),
    # A translator's or photographer's credit: "翻译：李晴", "译者/林雨", "编译 王五", "攝影｜張家豪".
    Cue("meta", Shape.PREFIX, ("翻译", "译者", "编译", "摄影", "摄像"), meta="credit"),
    # Where the text was copied from: "原文链接：http://…" under a reposted article.
    Cue("meta", Shape.PATTERN, (), pattern=r"^(?=.{0,300}$)(?:原文链接|原文地址|原文网址|本文链接|本文地址|文章链接)\s*[:：]\s*\S+$"),
    Cue("meta", Shape.PREFIX, ("发布时间", "发表时间", "更新时间", "时间", "日期", "发布日期", "刊发时间"), meta="date"),
    # A portal's accessibility note under the story: "正文已结束，您可以按alt+4进行评论".
    Cue("end-marker", Shape.PATTERN, (), pattern=r"^(?=.{0,40}$)(?:正文|全文|文章)已(?:经)?结束"),
    Cue("end-marker", Shape.PATTERN, (), pattern=(
        r"^[\s\-—=_~*·.。]*(?:THE\s*END|END|全文完|本文完|正文完|（完）|\(完\)|【完】|〔完〕|完)[\s\-—=_~*·.。]*"
        r"(?:[,，]?\s*(?:感谢|谢谢)[^。]{0,20}[。!！]?)?$"
    )),
    # A site's legal and about links: 服務條款/私隱政策, 关于我们; a footer glues several.
    Cue("navigation", Shape.PATTERN, (), pattern=(
        rf"^(?=.{{0,30}}$).*{_FOOTER_LINK}|^(?=.{{0,160}}$)(?!.*。).*{_FOOTER_LINK}.*{_FOOTER_LINK}"
    )),
    # A menu flattened a link a line, each with the bar that parts it from the next: "收藏夹 |".
    Cue("navigation", Shape.PATTERN, (), pattern=r"^(?=.{0,16}$)[^|｜\s][^|｜]{0,9}\s*[|｜]$"),
    # A site's greeting in its top bar: "您好，欢迎光临风起中文网！ [登录] [注册]", "欢迎访问某某论坛"
    # (its own family: a greeting reads as a sentence, which a navigation cue gives way to).
    Cue("login", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,80}$)(?:您好[，,！!\s]*)?欢迎(?:光临|访问|来到)[^。，,]{0,20}(?:网|站|论坛|社区|博客|书城|官网)[！!。]?(?:\s.*)?$"
    )),
    # A reading page's display controls: "背景颜色：默认白色淡黄淡绿", "字体大小：小中大", "滚屏：停止慢中快".
    Cue("buttons", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,40}$)(?:背景颜色|背景色|阅读背景|字体颜色|字体大小|字体|字号|字级|滚屏|滚动速度|自动滚屏|阅读模式)\s*[:：]\s*\S"
        # buttons alone on their line: a post's picture menu (下载附件 保存到相册), the poster's
        # card (发消息 加好友), an old encyclopedia's section links (编辑本段 回目录)
        r"|^(?:(?:下载附件|保存到相册|发消息|发短消息|加好友|加为好友|编辑本段|回目录)\s*[|｜]?\s*)+$"
    )),
    # A share button's network standing alone on its line: "LINE", "twitter", "微博".
    Cue("share-prompt", Shape.LINE, (
        "Facebook", "Twitter", "LINE", "Plurk", "Telegram", "WhatsApp", "Weibo", "WeChat",
        "微博", "新浪微博", "腾讯微博", "微信", "朋友圈", "微信朋友圈", "QQ好友", "豆瓣",
    )),
    # A list of buttons: "分享、点赞、在看，3连3连！" (a sentence only in shape).
    Cue("buttons", Shape.PATTERN, (), pattern=rf"^(?=.{{0,40}}$){_BUTTON}(?:[、，,\s]+{_BUTTON})+"),
    Cue("share-prompt", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,60}$)(?:.*(?:分享到|分享至|分享让更多人|点击关注|关注我们|关注公众号|长按识别|扫码关注|"
        r"扫一扫|微信扫|打开APP|下载APP|下载客户端|阅读原文|点个在看|"
        r"点赞|一键三连|星标|设为星标|查看更多|收藏本文|转发朋友圈|复制链接|复制连结|"
        r"举报|投诉|订阅|加入书架|字号|字体放大|字体缩小|放大字体|缩小字体|打印本页|关闭窗口|关闭视窗|二维码|意见反馈|"
        r"欢迎批评指正|感谢您的反馈|感谢您的回馈|人参与|报料|爆料|新闻热线|QQ空间|"
        r"语音播报|播报文章|转播到|粉丝团|粉丝专页|line\s*好友|google\s*新闻).*)$"
        r"|^更多.{0,8}请?(?:点击|关注|访问)|^相关.{0,6}请关注"
        r"|^(?=.{0,60}$)分享\s*[:：](?!.*[。！？，])"  # 分享：微博微信电子邮件
        rf"|^关注{LETTER}{{2,8}}$"  # 关注新华网
        rf"|^[+＋]?\s*(?:{_BUTTON}|阅读|推荐|赞|喜欢)\s*(?:\d[\d,.]*\s*万?\+?)?$"  # a button (and its count)
        r"|^(?:我要|点击|一键)(?:分享|收藏|点赞|转发)$"  # …and one that asks
        r"|^(?=.{0,40}$).*(?:尽在|就在|下载|打开).{0,10}(?:app|客户端)(?:\s*(?:阅读|查看|体验).{0,4})?$"
        r"|^(?=.{0,60}$)(?!.*[。！？]$).*(?:安装|下载).{0,12}(?:客户端|app)"
    )),
    Cue("tags", Shape.PATTERN, (), pattern=(
        rf"^(?=.{{0,80}}$)(?:{HAN}{{1,3}})?(?:关键词|关键字|标签|Tags?|Labels?)\s*(?:[:：>»]|&gt;|\s|$)"
        r"|^(?=.{0,80}$)(?:#[^\s#]{1,12}\s*){2,}$"  # #鄭文燦 #農委會
    ), region=True),  # tags close the article: what follows them is the page's
    # A summary that links on to another article: "…分享其求艺之路的感悟。【详细】".
    Cue("teaser", Shape.PATTERN, (), pattern=(
        r"(?:[【\[［]\s*(?:详细|详情|全文|阅读全文|更多)\s*[】\]］]"
        r"|(?:详细|详情|全文|阅读全文)\s*(?:>>|»|＞＞))\s*$"
    )),
    # Buttons and calls to action: "【点击投票】Pick你心中的…", "立即前往>>".
    Cue("call-to-action", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,150}$).*[【\[［]\s*(?:点击|立即|马上)[^】\]］]{0,8}[】\]］]"
        rf"|^(?=.{{0,120}}$).*(?:立即|马上|点击|进入|前往|查看){HAN}{{0,4}}\s*(?:>>|»|＞＞)\s*$"
    )),
    # Cookie and privacy consent banners.
    Cue("consent", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,100}$).*(?:同意|接受|接纳).{0,12}(?:隐私|cookie)"
        r"|^(?=.{0,100}$).*(?:本网站|本站|我们).{0,10}(?:使用|采用|利用)\s*cookie"
        r"|^(?=.{0,120}$)(?:本网站|本站).{0,30}(?:隐私|cookie)"
    )),
    Cue("navigation", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,60}$)[<«‹\s]*(?:上一篇|下一篇|上一页|下一页|上一章|下一章|章节目录|返回目录|返回文章列表|加入书签|投推荐票|阅读下一篇|返回首页|返回顶部|"
        r"回到顶部|返回列表|更多>>|更多»|查看原文|展开全文|展开全部|"
        r"Newer Post|Older Post|Previous Post|Next Post|阅读整篇文章|"
        r"(?:点击)?(?:加载|载入)更多|正在加载|加载中|载入中)"
        r"|^(?=.{0,80}$)(?=.*[上下]一页)[\s\d|<>«».…\-]*(?:(?:首页|上一页|下一页|尾页|末页)[\s\d|<>«».…\-]*)+$"  # a pager: |<<1234下一页>>|
        # …or one that counts: 第 1 页，共 3 页 1 2 3 / 共3页 第1页
        r"|^(?=.{0,80}$)(?:第\s*\d{1,4}\s*页\s*[，,/|｜]?\s*共\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页\s*[，,/|｜]?\s*第\s*\d{1,4}\s*页)[\s\d|<>«».…\-]*"
        r"(?:放大|缩小|全屏|下载)?$"  # (a document viewer's page label and its zoom button)
    )),
    Cue("image-placeholder", Shape.PATTERN, (), pattern=(
        # (a picture's mark, or several, and debris that says nothing: an icon link's "__")
        r"^(?:!\[[^\]]*\]\([^)]*\)\s*)+[\W_]*$|^\[(?:图片|image|img|视频|影片)\]$"
        r"|^(?:点击)?(?:查看)?(?:大图|原图)(?:\s*\d+\s*[KkMm]B?)?$|^<img\b[^>]*>$"
    )),
    # A slideshow's controls: 上一张 / 下一张, the picture counter "3/10", 返回图集.
    Cue("slideshow", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,40}$)(?:[<«‹]\s*)?(?:上一张|下一张|上一幅|下一幅|上一组|下一组|返回图集|图集首页|查看图集|全部图集"
        r"|重新浏览|自动播放|播放幻灯片)(?:\s*[>»›])?(?:\s*(?:上一张|下一张|上一组|下一组|返回图集|\d{1,3}\s*/\s*\d{1,3}))*$"
        r"|^[(（]?\s*(?:第\s*)?\d{1,3}\s*/\s*\d{1,3}\s*(?:张|幅|页)?\s*[)）]?$|^共\s*\d{1,3}\s*(?:张|幅)(?:图片)?$"
    )),
    # A forum thread's furniture around its posts: the view and reply counters, the
    # floor labels, the edit and closing notes, the post's own buttons, "回复：subject".
    Cue("forum", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,60}$)(?:查看|阅读|浏览|点击|人气)(?:数|次数)?\s*[:：]?\s*\d[\d,]*\s*[|｜/,，\s]*\s*"
        r"(?:回复|回帖|评论)(?:数)?\s*[:：]?\s*\d[\d,]*"
        r"|^(?:楼\s?主|沙发|板凳|地板|地下室|#\s*\d{1,4}|只看该作者|只看楼主|倒序浏览|正序浏览|电梯直达"
        r"|跳转到指定楼层|返回列表|发新帖|回复本帖|快速回复)$"
        r"|^(?=.{0,80}$)本帖最后由.{1,40}编辑$"
        r"|^(?=.{0,60}$)[\[［(（]?\s*(?:此|本|该)(?:贴子|帖子|帖|贴)(?:已经|已)?(?:被|由).{0,24}(?:于|在).{0,30}编辑过?\s*[\]］)）]?$"
        r"|^(?=.{0,60}$)(?:该|本|此)(?:帖|帖子|主题)(?:已被|已经|已)?.{0,16}(?:关闭|锁定|屏蔽|删除|隐藏)"
        r"|^(?:回复|引用|举报|编辑|评分|支持|反对|使用道具|收藏|分享)(?:\s*[|｜]?\s*(?:回复|引用|举报|编辑|评分|支持|反对|使用道具|收藏|分享)){2,}$"
        r"|^(?=.{0,80}$)(?:回复|回覆|Re)\s*[:：]\s*\S"
        # the poster's card beside a post, a field a line: 等级：论坛游侠, 积分：1620, 文章：356
        r"|^(?=.{0,24}$)(?:等级|级别|积分|威望|金钱|金币|经验|贡献|魅力|门派|头衔|用户组|阅读权限)\s*[:：]\s*\S"
        r"|^(?=.{0,30}$)(?:注册|注册时间|最后登录|上次登录|加入时间)\s*[:：]\s*\d"  # (the poster's dates, not the post's)
        r"|^(?:帖子|主题|文章|发帖|精华|在线时间)\s*[:：]\s*\d[\d,.]*\s*(?:小时|篇|个)?$"
        # the thread's subject bar and the board's notice label: * 帖子主题：…, 论坛公告：
        r"|^\W{0,3}帖子主题\s*[:：]|^(?:论坛|本版)公告\s*[:：]?$"
        # a poster's or a board's counters: two or more label-number pairs (帖子 1234 | 积分 5678,
        # 在线: 187 人 今日: 236 篇), and the board's moderators (版主: …)
        rf"|^(?=.{{0,80}}$)(?:{HAN}{{1,4}}\s*[:：]?\s*\d[\d,.]*\s*[万wk]?\s*(?:人|篇|帖|个|次)?\s*[|｜/·]?\s*){{2,}}$"
        r"|^(?=.{0,80}$)(?:版主|本版版主|副版主|斑竹)\s*[:：]\s*\S"
    )),
    # A poster's signature under a post: "签名：天道酬勤".
    Cue("forum", Shape.PREFIX, ("签名", "个性签名", "签名档")),
    # A BBS post in its text form (水木, 未名, 小百合, 饮水思源): the header lines (发信人: …, 信区: …;
    # 标  题: …; 发信站: …), the quote under 【 在 某某 的大作中提到: 】 (": " a line) and the
    # station's stamp (※ 来源:·水木社区 …·[FROM: …], ※ 修改:…).
    Cue("forum", Shape.PATTERN, (), pattern=(
        r"^(?:发信人|寄信人|信区|发信站|转信站)\s*[:：]\s*\S|^标\s+题\s*[:：]"
        r"|^【\s*在\s*\S.{0,40}的(?:大作|来信)中提到\s*[:：]?\s*】|^[:：]\s\S"
        r"|^※\s*(?:来源|修改|转载|转寄|转贴|转录)\s*[:：]"
    )),
    # A post's header under the first: its floor, alone or with its time (沙发 发表于
    # 2024-05-20 10:00, 2 楼): the replies start there.
    Cue("comments", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,80}$)(?:沙发|板凳|地板|地下室|\d{1,4}\s*(?:楼|#)|#\s*\d{1,4})\s*(?:发表于|发表在|发布于|posted)"
        r"|^\d{1,4}\s*(?:楼|#)$"  # (沙发 or 地板 alone may head a section on furniture; #1 numbers a blog's comments)
    ), region=True),
    # An ad's label glued to its title by the flattener: "广告英国的大学排名全知晓."
    Cue("sponsored", Shape.PATTERN, (), pattern=r"^广告(?![，,、：:的费业行商主])\S(?=.{0,40}$)(?!.*。$)"),
    Cue("advertisement", Shape.LINE, (
        "广告", "推广", "赞助", "AD", "Advertisement", "赞助内容", "广告位", "合作推广",
    )),
    # A promotion with its label (【推荐】下载…APP，…), and a pirate site's stamp inside the text
    # it copied (天才一秒记住本站地址：…，最快更新…最新章节！).
    Cue("sponsored", Shape.PATTERN, (), pattern=(  # (sentences in shape: not a prompt family)
        r"^(?=.{0,80}$)[【\[]\s*(?:推荐|推广|广告|赞助)\s*[】\]]\s*\S"
        r"|^(?=.{0,100}$).*(?:记住本站(?:地址|网址|域名)|最快更新.{1,24}最新章节|最新章节(?:全文|免费|在线)阅读|本小说最新章节"
        r"|欢迎广大书友|连载作品尽在|本书已签约.{0,12}(?:订阅|VIP))"  # a literature site's stamp and its VIP notice
    )),
    Cue("duplicate-summary", Shape.PREFIX, ("摘要", "导语", "导读", "内容提要", "核心提示")),
)

# --- Words the structural rules, the headline finder and the metadata reader look for.
# Like the cues, written once in Simplified and matched on the folded line (fold.py).

# A list of sources under the article: 参考资料, References.
REFERENCE_HEAD = r"^(?:参考资料|参考文献|参考|References?|注释|资料来源)[:：]?$"
# …and one of its entries: "[1] 作者. 题名[J]. 刊名, 2017, …", "1. 《书名》…", "2、于海娣 等.唐诗鉴赏大全集, …".
REFERENCE_LINE = r"^\s*(?:\[\d{1,3}\]|［\d{1,3}］|\d{1,3}[.、]\s*\S.*[《“\"]|\d{1,3}[.、].{0,60}(?:,|，)\s*\S+$)"
# How an official document closes: its attachments (附件：1.…), then the issuer over the
# date it was signed (某某市人民政府办公室 / 2023年3月1日 or 二〇二三年三月一日).
ATTACHMENT_HEAD = r"^\s*附件\s*\d*\s*[:：]"
ISSUER = (r"(?:人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|院|中心|协会|学会|联合会|公司|集团|学校|大学|学院"
          r"|银行|党委|党组|支部|领导小组|指挥部|法院|检察院|研究所|管理处|工作站|大队|总队|支队"
          r"|公会|商会|工会|全体会员|全体成员|全体员工|全体师生)$")  # …or the signers of an appeal (倡议书)
DOCUMENT_DATE = (r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                 r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$")
# What a platform's or a site's disclaimer talks about (a 声明 that names none is a quote).
DISCLAIMER_VOCAB = (
    r"仅代表|不代表|观点|版权|转载|授权|侵权|信息存储|资讯储存|存储服务|储存服务"
    r"|平台|上传|投资建议|风险|责任|联系|删除|information storage"
)
# The notice every Chinese self-media platform puts under an uploaded article.
PLATFORM_NOTICE = r"(?:仅|只)提供(?:信息|资讯|信息发布)?(?:存储|储存)(?:空间)?服务"
# The article's own rights line: "© 本文版权归 某某 所有", "本文为某某授权某刊发布",
# "版权声明：本文为博主原创文章" (about this article, not the site: 本站/本网 are the footer's).
ARTICLE_RIGHTS = (r"^[\W_]{0,3}(?:版权声明[:：]\s*)?(?:本文|本作品|此文)\s*(?:的?(?:版权|著作权)\s*(?:归|属于|属)"
                  r"|(?:为|系).{0,30}(?:原创|授权))")
# Metadata labels no sentence starts with: inside the body they are still metadata.
STRONG_META = ("责任编辑", "责编", "IP属地", "原标题")
# "…的問題。（編輯：蘇龍麒）1120221": the editor's tag closing the last paragraph.
EDITOR_TAG = r"\s*[（(]\s*(?:责任编辑|编辑|责编)\s*[:：]\s*[^（()）]{2,20}[)）]\s*\d{0,8}\s*$"
# A reporter's sign-off after the article: "记者 王晓".
SIGNOFF = r"(?:记者|采写|撰稿|通讯员|实习生)[:：\s]*\S{2,4}$"
# A label some platforms put before an original article's headline.
ORIGINAL_LABEL = ("原创",)
# A byline or author box ends with the person's title: "…重阳金融研究院执行院长".
PERSON_TITLE = (
    r"(?:教授|研究员|院长|所长|主任|主编|总编|专栏作者|特约作者|评论员|学者|博士|律师)$"
)
# A reporter's dateline: "记者 王晓 / 北京报道", "记者：".
BYLINE = (
    r"(?:记者|通讯员|撰文|编译)\s*\S{2,12}?\s*(?:[/／]\s*\S{2,8})?\s*(?:报道|报导|发自)|记者[:：\s]"
)
# A news story's opening dateline: "新京报讯 （记者…）", "新华社巴黎12月9日电（记者唐霁）",
# "本报讯 "; under a related heading such a paragraph opens another article.
NEWS_LEAD = r"^\W{0,2}[\u4e00-\u9fffA-Za-z]{1,12}?(?:\d{1,2}月\d{1,2}日)?(?:讯|电)\s*[（(【]"
# A story's dateline opening its first paragraph: "参考消息网2月16日报道 据…", "新华社北京5月9日电 …".
NEWS_OPENING = r"^\W{0,2}[^\W\d_]{1,16}?[\s\w]{0,8}?\d{1,2}月\d{1,2}日\s?(?:电|讯|报道|消息)"
# The same, with its parts named, after a flash item's bolded headline: "【标题】财联社6月18日电，",
# "新华社北京5月9日电 " (the outlet as written before the date, and whether 电/讯/报道/消息).
OPENING_DATELINE = (r"^\W{0,2}(?:【[^】]{1,80}】\s*)?(?P<outlet>[^\W\d_][\w\s]{0,23}?)\s*\d{1,2}月\d{1,2}日\s?"
                    r"(?P<kind>电|讯|报道|消息)")
# An English date, as Blogger's date headers and Hong Kong or Taiwan pages in English
# write it: "Thursday, July 28, 2011", "28 July 2011", "Jul. 28, 2011", and 痞客邦's
# "Dec 28 Sat 2013 00:28" (the weekday between day and year).
EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_EN_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
EN_DATES = (  # month first, day first
    rf"\b(?P<month>{_EN_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_EN_WEEKDAY}(?P<year>(?:19|20)\d{{2}})\b",
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_EN_MONTH}),?\s+(?P<year>(?:19|20)\d{{2}})\b",
)
# A list item's date on a line of its own, with or without its year ("03-29", "05-07 12:30",
# "2024/05/07"): under a related heading the prose after it is that item's teaser.
LIST_DATE = r"^(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
# A feed item's line: its source, a bullet, and when ("News • 3 小時前Compared to…",
# "Yahoo財經·19 小時前", "News • 2024年5月21日Job gains…"), matched on the fold.  (The
# source and bullet first: a sentence opening "昨日，" or "3小时前，" is none.)
FEED_BULLETS = "•·|｜丨"
FEED_ITEM = (rf"^[^\d，。,：:]{{1,20}}?\s*[{FEED_BULLETS}]\s*(?:\d+\s*(?:秒|分钟|小时|天|周|个月)前|刚刚"
             r"|(?:昨天|昨日|前天|前日)(?:\s*\d{1,2}:\d{2})?|(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2}))")
# A post's stamp in a thread: when it was posted, alone or after the poster's name, a
# floor label or 发表于, and before a floor number or 只看该作者 ("晚风与橘子 2015-03-02
# 10:40:05", "2019-4-15 21:15", "2008-10-05, 11:42 PM | #2").  Three of them make a thread
# (`classify.thread_stamps`): every post after the article's is a reply.
POST_STAMP_LINE = (
    r"^(?=.{0,60}$)(?:[^\s\d]\S{0,23}\s+)?(?:(?:发表于|发布于|发表在|posted(?:\s+on)?)\s*)?"
    r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[,，]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?"
    r"(?:\s*[|｜]?\s*(?:#\s*\d{1,4}|\d{1,4}\s*[#楼]|只看该作者|只看楼主))?\s*$"
)
# A story's opening dateline on a line of its own ("新华社北京5月9日电", "TNW中文站 10月14日报道"):
# the article starts here, whatever buttons stand above it.
STORY_DATELINE = r"^\W{0,2}[^\W\d_]{1,16}?[\s\w]{0,8}?\d{1,2}月\d{1,2}日\s?(?:电|讯|报道|消息)(?:\s*[（(][^）)]{1,20}[）)])?\W{0,2}$"
# A section heading numbered in words ("四、相关命令汇总", "第三章 …"): the article's own
# next section, which a list of other articles' headlines never is.
SECTION_HEAD = r"^\s*(?:[一二三四五六七八九十]{1,3}[、．]|第[一二三四五六七八九十\d]{1,3}[章节部分篇]|【[^【】]{2,10}】\s*$)"  # …or 【花费汇总】 alone
# A photo credit closing a caption: "…纸团。沙坪坝区公安分局供图 华龙网"; a picture's, never a link.
# A post's stamp: its date and time to the minute ("发表于 2014-5-3 09:21:07", "2005-11-17
# 22:41"), as forums, comment lists and answer lists print one on every post.
POST_STAMP = r"(?<!\d)\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}"
PHOTO_CREDIT = (r"(?:供图|资料图|图源|记者\s?\S{2,4}\s?翻?摄)\W{0,2}\S{0,8}$|[（(][^()（）]{1,12}摄[)）]$"
                r"|[（(](?:示意)?图\s*[/／:：][^()（）]{1,20}[)）]$")  # …or "新华社发（刘满仓摄）"
# A wiki's section edit link left in a heading: 雄安新區[編輯].
EDIT_MARK = r"\[(?:编辑|edit)\]"
# The wire-service end mark glued to the last sentence: "…焕发新活力。（完）".
END_MARK = r"\s*[(（](?:完|END)[)）]\s*$"
# A site name that is really a copyright line.
COPYRIGHT_WORDS = r"(?i)copyright|©|\(c\)|版权|all rights"

# Metadata fields as pages label them (the value is read from the original line).
_VALUE_STOP = r"(?=[)）】\]]|\s|[|｜︱丨,，;；]|$)"
META_FIELDS = {
    "author": r"(?:作者|撰文)\s*(?:[:：丨|｜︱/／]|\s)\s*([^\s:：|｜︱丨,，;；)）】]{1,24}?)" + _VALUE_STOP
              + r"|(?:文丨|文\||文/|文／)\s*([^\s:：|｜丨,，;；)）】]{1,24}?)" + _VALUE_STOP,
    "reporter": r"记者\s*[:：]?\s*([^\s:：|｜丨,，;；。/／]{2,12}?)\s*(?=[/／]|报道|报导|发自|采访|$|\s)",
    # (本文来源于北京商报: the article's own; 来源于网络的消息… is a sentence)
    "source": r"(?:(?:来源|稿源|出处)\s*[:：]|^(?:本文|本稿|文章|稿件)来源于)\s*([^\s|｜丨,，;；)）】]{1,30}?)" + _VALUE_STOP,
    "editor": r"(?:责任编辑|责编|编辑)\s*(?:[:：]|\s)\s*([^\s:：|｜丨,，;；)）】]{1,16}?)" + _VALUE_STOP,
}
# Labels and trailers around a name in a byline box.
AUTHOR_LABEL = r"^(?:作者|文|选稿|撰文|记者|编辑|来源|by)\s*[:：丨|/]\s*"
AUTHOR_TRAILER = r"\s*(?:[·•|｜]|\s关注|\s粉丝|\s来自|\s作家说|\s发布于).*$"
# What a byline may say instead of a name.
NOT_A_NAME = frozenset({"作者", "时间", "来源", "编辑", "匿名", "admin", "佚名"})

# Cue text is compared after stripping this decoration around headings.
DECORATION = " \t\u3000:：|｜︱丨-—_=*#>》»›<《«‹[]【】〔〕()（）〈〉「」『』·•.。…~～/\\"
TERMINAL = "。！？!?…」”’』.;；"


_SEPARATORS = ":：|｜︱丨/"


@dataclass(frozen=True)
class CompiledCue:
    cue: Cue
    regex: re.Pattern[str] | None


def _compile(cue: Cue) -> CompiledCue:
    """Case-insensitive by matching a lower-cased pattern on the line's `fold_key`."""
    if cue.shape is Shape.PATTERN:
        return CompiledCue(cue, re.compile(lower_literals(cue.pattern)))
    if cue.shape is Shape.PREFIX:
        words = "|".join(sorted((re.escape(w) for w in cue.words), key=len, reverse=True))
        # A cue that ends on its own separator ("文/", "文丨") needs no other: "文/小舟".
        glued = "|".join(sorted((re.escape(w) for w in cue.words if w[-1] in _SEPARATORS), key=len, reverse=True))
        # The cue must be followed by a separator (：: space | ｜ ︱ 丨) or a bracketed
        # body: "特别声明：…", "编辑 柳晴雪", not "声明称" inside a sentence.
        # …or closed by a bracket: "【免责声明】本文…".
        return CompiledCue(cue, re.compile(lower_literals(
            rf"^[\s【\[(（“\"「]*(?:(?:{words})(?:\s*[】\])）]|\s*(?:[:：|｜︱丨/]|\s|$))"
            + (rf"|(?:{glued})(?=\S)" if glued else "") + ")")))
    return CompiledCue(cue, None)


@functools.cache
def _compiled() -> tuple[CompiledCue, ...]:
    """The cue table compiled, on first use: a text dump's run should not pay for
    compiling two dozen patterns at import time."""
    return tuple(_compile(c) for c in CUES)


_HEADING_WORDS = {w.lower(): c for c in CUES if c.shape in (Shape.HEADING, Shape.LINE) for w in c.words}
_RELATED_WORDS = tuple(w for c in CUES if c.family == "related-links" for w in c.words)
_BOX_HEADING = next(c for c in CUES if c.family == "related-links" and c.shape is Shape.HEADING)


def strip_decoration(text: str) -> str:
    return text.strip(DECORATION)


# A related list's heading in its polite or wordier form names the same box: 您可能會有興趣的文章
# is 你可能会有兴趣 (the cue words are written once, in the plain form).
_VARIANT_TAILS = ("文章", "内容", "新闻", "资讯", "帖子")
_HEADING_VARIANT = lazy(rf"的?(?:{'|'.join(_VARIANT_TAILS)})$")
_VARIANT_ENDS = frozenset(t[-1] for t in _VARIANT_TAILS)  # (most headings end otherwise: no regex run)
_MORE_STORIES = lazy(r"^更多.{1,8}(?:报道|报导|新闻|文章|资讯|好文|视频)$")
_MORE_LINK = lazy(r"\s*(?:更多|more|MORE|More)\s*[>»›]+$")


def heading_cue(text: str) -> tuple[Cue, str] | None:
    """A cue that is the whole block (give or take decoration, counts, 更多 links),
    matched on its Traditional -> Simplified fold."""
    core = strip_decoration(text)
    if not core or len(core) > SETTINGS.heading_cue_max:
        return None
    core = fold(core)
    # (the arrow is looked for in the line as written: decoration is stripped from `core`)
    more_link = False
    if text.rstrip()[-1:] in (">", "»", "›"):  # (the arrow first: most lines have none)
        written = fold(text.strip()).lstrip("#").strip()
        bare = _MORE_LINK.sub("", written)
        named = sum(ch.isalnum() for ch in bare)
        more_link = bare != written and SETTINGS.box_heading_min <= named <= SETTINGS.box_heading_chars
    core = re.sub(r"\s*(?:更多|换一换|more|MORE)\s*[>»›]*$|\s*[(（]?\d+[)）]?$|\s*\d+\s*条$", "", core)
    core = strip_decoration(core)
    if any(ch.isspace() or ch in "·•・" for ch in core):  # (spares compiling a CJK class)
        core = re.sub(r"(?<=[\u4e00-\u9fff])[\s·•・]+(?=[\u4e00-\u9fff])", "", core)  # 延伸 · 推薦
    cue = _HEADING_WORDS.get(core.lower())
    if cue:
        return cue, core
    if core and core[-1] in _VARIANT_ENDS:
        plain = _HEADING_VARIANT.sub("", core.replace("您", "你", 1))
        if plain != core and plain in _RELATED_WORDS:
            return _HEADING_WORDS[plain], core
    # A related-links heading with a qualifier in front: "更多編輯台推薦新聞：".
    if text.rstrip().endswith(("：", ":")) or core.startswith("更多"):
        for word in _RELATED_WORDS:
            if core.endswith(word) and 0 < len(core) - len(word) <= SETTINGS.heading_qualifier_max:
                return _HEADING_WORDS[word.lower()], core
    # "更多鏡週刊報導", "更多财经新闻": more of the site's stories, whatever names them.
    if _MORE_STORIES.match(core):
        return _HEADING_WORDS["更多新闻"], core
    # A box's heading with its "more >" link (诗人简介 more>, 热门推荐 更多>): whatever it
    # names, it heads a box of the site's, never a section of an article.
    if more_link:
        return _BOX_HEADING, core
    return None


def match_cue(text: str) -> tuple[Cue, str] | None:
    """The first cue (with the words that matched, in Simplified) whose shape fits
    `text`, matched on its Traditional -> Simplified fold.  Label splitting and the
    classifier both ask about every line: the answer for a line of ordinary size is
    remembered (a page's giant block is not, so the memory held stays small)."""
    if len(text) > SETTINGS.cue_cache_chars:
        return _match_cue(text)
    return _remembered_cue(text)


def _match_cue(text: str) -> tuple[Cue, str] | None:
    found = heading_cue(text)
    if found:
        return found
    stripped = text.strip()
    key = fold_key(stripped)
    for compiled in _compiled():
        if compiled.regex is None:
            continue
        m = compiled.regex.search(key)
        if m:
            quote = fold(stripped[m.start():m.end()])  # as written, in Simplified
            return compiled.cue, strip_decoration(quote)[:SETTINGS.cue_quote_chars]
    return None


_remembered_cue = functools.lru_cache(maxsize=SETTINGS.cue_cache_lines)(_match_cue)


def compiled_pattern(cue: Cue) -> re.Pattern[str]:
    """The compiled regular expression of a pattern cue; it matches a line's `fold_key`."""
    return next(c.regex for c in _compiled() if c.cue is cue and c.regex is not None)


def reason(cue: Cue, matched: str) -> str:
    """The label shown to the user: the family, plus the cue for heading/prefix rules."""
    if cue.shape in (Shape.HEADING, Shape.PREFIX, Shape.LINE) and matched:
        return f"{cue.family}: {matched}"
    return cue.family

# HTML class/id tokens that name a furniture role (split on -, _, camelCase).  An
# element so named is pruned before trafilatura unless it holds the headline or
# most of the page's prose; the token becomes the reason ("furniture: recommend").
FURNITURE_TOKENS = frozenset({
    "header", "footer", "nav", "navbar", "navigation", "menu", "submenu", "sidebar", "aside",
    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "recommend", "recommends", "recommended",
    "recommendation", "recommendations", "related", "relate", "hotnews", "ranking", "rank", "toplist",
    "comment", "comments", "cmmt", "cmmts", "reply", "replies", "share", "sharing", "social",
    "ad", "ads", "advert", "advertisement", "adsbygoogle", "banner", "sponsor", "promo", "promotion",
    "copyright", "login", "signin", "search", "carousel", "slider", "pagination", "pager",
    "qrcode", "subscribe", "disclaimer", "guess", "feed", "feeds", "widget", "toolbar",
    "sign", "signature", "signatures",  # a forum post's signature (Discuz div.sign)
    "infobox", "toc", "catalog",  # an encyclopedia entry's fact box and its table of contents
})
# Names that say a furniture role only together ("basic-info", "basicInfo-block": an
# encyclopedia entry's fact box; "info" alone names an article's own date line).
FURNITURE_PAIRS: dict[frozenset[str], str] = {frozenset({"basic", "info"}): "infobox"}

# Class/id tokens that name the page region a line stood in (for text no stage reported).
REGION_TOKENS = {"nav": "navigation", "menu": "navigation", "header": "page-header", "footer": "page-footer",
                 "sidebar": "sidebar", "aside": "sidebar", "breadcrumb": "navigation", "crumb": "navigation"}
