"""The boilerplate cue table: every named rule the classifier can cite.

Rules are data.  Each `Cue` names a family (the reason shown to the user), the words
that signal it, and *how* they must appear to count.  Keywords alone never remove a
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


# The links in a site's footer.
_FOOTER_LINK = (
    r"(?:隐私政策|隱私政策|私隐政策|私隱政策|隐私条款|隱私條款|保护隐私|保護隱私|服务条款|服務條款|使用条款|使用條款|"
    r"免责条款|免責條款|私隱資訊|关于我们|關於我們|联系我们|聯絡我們|聯繫我們|网站地图|網站地圖|广告服务|廣告服務|"
    r"意见与投诉|意見與投訴|诚征英才|誠徵英才|招聘信息|投资者关系|投資者關係|"
    r"许可证|許可證|ICP\s*[证證备備]|公网安备|公網安備|举报中心|舉報中心)"
)
# The words on a page's share/like buttons.
_BUTTON = r"(?:分享|点赞|點讚|在看|收藏|转发|轉發|评论|評論|关注|關注|投币|投幣)"

CUES: tuple[Cue, ...] = (
    # Headings that open a block of unrelated headlines after the article.
    Cue("related-links", Shape.HEADING, (
        "猜你喜欢", "猜你喜歡", "相关阅读", "相關閱讀", "推荐阅读", "推薦閱讀", "延伸阅读", "延伸閱讀",
        "热门推荐", "熱門推薦", "全站最新", "往期推荐", "往期推薦", "往期回顾", "往期精选", "相关新闻",
        "相關新聞", "推荐新闻", "推薦新聞", "相关文章", "相關文章", "相关推荐", "相關推薦", "热门文章", "熱門文章", "热点推荐",
        "最新文章", "更多精彩", "精彩推荐", "精彩推薦", "为你推荐", "為你推薦", "为您推荐", "大家都在看",
        "热门排行", "阅读排行", "点击排行", "排行榜", "今日推荐", "编辑推荐", "你可能感兴趣", "猜你感兴趣",
        "你可能也喜歡", "你可能會喜歡", "相关报道", "相關報導", "热门新闻", "熱門新聞", "最新资讯", "最新新聞",
        "热门资讯", "精选推荐", "热文推荐", "更多新闻", "更多新聞", "看更多", "更多报道", "相关专题",
        "热点新闻", "热点资讯", "新闻推荐", "热门视频", "推荐视频", "相关视频", "相關影片", "热门标签",
        "热搜", "热榜", "24小时热文", "热读", "今日热点", "最新报道", "最热文章", "最新消息",
        "重点推荐", "重點推薦", "相关事件", "相關事件", "热点专题", "精彩图集", "图片推荐", "热门图集",
        "延伸推荐", "延伸推薦", "其他人也在看", "网友也在看", "網友也在看", "大家也在看", "你可能还想看",
        "你可能還想看", "你可能也喜欢", "你可能感興趣", "更多阅读", "更多閱讀",
    ), region=True),
    # A listed headline with its timestamp: "学校只剩一名学生，她却坚守了18年 2018-03-01 14:40:53"
    # (a dateline starts with its outlet's short name, not a headline).
    Cue("related-links", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,90}$)(?!.*。)(?:[^\w\n]*\w){8}.*?\s+(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
    )),
    # A related link standing in one line: "推荐阅读：绥德交警：8月1日起，专项整治…".
    Cue("related-links", Shape.PREFIX, (
        "推荐阅读", "推薦閱讀", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀", "相关新闻", "相關新聞",
        "相关报道", "相關報導", "往期回顾", "往期推荐", "往期推薦",
    )),
    Cue("comments", Shape.HEADING, (
        "网友评论", "網友評論", "热门评论", "熱門評論", "最新评论", "最新評論", "全部评论", "全部評論",
        "评论区", "發表評論", "发表评论", "我来说两句", "精选留言", "写留言", "留言区", "評論", "评论",
        "留言", "我要评论", "查看评论", "参与讨论", "參與討論", "跟贴", "跟帖", "跟贴热词", "热门跟贴",
        "网友跟贴", "最新跟贴", "Post a Comment", "Leave a Comment", "Leave a Reply", "No comments",
    ), region=True),
    # A comment's own line: who, when, and the reply/like buttons.  It opens the
    # comment thread when it stands after the article.
    # "4,060 条评论": a comment count heading the thread.
    Cue("comments", Shape.PATTERN, (), pattern=(
        r"^(?:共|全部)?\s*\d[\d,.]*\s*万?\s*(?:条|則)\s*(?:评论|評論|留言|回复|回覆|跟贴|跟帖)$"
    ), region=True),
    Cue("comment-thread", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,80}$)(?!.*[。！？]$).*(?:\d+\s*(?:秒|分钟|分鐘|小时|小時|天)前|刚刚|剛剛|昨天\s*\d{1,2}:\d{2}"
        r"|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}).*(?:回复|回覆|点赞|點讚|赞\s*\d*$|讚\s*\d*$|举报|舉報)"
        # a commenter's name and how long ago: "我每天都在微笑 5小时前"
        r"|^(?=.{0,40}$)\S+\s+(?:\d+\s*(?:秒|分钟|分鐘|小时|小時|天)前|刚刚|剛剛)$"
    ), region=True),
    # Platform and copyright disclaimers.
    Cue("disclaimer", Shape.PREFIX, (
        "特别声明", "特別聲明", "免责声明", "免責聲明", "平台声明", "平臺聲明", "版权声明", "版權聲明",
        "声明", "聲明", "法律声明", "郑重声明", "鄭重聲明", "风险提示", "風險提示",
        "Notice: The content above", "Disclaimer",
    )),
    Cue("disclaimer", Shape.PATTERN, (), pattern=(
        r"^(?:[(（【\[]?\s*)?(?:本文|本站|本网|本網|本平台|本号|本號|文章|以上内容|以上內容)"
        r"[^。]{0,60}(?:仅代表|僅代表|不代表|版权|版權|转载|轉載|授权|授權|侵权|侵權|信息存储|資訊儲存|来源于网络|來源於網絡)"
        r"|^[\u4e00-\u9fff]{1,6}(?:声明|聲明)[:：]"
        r"|^(?:转载|轉載)(?:请|請)注明|^凡本网|^凡本網|^如有侵权|^如有侵權"
        r"|^未[经經].{0,12}(?:授权|授權|许可|許可|同意)\s*[，,]?\s*(?:不得|禁止|请勿|請勿|严禁|嚴禁|任何)"
        r"|^The content above|^Copyright\b|^©|^All rights reserved|^Powered by\b|.{0,40}\bPowered by \w+\.?$"
        r"|^(?=.{0,160}$).*\bAll Rights Reserved\.?\s*$|^.{0,16}(?:版权所有|版權所有)\s*(?:Copyright|©|\(c\))"
        r"|^(?:版权所有|版權所有)\s*(?:[:：©(（]|\s|$)"
        r"|^(?=.{0,80}$)[^。]*(?:请勿转载|請勿轉載|禁止转载|禁止轉載|谢绝转载|謝絕轉載|不得转载|不得轉載)"
        # (anchored at the line start too: an unanchored branch is retried at every character)
        r"|^.*?(?:仅供|僅供).{0,12}(?:参考|參考|个人看法|個人看法).{0,20}(?:不代表|不表明|並不代表|并不代表)"
        r"|^.*?(?:不代表|不表明).{0,16}(?:立场|立場|观点|觀點)[。.]?$"
    )),
    Cue("breadcrumb", Shape.PREFIX, (
        "当前位置", "當前位置", "您的位置", "你的位置", "您现在的位置", "您現在的位置", "所在位置", "目前位置",
        "现在位置",
    )),
    Cue("breadcrumb", Shape.PATTERN, (), pattern=(
        r"^(?:首页|首頁|主页|主頁|网站首页|網站首頁|Home)\s*(?:[»>＞›/|\-—>]+|&gt;)\s*\S"
        # Three or more short segments joined by > » › or a spaced slash: 新浪财经 > 滚动新闻 > 正文
        r"|^(?=.{0,60}$)[^，。,!?！？>»›＞/]{1,14}(?:\s*(?:>|»|›|＞|&gt;)\s*|\s+/\s+)"
        r"[^，。,!?！？>»›＞/]{1,14}(?:(?:\s*(?:>|»|›|＞|&gt;)\s*|\s+/\s+)[^，。,!?！？>»›＞/]{1,14})+$"
        # …or two, the last one the page itself: 国内新闻 > 正文
        r"|^(?=.{0,40}$)[^，。,!?！？>»›＞]{1,14}\s*(?:>|»|›|＞|&gt;)\s*(?:正文|內文|内文|文章|详情|詳情)$"
    )),
    # Lines of metadata: they feed the Article's fields, not the body.
    Cue("meta", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,120}$).*(?:IP属地|IP屬地|发布于|發佈於|阅读量|閱讀量|浏览量|瀏覽量|阅读数|点击数|浏览[:：]|瀏覽[:：]|字号[:：]|字體[:：])"
    )),
    # A date with no date in it: "昨天", "3小时前" standing alone under a headline.
    Cue("meta", Shape.PATTERN, (), pattern=(
        r"^(?:昨天|前天|今天|刚刚|剛剛|\d{1,2}\s*(?:分钟|分鐘|小时|小時|天)前|\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?)$"
    )),
    # A WeChat account's card under the headline.
    Cue("account-card", Shape.PREFIX, ("微信号", "微信號", "功能介绍", "功能介紹")),
    Cue("meta", Shape.PREFIX, ("责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯", "校对", "校對", "审核", "審核",
                                "监制", "主编"), meta="editor"),
    Cue("meta", Shape.PREFIX, ("作者", "文丨", "文|", "文/", "撰文", "记者", "記者", "通讯员", "通訊員", "原创", "原創"),
        meta="author"),
    Cue("meta", Shape.PREFIX, ("来源", "來源", "稿源", "出处", "出處", "原标题", "原標題", "转自", "轉自"), meta="source"),
    Cue("meta", Shape.PREFIX, ("发布时间", "發佈時間", "發布時間", "发表时间", "發表時間", "更新时间", "更新時間",
                                "时间", "時間", "日期", "发布日期", "發佈日期", "刊发时间"), meta="date"),
    Cue("end-marker", Shape.PATTERN, (), pattern=(
        r"^[\s\-—=_~*·.。]*(?:THE\s*END|END|全文完|本文完|正文完|（完）|\(完\)|【完】|〔完〕|完)[\s\-—=_~*·.。]*"
        r"(?:[,，]?\s*(?:感谢|感謝|谢谢|謝謝)[^。]{0,20}[。!！]?)?$"
    )),
    # A site's legal and about links: 服務條款/私隱政策, 关于我们; a footer glues several.
    Cue("navigation", Shape.PATTERN, (), pattern=(
        rf"^(?=.{{0,30}}$).*{_FOOTER_LINK}|^(?=.{{0,160}}$)(?!.*。).*{_FOOTER_LINK}.*{_FOOTER_LINK}"
    )),
    # A list of buttons: "分享、点赞、在看，3连3连！" (a sentence only in shape).
    Cue("buttons", Shape.PATTERN, (), pattern=rf"^(?=.{{0,40}}$){_BUTTON}(?:[、，,\s]+{_BUTTON})+"),
    Cue("share-prompt", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,60}$)(?:.*(?:分享到|分享至|点击关注|點擊關注|关注我们|關注我們|长按识别|長按識別|扫码关注|掃碼關注|"
        r"扫一扫|掃一掃|微信扫|打开APP|打開APP|下载APP|下載APP|下载客户端|阅读原文|閱讀原文|点个在看|點個在看|"
        r"点赞|點讚|一键三连|星标|設為星標|设为星标|查看更多|收藏本文|转发朋友圈|复制链接|複製連結|"
        r"举报|舉報|投诉|投訴|订阅|訂閱|加入书架|字号|打印本页|关闭窗口|關閉視窗|二维码|二維碼|意见反馈|意見反饋|"
        r"欢迎批评指正|感谢您的反馈|感謝您的回饋|人参与|人參與|报料|爆料|新闻热线|新聞熱線|QQ空间|QQ空間|"
        r"语音播报|語音播報|播报文章|播報文章|转播到|轉播到).*)$"
        r"|^更多.{0,8}(?:请|請)?(?:点击|點擊|关注|關注|访问|訪問)|^相关.{0,6}(?:请关注|請關注)"
        r"|^(?:关注|關注)[\u4e00-\u9fffA-Za-z]{2,8}$"  # 关注新华网
        rf"|^[+＋]?\s*(?:{_BUTTON}|阅读|閱讀|推荐|推薦|赞|讚|喜欢|喜歡)\s*(?:\d[\d,.]*\s*[万萬]?\+?)?$"  # a button (and its count)
        r"|^(?=.{0,40}$).*(?:尽在|盡在|就在|下载|下載|打开|打開).{0,10}(?:APP|App|app|客户端|客戶端)$"
        r"|^(?=.{0,60}$)(?!.*[。！？]$).*(?:安装|安裝|下载|下載).{0,12}(?:客户端|客戶端|APP|App)"
    )),
    Cue("tags", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,80}$)(?:[\u4e00-\u9fff]{1,3})?(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|Tags?|Labels?)\s*(?:[:：>»]|&gt;|\s|$)"
        r"|^(?=.{0,80}$)(?:#[^\s#]{1,12}\s*){2,}$"  # #鄭文燦 #農委會
    ), region=True),  # tags close the article: what follows them is the page's
    # A summary that links on to another article: "…分享其求艺之路的感悟。【详细】".
    Cue("teaser", Shape.PATTERN, (), pattern=(
        r"(?:[【\[［]\s*(?:详细|詳細|详情|詳情|全文|阅读全文|閱讀全文|更多)\s*[】\]］]"
        r"|(?:详细|詳細|详情|詳情|全文|阅读全文|閱讀全文)\s*(?:>>|»|＞＞))\s*$"
    )),
    # Buttons and calls to action: "【点击投票】Pick你心中的…", "立即前往>>".
    Cue("call-to-action", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,150}$).*[【\[［]\s*(?:点击|點擊|立即|马上|馬上)[^】\]］]{0,8}[】\]］]"
        r"|^(?=.{0,120}$).*(?:立即|马上|馬上|点击|點擊|进入|進入|前往|查看)[\u4e00-\u9fff]{0,4}\s*(?:>>|»|＞＞)\s*$"
    )),
    # Cookie and privacy consent banners.
    Cue("consent", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,100}$).*(?:同意|接受|接納).{0,12}(?:隐私|隱私|Cookie|cookie)"
        r"|^(?=.{0,100}$).*(?:本网站|本網站|本站|我们|我們).{0,10}(?:使用|採用|利用)\s*(?:Cookie|cookie)"
        r"|^(?=.{0,120}$)(?:本网站|本網站|本站).{0,30}(?:隐私|隱私|Cookie|cookie)"
    )),
    Cue("navigation", Shape.PATTERN, (), pattern=(
        r"^(?=.{0,60}$)(?:上一篇|下一篇|上一頁|下一頁|上一页|下一页|阅读下一篇|閱讀下一篇|返回首页|返回首頁|返回顶部|"
        r"回到顶部|回到頂部|返回列表|更多>>|更多»|查看原文|展开全文|展開全文|展开全部|展開全部|"
        r"Newer Post|Older Post|Previous Post|Next Post|阅读整篇文章|閱讀整篇文章|"
        r"(?:点击|點擊)?(?:加载|加載|载入|載入)更多|正在加载|正在加載|加载中|載入中)"
    )),
    Cue("image-placeholder", Shape.PATTERN, (), pattern=(
        r"^(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\[(?:图片|圖片|image|img|视频|視頻|影片)\]$"
        r"|^(?:点击|點擊)?(?:查看)?(?:大图|大圖|原图|原圖)(?:\s*\d+\s*[KkMm]B?)?$|^<img\b[^>]*>$"
    )),
    # An ad's label glued to its title by the flattener: "广告英国的大学排名全知晓."
    Cue("sponsored", Shape.PATTERN, (), pattern=r"^(?:广告|廣告)(?![，,、：:的费費业業行商主])\S(?=.{0,40}$)(?!.*。$)"),
    Cue("advertisement", Shape.LINE, (
        "广告", "廣告", "推广", "推廣", "赞助", "贊助", "AD", "Advertisement", "赞助内容", "贊助內容",
        "广告位", "合作推广",
    )),
    Cue("duplicate-summary", Shape.PREFIX, ("摘要", "导语", "導語", "导读", "導讀", "内容提要", "內容提要", "核心提示")),
)

# Cue text is compared after stripping this decoration around headings.
DECORATION = " \t\u3000:：|｜丨-—_=*#>》»›<《«‹[]【】〔〕()（）〈〉「」『』·•.。…~～/\\"
TERMINAL = "。！？!?…」”’』.;；"


@dataclass(frozen=True)
class CompiledCue:
    cue: Cue
    regex: re.Pattern[str] | None


def _compile(cue: Cue) -> CompiledCue:
    if cue.shape is Shape.PATTERN:
        return CompiledCue(cue, re.compile(cue.pattern, re.I))
    if cue.shape is Shape.PREFIX:
        words = "|".join(sorted((re.escape(w) for w in cue.words), key=len, reverse=True))
        # The cue must be followed by a separator (：: space | 丨) or a bracketed
        # body: "特别声明：…", "编辑 柳晴雪", not "声明称" inside a sentence.
        # …or closed by a bracket: "【免责声明】本文…".
        return CompiledCue(cue, re.compile(
            rf"^[\s【\[(（“\"「]*(?:{words})(?:\s*[】\])）]|\s*(?:[:：|丨/]|\s|$))", re.I))
    return CompiledCue(cue, None)


@functools.cache
def _compiled() -> tuple[CompiledCue, ...]:
    """The cue table compiled, on first use: a text dump's run should not pay for
    compiling two dozen patterns at import time."""
    return tuple(_compile(c) for c in CUES)


_HEADING_WORDS = {w.lower(): c for c in CUES if c.shape in (Shape.HEADING, Shape.LINE) for w in c.words}
_RELATED_WORDS = tuple(w for c in CUES if c.family == "related-links" for w in c.words)


def strip_decoration(text: str) -> str:
    return text.strip(DECORATION)


def heading_cue(text: str) -> tuple[Cue, str] | None:
    """A cue that is the whole block (give or take decoration, counts, 更多 links)."""
    core = strip_decoration(text)
    if not core or len(core) > 16:
        return None
    core = re.sub(r"\s*(?:更多|换一换|換一換|more|MORE)\s*[>»›]*$|\s*[(（]?\d+[)）]?$|\s*\d+\s*条$", "", core)
    core = re.sub(r"(?<=[\u4e00-\u9fff])[\s·•・]+(?=[\u4e00-\u9fff])", "", strip_decoration(core))  # 延伸 · 推薦
    cue = _HEADING_WORDS.get(core.lower())
    if cue:
        return cue, core
    # A related-links heading with a qualifier in front: "更多編輯台推薦新聞：".
    if text.rstrip().endswith(("：", ":")) or core.startswith("更多"):
        for word in _RELATED_WORDS:
            if core.endswith(word) and 0 < len(core) - len(word) <= 5:
                return _HEADING_WORDS[word.lower()], core
    return None


def match_cue(text: str) -> tuple[Cue, str] | None:
    """The first cue (with the words that matched) whose shape fits `text`."""
    found = heading_cue(text)
    if found:
        return found
    stripped = text.strip()
    for compiled in _compiled():
        if compiled.regex is None:
            continue
        m = compiled.regex.search(stripped)
        if m:
            return compiled.cue, strip_decoration(m.group(0))[:40]
    return None


def compiled_pattern(cue: Cue) -> re.Pattern[str]:
    """The compiled regular expression of a pattern cue."""
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
})
