"""Scraper artifacts cleaned inside kept text."""
from __future__ import annotations

import pytest

from reader.extract.artifacts import clean_code, clean_inline, clean_removed, split_end_mark, uses_link_marks, strip_inline_markup


def test_link_marks_need_several_spans_and_no_corner_quotes() -> None:
    assert uses_link_marks("『谷歌』和『微软』都在做储能")
    assert not uses_link_marks("『谷歌』在做储能")  # one span: a quotation
    assert not uses_link_marks("『谷歌』和『微软』都说「储能很重要」")  # 「」 in use: 『』 nest inside them
    assert not uses_link_marks("『这是一段超过十二个字符的很长的引用内容』和『另一段同样很长的引用内容啊』")


def test_link_marks_are_removed_only_when_asked() -> None:
    text = "『谷歌』和『微软』都在做储能"
    assert clean_inline(text, link_marks=True) == "谷歌和微软都在做储能"
    assert clean_inline(text, link_marks=False) == text


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("这是<strong>重点</strong>内容", "这是重点内容"),
        ("<b>粗体</b>与<em>强调</em>", "粗体与强调"),
        ('<span style="color:red">红字</span>', "红字"),
        ("第一行<br/>第二行", "第一行第二行"),
        ("零\u200b宽\ufeff字\u200d符", "零宽字符"),
        ("软\u00ad连字符", "软连字符"),
        ("a &amp; b &lt;c&gt;", "a & b <c>"),
        ("储能![](https://a/b.png)电站", "储能电站"),
        ("多个  空格\u3000和\t制表", "多个 空格 和 制表"),
        ("控制\x07字符\x1b", "控制字符"),
    ],
)
def test_clean_inline(raw: str, clean: str) -> None:
    assert clean_inline(raw) == clean


@pytest.mark.parametrize("raw, text, mark", [
    ("新华社北京3月17日电。（完）", "新华社北京3月17日电。", "（完）"),
    ("新华社北京3月17日电。(完) ", "新华社北京3月17日电。", "(完)"),
    ("报道结束。（END）", "报道结束。", "（END）"),
    ("完成（完）任务", "完成（完）任务", ""),
])
def test_split_end_mark(raw: str, text: str, mark: str) -> None:
    assert split_end_mark(raw) == (text, mark)


@pytest.mark.parametrize(
    "text",
    [
        "完成（完）任务",  # only at the end
        "他写了<储能>一书",  # not a known tag
        "表达式 a < b 和 b > c",
        "数组 list[0](1)",
        "储能。",
    ],
)
def test_clean_inline_leaves_content_alone(text: str) -> None:
    assert clean_inline(text) == text


def test_clean_removed_shows_the_text_as_it_was() -> None:
    assert clean_removed("![](x.png)\u200b  分享到\x07") == "![](x.png) 分享到"
    assert clean_removed("<strong>广告</strong>") == "<strong>广告</strong>"


def test_clean_code_keeps_lines_and_indentation() -> None:
    code = "\n\tdef f(x):\n\t\treturn x + 1   \n\n# 注释\u200b\n"
    assert clean_code(code) == "    def f(x):\n        return x + 1\n\n# 注释"
    assert clean_code("a  =  1") == "a  =  1"  # inner spacing untouched
    assert clean_code("<b>x</b>") == "<b>x</b>"  # tags in code are code


def test_escape_sequences_go_whole_not_just_their_escape_byte():
    from reader.extract.artifacts import clean_inline

    assert clean_inline("\x1b]0;evil\x07标题\x1b[2J") == "标题"


@pytest.mark.parametrize("line, text", [
    ("分享到：[](http://service.weibo.com/share/share.php?url=x)[](http://sns.qzone.qq.com/x)", "分享到："),
    ("[新闻](http://a.cn/) [ ](http://b.cn/)", "新闻  "),
    ("![图](a.png)[](#)", "![图](a.png)"),
])
def test_an_icon_link_with_no_text_leaves_nothing(line: str, text: str) -> None:
    assert strip_inline_markup(line) == text


def test_an_image_inlined_as_data_keeps_its_mark_and_loses_its_data() -> None:
    line = "分享到：![](data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA+/=" * 200 + ")"
    assert strip_inline_markup(line) == "分享到：![]()"


@pytest.mark.parametrize("line, text", [
    ("[ _广告_ 通知：留学生注意了×](https://www.so.com/s?q=" + "%E8%8B%B1" * 150 + ")", " 广告 通知：留学生注意了×"),
    ("蔡健雅（ _Tanya Chua_ ），歌手", "蔡健雅（ Tanya Chua ），歌手"),
    ("新竹尖石_美樹營地賞楓 @ 史蒂文的家_藍天", "新竹尖石_美樹營地賞楓 @ 史蒂文的家_藍天"),  # a title bar's separators
    ("snake_case_name 和 a*b*c", "snake_case_name 和 a*b*c"),
], ids=["ad-with-long-url", "emphasis", "title-bar", "code-words"])
def test_markdown_emphasis_and_long_links_unwrap_but_separators_stay(line: str, text: str) -> None:
    assert strip_inline_markup(line) == text


def test_a_bookmarklet_link_is_its_text_whatever_its_code_holds() -> None:
    # html2text writes a share button's javascript: link whole; its code nests
    # parentheses deeper than a url does, and would otherwise stand as 355 characters of "prose"
    bookmarklet = (r"[](javascript:void\(\(function\(s,d,e,r,l,p,t,z,c\){var%20f='http://v.t.sina.com.cn/share/"
                   r"share.php?appkey=1',u=z||d.location,p=['&url=',e(u)].join('');}\)\(screen,document\)\))")
    assert strip_inline_markup(bookmarklet) == ""
    assert strip_inline_markup(f"[分享到微博]{bookmarklet[2:]}") == "分享到微博"
    # a plain javascript: link closes where it closes: the words after it stay
    assert strip_inline_markup("[分享](javascript:void(0);) 到微博 [链接](http://a.com/x)") == "分享 到微博 链接"
