"""The header some scrapers put above a markdown dump."""
from __future__ import annotations

from reader.extract import extract
from reader.extract.frontmatter import split_header
from reader.model import Page

BODY = "北京时间5月20日，今天NBA季后赛步行者130-109战胜尼克斯，大比分4-3晋级东部决赛，尼克斯官方宣布布伦森左手骨折。"
READER_API = (
    "Title: 悲壮！布伦森遭遇左手骨折 第三节受伤提前离场_尼克斯_季后赛_步行者\n\n"
    "URL Source: https://www.sohu.com/a/780060546_458722\n\n"
    "Published Time: 2024-05-20T06:48:00+08:00\n\n"
    "Markdown Content:\n"
)


def test_reader_api_header() -> None:
    header, rest = split_header(READER_API + BODY)
    assert header.title == "悲壮！布伦森遭遇左手骨折 第三节受伤提前离场_尼克斯_季后赛_步行者"
    assert header.meta.date == "2024-05-20"
    assert rest.strip() == BODY
    assert header.lines[-1] == "Markdown Content:"


def test_yaml_front_matter() -> None:
    header, rest = split_header(f"---\ntitle: \"储能产业迎来快速增长\"\ndate: 2025-03-17\nauthor: 王五\n---\n{BODY}")
    assert (header.title, header.meta.date, header.meta.author) == ("储能产业迎来快速增长", "2025-03-17", "王五")
    assert rest.strip() == BODY


def test_no_header_leaves_the_dump_alone() -> None:
    for text in (BODY, "Title: 只有一行\n" + BODY, "---\n这不是头部\n---\n" + BODY):
        header, rest = split_header(text)
        assert header.title is None and rest == text


def test_extract_uses_the_header_and_lists_it_as_removed() -> None:
    a = extract(Page("a.md", READER_API + BODY, "text", "utf-8"))
    assert a.title == "悲壮！布伦森遭遇左手骨折 第三节受伤提前离场"
    assert a.date == "2024-05-20"
    assert [b.text for b in a.blocks] == [BODY]
    assert {r.reason for r in a.removed} == {"meta: header"}
