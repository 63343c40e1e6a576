"""Converting only what is not yet in the target, on real text from the corpora;
and the OpenCC phrase-trap correction table."""
from __future__ import annotations

import functools
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.model import Article, Block, BlockKind, Script
from reader.transform.convert import (
    TARGETS,
    TRADITIONAL_VARIANTS,
    _opencc,
    convert_article_to,
    convert_text,
    other_target,
    to_script,
)
from reader.transform.corrections import table
from reader.transform.runs import runs, strays
from reader.transform.script import detect_script
from support import shared

ROOT = Path(__file__).resolve().parents[2]
TAIWAN_GOLDS = ("pixnet.gold.txt",)
HONGKONG_GOLDS = ("hk.news.yahoo.com_b5b26f9fb3.gold.txt", "hk.finance.yahoo.com_2681eeacec.gold.txt")
CNA = "goose3_test_schema_list_cna.html"  # Taiwan's Central News Agency


def sample(prefix: str) -> str:
    (path,) = (ROOT / "sample_articles").glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if len(line.strip()) >= 8]


@functools.cache
def taiwan_texts() -> tuple[str, ...]:
    if not shared.have_shared():
        pytest.skip(shared.MISSING_REASON)
    texts = [(shared.HTML_DEV / name).read_text(encoding="utf-8") for name in TAIWAN_GOLDS]
    cna = shared.article(str(shared.UNLABELED / CNA))
    texts.append(cna.title + "\n" + cna.body_text)
    return tuple(texts)


@functools.cache
def traditional_texts() -> tuple[str, ...]:
    return taiwan_texts() + tuple((shared.HTML_DEV / n).read_text(encoding="utf-8") for n in HONGKONG_GOLDS)


@functools.cache
def simplified_lines() -> tuple[str, ...]:
    return tuple(line for p in ("000", "002", "003", "004") for line in lines_of(sample(p)))


def one_run(line: str, script: Script) -> bool:
    found = runs(line)
    other = Script.SIMPLIFIED if script is Script.TRADITIONAL else Script.TRADITIONAL
    return len(found) == 1 and found[0].script is script and not strays(line, other)


@functools.cache
def clean_traditional_lines() -> tuple[str, ...]:
    return tuple(line for t in traditional_texts() for line in lines_of(t) if one_run(line, Script.TRADITIONAL))


# -- Traditional pages are left as written ----------------------------------------


def test_traditional_pages_are_not_round_tripped() -> None:
    for text in traditional_texts():
        assert detect_script(text).script is Script.TRADITIONAL
        assert to_script(text, "traditional", "s2t") == text
    for text in taiwan_texts():
        assert to_script(text, "taiwan") == text  # t2tw only: Taiwan text is Taiwan already
        assert to_script(text, "traditional", "s2tw") == text
    pixnet = taiwan_texts()[0]
    for kept in ("玉峰國小", "彩衣", "台北", "字體", "項目"):  # what the round trip used to rewrite
        if kept in pixnet:
            assert kept in to_script(pixnet, "taiwan")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_traditional_text_to_traditional_is_the_identity(data) -> None:
    lines = list(traditional_texts()[data.draw(st.integers(0, len(traditional_texts()) - 1))].splitlines())
    start = data.draw(st.integers(0, max(0, len(lines) - 1)))
    text = "\n".join(lines[start : start + data.draw(st.integers(1, 12))])
    assume(detect_script(text).script is Script.TRADITIONAL)
    assert to_script(text, "traditional", "s2t") == text


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_taiwan_text_to_taiwan_is_the_identity(data) -> None:
    text = data.draw(st.sampled_from(taiwan_texts()))
    a = data.draw(st.integers(0, len(text)))
    part = text[a : a + data.draw(st.integers(20, 600))]
    assume(detect_script(part).script is Script.TRADITIONAL)
    assert to_script(part, "taiwan") == part


