"""Byline metadata: date stamps and the 作者 / 记者 / 来源 / 责任编辑 line forms."""
from __future__ import annotations

import pytest

from reader.extract.meta import Meta, find_date, parse_meta_line


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-03-17 17:30:14", "2025-03-17 17:30:14"),
        ("2025-03-17 17:30", "2025-03-17 17:30"),
        ("2025年3月17日", "2025-03-17"),
        ("发布时间：2025年3月17日 08:05", "2025-03-17 08:05"),
        ("2025/03/17", "2025-03-17"),
        ("2025.3.7", "2025-03-07"),
        ("2025 年 3 月 7 日", "2025-03-07"),
        ("来源：新华社 1999-12-31", "1999-12-31"),
        ("Thursday, July 28, 2011", "2011-07-28"),  # a blog's date header
        ("Posted on Jul. 3rd, 2011", "2011-07-03"),
        ("28 September 2023", "2023-09-28"),
        ("Dec 28 Sat 2013 00:28", "2013-12-28"),  # 痞客邦's post date: the weekday before the year
    ],
)
def test_find_date_formats(text: str, expected: str) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "2025-13-01", "2025-02-32", "1899-01-01", "版本号 12345678", "3月17日", "电话 2025-0317", "第2025期",
     "May 2011", "July 32, 2011", "Marching 28, 2011"],
)
def test_find_date_rejects_non_dates(text: str) -> None:
    assert find_date(text) is None


def test_find_date_takes_the_first_stamp() -> None:
    assert find_date("2024-01-02 更新于 2025-03-17") == "2024-01-02"


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("作者：李四", "author", "李四"),
        ("作者:李四", "author", "李四"),
        ("文丨张三", "author", "张三"),
        ("文/张三", "author", "张三"),
        ("撰文 王五", "author", "王五"),
        ("记者 王小明 报道", "author", "王小明"),
        ("本报记者张三/北京报道", "author", "张三"),
        ("記者王小明／台北報導", "author", "王小明"),
        ("记者：赵六", "author", "赵六"),
        ("来源：人民日报", "source", "人民日报"),
        ("來源：中央社", "source", "中央社"),
        ("来源: 澎湃新闻  2025-03-17", "source", "澎湃新闻"),
        ("本文来源于北京商报 2024-05-20 09:47:48", "source", "北京商报"),
        ("责任编辑：刘洋", "editor", "刘洋"),
        ("責任編輯：王大明", "editor", "王大明"),
        ("编辑 柳晴雪", "editor", "柳晴雪"),
    ],
)
def test_parse_meta_line_fields(text: str, field: str, value: str) -> None:
    meta = parse_meta_line(text)
    assert getattr(meta, field) == value
    others = {"author", "source", "editor"} - {field}
    assert all(getattr(meta, f) is None for f in others)


def test_one_line_with_several_fields() -> None:
    meta = parse_meta_line("作者：李四|来源：新华社|2025-03-17")
    assert (meta.author, meta.source, meta.date) == ("李四", "新华社", "2025-03-17")
    meta = parse_meta_line("作者：李四 来源：新华社 责任编辑：刘洋")
    assert (meta.author, meta.source, meta.editor) == ("李四", "新华社", "刘洋")


def test_dateline_gives_date_and_reporter() -> None:
    meta = parse_meta_line("2025-03-17 17:30 中央社 記者王小明／台北報導")
    assert meta.date == "2025-03-17 17:30" and meta.author == "王小明" and meta.source is None


@pytest.mark.parametrize(
    "text",
    ["储能产业迎来快速增长", "来源于网络的消息不一定可靠", "记者会上，他表示。", ""],
)
def test_lines_without_metadata_give_an_empty_meta(text: str) -> None:
    assert parse_meta_line(text) == Meta()


@pytest.mark.parametrize("text", ["编辑部认为这个问题值得讨论。", "本刊编辑部", "作者认为，储能产业还需要支持。"])
def test_label_word_inside_a_word_is_not_a_field(text: str) -> None:
    assert parse_meta_line(text) == Meta()


def test_author_field_wins_over_reporter() -> None:
    assert parse_meta_line("作者：李四 记者 王五 报道").author == "李四"


@pytest.mark.parametrize(
    "text, field, value",
    [("（责任编辑：刘洋）", "editor", "刘洋"), ("（来源：新华社）", "source", "新华社"), ("（作者：李四）", "author", "李四")],
)
def test_bracketed_meta_lines(text: str, field: str, value: str) -> None:
    assert getattr(parse_meta_line(text), field) == value


def test_fill_takes_only_missing_fields() -> None:
    meta = Meta(author="甲")
    meta.fill(Meta(author="乙", date="2025-03-17", source=""))
    assert meta == Meta(author="甲", date="2025-03-17")


@pytest.mark.parametrize("raw, name", [
    ("作者", None), ("时间：", None), ("103553", None), ("选稿：许文杰", "许文杰"),
    ("管不饿 关注 来自甘肃", "管不饿"), ("好看的Hk 粉丝", "好看的Hk"), ("远瞳 · 作家说 上起点", "远瞳"),
    ("王乐文", "王乐文"), ("法新社", "法新社"),
])
def test_clean_author(raw, name):
    from reader.extract.meta import clean_author

    assert clean_author(raw) == name
