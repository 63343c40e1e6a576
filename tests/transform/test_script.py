"""Script detection on the seed articles and real Traditional pages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.model import Script, ScriptInfo
from reader.transform.convert import convert_text
from reader.transform.script import detect_script, script_label

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"
HTML_DEV = ROOT.parent / "shared" / "eval" / "html-dev"


def sample(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def crude_text(html: str) -> str:
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_simplified_seeds(prefix: str) -> None:
    info = detect_script(sample(prefix))
    assert info.script is Script.SIMPLIFIED
    assert info.confidence > 0.9


def test_machine_converted_seed_is_mixed() -> None:
    text = sample("001")
    # It really holds both: 阿里云 / 兩年后 beside 集團 / 長.
    assert "阿里云" in text and "集團" in text
    info = detect_script(text)
    assert info.script is Script.MIXED
    assert 0.5 <= info.confidence <= 1.0


@pytest.mark.parametrize("name", ["hk.news.yahoo.com_b5b26f9fb3.html", "hk.finance.yahoo.com_2681eeacec.html", "pixnet.html"])
def test_traditional_html_pages(name: str) -> None:
    path = HTML_DEV / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    text = crude_text(path.read_text(encoding="utf-8", errors="replace"))
    assert "這" in text or "個" in text or "與" in text  # looked at: Traditional pages
    info = detect_script(text)
    assert info.script is Script.TRADITIONAL
    assert info.confidence > 0.9


def test_simplified_html_page() -> None:
    path = HTML_DEV / "news.sina.com.cn_1b929fec5b.html"
    if not path.exists():
        pytest.skip(f"{path} not available")
    info = detect_script(crude_text(path.read_text(encoding="utf-8", errors="replace")))
    assert info.script is Script.SIMPLIFIED


def test_converted_seed_changes_script() -> None:
    text = sample("002")
    assert detect_script(convert_text(text, "s2t")).script is Script.TRADITIONAL
    assert detect_script(convert_text(sample("001"), "t2s")).script is Script.SIMPLIFIED
    assert detect_script(convert_text(sample("001"), "t2s+s2t")).script is Script.TRADITIONAL


@pytest.mark.parametrize("text", ["", "hello world, no Chinese at all", "中国", "12345 !!"])
def test_too_little_han_is_unknown(text: str) -> None:
    info = detect_script(text)
    assert info == ScriptInfo(Script.UNKNOWN, 0.0)


def test_han_without_distinguishing_characters_is_unknown() -> None:
    # Every character here is written the same in both scripts.
    assert detect_script("中山大学今年的春天人山人海").script is Script.UNKNOWN


def test_short_sentences() -> None:
    assert detect_script("这是一个简体中文的句子，说明这里发生了什么").script is Script.SIMPLIFIED
    assert detect_script("這是一個繁體中文的句子，說明這裡發生了什麼").script is Script.TRADITIONAL


def test_taiwan_usage_is_not_mixed() -> None:
    # 台 / 才 / 周 are Simplified-only for OpenCC but ordinary in Taiwan writing.
    text = "台灣的周末才是最熱鬧的時候，我們會在台北的夜市裡吃飯，還會去看電影，這樣的生活讓人覺得非常愉快。"
    assert detect_script(text).script is Script.TRADITIONAL


def test_confidence_is_bounded_and_grows_with_evidence() -> None:
    short = detect_script("這是繁體中文的句子")
    long = detect_script("這是繁體中文的句子，" * 5)
    assert 0.0 <= short.confidence < long.confidence <= 1.0


def test_labels() -> None:
    assert script_label(ScriptInfo(Script.SIMPLIFIED, 1.0)) == "简"
    assert script_label(ScriptInfo(Script.TRADITIONAL, 0.4)) == "繁"
    assert script_label(ScriptInfo(Script.MIXED, 0.9)) == "混"
    assert script_label(ScriptInfo(Script.UNKNOWN, 0.0)) == "?"
    assert script_label(None) == "?"
    assert script_label(detect_script(sample("001"))) == "混"
