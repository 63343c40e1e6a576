"""The one pipeline and the library API: `reader.clean`, `Options`, `PageError`."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from support.imports import modules_after, packages

import reader
from reader import pipeline
from reader.errors import ExtractError, LoadError, PageError
from reader.model import Script
from reader.sources import RawPage

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_articles"
DUMP = SAMPLES / "003_a227c688aed9e3ef.txt"
HTML = SAMPLES / "www.sohu.com_e751800204.html"


def test_clean_takes_bytes_or_text_and_gives_the_same_article() -> None:
    data = DUMP.read_bytes()
    from_bytes = reader.clean(data, name="a.txt")
    from_text = reader.clean(data.decode("utf-8"), name="a.txt")
    assert from_bytes.title == from_text.title == "今年春晚传递三大信号"
    assert from_bytes.blocks == from_text.blocks and len(from_bytes.blocks) > 10


def test_clean_article_pickles_and_has_the_json_shape() -> None:
    article = reader.clean(HTML.read_bytes(), url="https://example.com/a", name="sohu.html")
    again = pickle.loads(pickle.dumps(article))
    assert again == article
    data = article.to_dict()
    assert data["url"] == "https://example.com/a" and data["input"] == "sohu.html"
    assert [b["text"] for b in data["blocks"]] == [b.text for b in article.blocks]
    assert {"title", "author", "date", "site", "source", "script", "removed"} <= set(data)


def test_a_page_without_an_article_raises_the_one_typed_error() -> None:
    with pytest.raises(PageError) as info:
        reader.clean("猜你喜欢\n相关阅读\n", name="furniture.txt")
    assert isinstance(info.value, ExtractError)
    assert str(info.value) == "furniture.txt: no article text found"
    with pytest.raises(PageError) as info:
        reader.clean(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, name="cat.png")
    assert isinstance(info.value, LoadError) and "\n" not in str(info.value)


def test_clean_rejects_unknown_options_and_wrong_types() -> None:
    with pytest.raises(TypeError, match="unknown option"):
        reader.clean("x", colour="red")
    with pytest.raises(TypeError, match="bytes or str"):
        reader.clean(42)  # type: ignore[arg-type]


def test_options_reach_the_transform_stage() -> None:
    article = reader.clean(DUMP.read_bytes(), to="traditional", punctuation="fullwidth")
    assert article.title == "今年春晚傳遞三大信號"
    assert article.script is not None and article.script.script is Script.TRADITIONAL  # what it now is


def test_script_is_detected_only_when_something_needs_it() -> None:
    raw = RawPage(name="a.txt", data=DUMP.read_bytes())
    assert pipeline.process(raw, pipeline.Options()).script is None
    assert pipeline.process(raw, pipeline.Options(detect_script=True)).script.script is Script.SIMPLIFIED


def test_keep_raw_false_drops_the_page_after_extraction() -> None:
    raw = RawPage(name="a.html", data=HTML.read_bytes())
    assert pipeline.process(raw, pipeline.Options()).raw_text
    assert pipeline.process(raw, pipeline.Options(keep_raw=False)).raw_text == ""


def test_the_container_url_wins_over_the_page_canonical() -> None:
    page = ("<html><head><link rel='canonical' href='https://news.example.cn/2024/a.html'><title>标题</title></head><body>"
            "<article><h1>标题</h1>" + "<p>这是一段足够长的正文内容，用来确认提取器保留文章，并且读取页面自己声明的网址。</p>" * 4
            + "</article></body></html>")
    assert reader.clean(page).url == "https://news.example.cn/2024/a.html"
    assert reader.clean(page, url="https://crawl.example/x").url == "https://crawl.example/x"


def test_process_safely_turns_any_failure_into_a_page_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.extract

    def broken(page):  # a bug in one stage must not escape as another exception type
        raise KeyError("boom")

    monkeypatch.setattr(reader.extract, "extract", broken)
    result = pipeline.process_safely(RawPage(name="a.txt", data=DUMP.read_bytes()), pipeline.Options())
    assert isinstance(result, PageError) and str(result) == "a.txt: internal error (KeyError: 'boom')"


def test_import_reader_is_light() -> None:
    loaded = modules_after("import sys, reader\na = reader.clean(open(sys.argv[1], 'rb').read())", str(DUMP))
    assert packages(loaded) & {"textual", "jieba", "opencc", "rich"} == set()
    assert [m for m in loaded if m.startswith(("reader.cli", "reader.app"))] == []


def test_text_with_a_lone_surrogate_is_still_a_page() -> None:
    text = DUMP.read_text(encoding="utf-8").replace("今年春晚一大看点", "今年春晚\ud800一大看点", 1)
    article = reader.clean(text)
    assert article.title == "今年春晚传递三大信号"
