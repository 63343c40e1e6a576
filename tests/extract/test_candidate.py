"""Block measurements: character counts, punctuation, prose and headline shapes."""
from __future__ import annotations

import pytest

from reader.extract.candidate import (
    Candidate,
    count_chars,
    ends_sentence,
    han_count,
    is_body_like,
    is_headline_like,
    is_numbered_heading,
    menu_line,
    normalize,
    punct_count,
)
from reader.model import BlockKind

PROSE = "新型储能产业在今年迎来快速增长，多个省份相继出台支持政策，推动一批重点项目加快落地，行业整体规模持续扩大。"


def test_count_chars_counts_letters_and_digits_of_any_script() -> None:
    assert count_chars("储能 AI 2025，增长！") == 2 + 2 + 4 + 2
    assert count_chars("，。！？ \u3000——《》_·•") == 0
    assert count_chars("ｆｕｌｌ ２０２４年") == 4 + 4 + 1  # full-width letters and digits are content
    assert count_chars("アニメ 𠀀") == 4  # kana, and Han beyond the BMP
    assert Candidate("储能ab12。").length == 6


def test_han_count_ignores_latin_and_digits() -> None:
    assert han_count("储能AI2025產業") == 4
    assert han_count("abc 123") == 0


def test_punct_count_counts_sentence_punctuation_only() -> None:
    assert punct_count("一，二。三；四！五？六、七,八;") == 8
    assert punct_count("《储能》「报告」（全文）——") == 0


@pytest.mark.parametrize("text", ["好。", "真的吗？", "他说：「走吧。」", "Really?", "（完）", "结束了…  "])
def test_ends_sentence(text: str) -> None:
    assert ends_sentence(text)


def test_ascii_full_stop_ends_a_sentence() -> None:
    assert ends_sentence("The company said it would expand.")


@pytest.mark.parametrize("text", ["", "   ", "说到底AI竞争", "计划包括：", "图为发布会现场"])
def test_does_not_end_sentence(text: str) -> None:
    assert not ends_sentence(text)


@pytest.mark.parametrize("text", ["一、总体要求", "（二）主要任务", "3. 加强监管", "第三章 附则", "①储能", "B. 方案"])
def test_numbered_headings(text: str) -> None:
    assert is_numbered_heading(text)


@pytest.mark.parametrize("text", ["1.5亿元的投资", "2025年储能装机", "一些专家认为", "第一次见面", "P.S. 照片是用手机拍的，有点暗。", "U.S. Steel 的收购案"])
def test_not_numbered_headings(text: str) -> None:
    assert not is_numbered_heading(text)


def test_body_like_needs_length_and_punctuation() -> None:
    assert is_body_like(PROSE)
    assert not is_body_like(PROSE.replace("，", "").replace("。", ""))  # long but no punctuation
    assert not is_body_like("储能产业发展迅速，前景广阔。")  # punctuated but short
    # 80+ characters need only one mark.
    assert is_body_like("储" * 80 + "。")
    assert not is_body_like("储" * 79 + "。")


def test_headline_like_is_short_and_unpunctuated() -> None:
    assert is_headline_like("储能产业迎来快速增长")
    assert is_headline_like("储能产业迎来快速增长，前景广阔")  # one inner comma is still a headline
    assert not is_headline_like("储能产业迎来快速增长。")  # a sentence
    assert not is_headline_like("储能")  # too short
    assert not is_headline_like("储" * 61)  # too long
    assert not is_headline_like("储能产业，迎来增长，前景广阔")  # two inner commas: prose


def test_normalize_keeps_content_characters_lowercased() -> None:
    assert normalize("  AI 储能，2025！") == "ai储能2025"
    assert normalize("【相关阅读】") == normalize("相关阅读")


def test_candidate_defaults() -> None:
    c = Candidate("正文")
    assert c.kind is BlockKind.PARAGRAPH and c.link_density == 0.0 and c.tag == "" and c.heading_level == 0


@pytest.mark.parametrize("line", [
    "首頁 資訊 視頻 財經 娛樂 體育 科技 文化",
    "网易首页 网易新闻 网易严选 快速导航",
    "新浪财经APP 缩小字体 放大字体 收藏 微博 微信 分享",
    "縮小字體 放大字體 收藏 微博 微信 分享 5,874",
    "首页 | 新闻 | 财经 | 体育",
    "中国互联网视听节目服务自律公约|网络110报警服务|12321垃圾信息举报中心|总机：（86-10）88828000",
])
def test_menu_lines(line: str) -> None:
    assert menu_line(line)


@pytest.mark.parametrize("line", [
    "三星 Galaxy S20 系列手机正式发布",  # a headline with spaces
    "男孩因不想上补习班 写\"救命啊\"纸团抛出引来警察",
    "床前明月光 疑是地上霜 举头望明月 低头思故乡",  # five-character verse
    "not html at all",  # English words
    "他说 我们 明天 再谈，好吗",  # punctuated
    "首页 新闻 财经",  # three items
])
def test_not_menu_lines(line: str) -> None:
    assert not menu_line(line)