def test_simplified_page_to_simplified_is_unchanged() -> None:
    text = sample("002")
    assert to_script(text, "simplified") == text
    article = Article(title="阿里云", blocks=(Block(BlockKind.PARAGRAPH, text),))
    assert convert_article_to(article, "simplified").blocks == article.blocks


# -- a mixed page: only the Simplified runs change ---------------------------------


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(2, 10))
def test_mixed_text_only_its_simplified_lines_change(rnd: random.Random, n: int) -> None:
    trad = clean_traditional_lines()
    simp = [line for line in simplified_lines() if one_run(line, Script.SIMPLIFIED)]
    assert len(trad) > 20 and len(simp) > 20
    picked = [(rnd.choice(trad), True) for _ in range(n)] + [(rnd.choice(simp), False) for _ in range(n)]
    rnd.shuffle(picked)
    text = "\n".join(line for line, _ in picked)
    out = to_script(text, "traditional", "s2t").split("\n")
    assert len(out) == len(picked)
    for (line, is_trad), got in zip(picked, out):
        assert got == (line if is_trad else convert_text(line, "s2t"))


def test_machine_converted_seed_keeps_its_traditional_characters() -> None:
    text = sample("001")
    assert detect_script(text).script is Script.MIXED
    out = to_script(text, "traditional", "s2t")
    assert len(out) == len(text)
    changed = set()
    for run in runs(text):
        where = set(range(run.start, run.end)) if run.script is Script.SIMPLIFIED else {
            run.start + i for i in strays(text[run.start : run.end], Script.SIMPLIFIED)
        }
        changed |= {i for i in range(run.start, run.end) if out[i] != text[i]} - where
    assert not changed, [text[i] for i in sorted(changed)]
    # What the t2s+s2t round trip used to rewrite stays; the stray Simplified goes.
    for ch in "為巨制布沖借":
        assert [i for i, c in enumerate(text) if c == ch] == [i for i, c in enumerate(out) if c == ch]
    assert "阿里云" not in out and "阿里雲" in out and "兩年後" in out


def test_other_target_and_article_conversion() -> None:
    assert other_target(sample("002")) == "traditional"
    assert other_target(sample("001")) == "simplified"  # mixed, but mostly Traditional
    article = Article(title="阿里雲發佈新品", blocks=(Block(BlockKind.PARAGRAPH, "阿里巴巴集團表示，爲此準備了三年。"),))
    assert convert_article_to(article, "traditional", "s2t") is not None
    assert convert_article_to(article, "traditional", "s2t").blocks == article.blocks
    tw = convert_article_to(article, "taiwan")
    assert tw.blocks[0].text == "阿里巴巴集團表示，為此準備了三年。"  # t2tw: 爲 -> 為, nothing else
    assert tw.script is not None and tw.script.script is Script.TRADITIONAL
    simp = convert_article_to(article, "simplified")
    assert simp.title == "阿里云发布新品"
    for target in TARGETS:
        for variant in TRADITIONAL_VARIANTS:
            assert isinstance(to_script("", target, variant), str)


# -- phrase traps ------------------------------------------------------------------


def test_correction_table_rows_are_traps_and_fixed() -> None:
    rows = table()
    assert len(rows) >= 20
    for row in rows:
        assert row.reason.strip()
        for config in row.configs:
            assert _opencc(config)(row.phrase) != row.expected, (config, row.phrase)  # a real trap
            assert convert_text(row.phrase, config) == row.expected, (config, row.phrase)


def test_corrections_apply_inside_text() -> None:
    assert convert_text("灾后部分区域水渍严重", "s2twp") == "災後部分區域水漬嚴重"
    assert convert_text("我们的国家具有悠久历史", "s2t") == "我們的國家具有悠久歷史"
    assert convert_text("他用触摸屏幕手机", "s2twp") == "他用觸控螢幕手機"
    # Where the phrase really is one word, OpenCC's own reading stays.
    assert convert_text("买了一套家具", "s2t") == "買了一套傢俱"
    assert convert_text("合并为一家", "s2t") == "合併爲一家"
