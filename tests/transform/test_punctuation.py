from __future__ import annotations

import pytest

from reader.model import Article, Block, BlockKind
from reader.transform.punctuation import fullwidth_article, fullwidth_punctuation as fw


@pytest.mark.parametrize(
    "before, after",
    [
        ("马云回归阿里,带领AI登上《新闻联播》", "马云回归阿里，带领AI登上《新闻联播》"),
        ("编辑:柳晴雪", "编辑：柳晴雪"),
        ("你好吗?!", "你好吗？！"),
        ("第一;第二", "第一；第二"),
        ("(马云回归阿里瞬间天翻地覆)", "（马云回归阿里瞬间天翻地覆）"),
        ("人工智能(AI)技术", "人工智能（AI）技术"),
        ("人工智能 (AI) 的", "人工智能（AI）的"),
        ("阿里, 腾讯 ; 百度", "阿里，腾讯；百度"),
        ("“让阿里巴巴再次伟大”:Make Alibaba Great", "“让阿里巴巴再次伟大”：Make Alibaba Great"),
        ("AI,大模型", "AI，大模型"),
    ],
)
def test_converted_in_chinese_context(before: str, after: str) -> None:
    assert fw(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "时间 17:30:14",
        "共3,800亿元",
        "Make Alibaba Great Again, ok? yes!",
        "f(x) = x",
        "见 https://example.com/a?b=1,2;c=(3) 页面",
        "邮件 me@example.com 联系",
        "www.example.com:8080",
        "没有标点的句子",
    ],
)
def test_left_alone(text: str) -> None:
    assert fw(text) == text


def test_url_next_to_chinese_keeps_url_and_converts_the_rest() -> None:
    assert fw("见https://a.cn/x?a=1,2,之后再说") == "见https://a.cn/x?a=1,2，之后再说"


def test_article_helper_converts_title_and_blocks() -> None:
    a = Article(title="阿里:回归", blocks=(Block(BlockKind.PARAGRAPH, "好的,走吧"), Block(BlockKind.PARAGRAPH, "10:30")))
    out = fullwidth_article(a)
    assert out.title == "阿里：回归"
    assert [b.text for b in out.blocks] == ["好的，走吧", "10:30"]


def test_article_helper_leaves_code_alone() -> None:
    code = Block(BlockKind.CODE, "print(f(x)); a = {1: 2}  # 注释,说明")
    a = Article(title="代码", blocks=(Block(BlockKind.PARAGRAPH, "例如:"), code))
    out = fullwidth_article(a)
    assert out.blocks[0].text == "例如："
    assert out.blocks[1] == code
