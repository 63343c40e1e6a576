"""Class 2: control characters that arrive as character references (`&#11;` in a
headline once raised ValueError out of lxml; `&#27;` in a body lost the article)."""
from __future__ import annotations

import json
import re

import pytest

import reader
from hostile.pages import BODY, TITLE, has_body, html_page

REFS = ["&#11;", "&#27;", "&#1;", "&#8;", "&#xFFFE;", "&#x1b;", "&#0;", "&#12;", "&#x7f;", "&#xFFFF;", "&#xDFFF;"]
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]|\\u00(?:0[0-8bcef]|1[0-9a-f])")


@pytest.mark.parametrize("ref", REFS)
def test_reference_in_the_headline(ref):
    page = html_page(title="某市启动老旧小区改造三年行动", h1=f"某市启动老旧{ref}小区改造三年行动")
    article = reader.clean(page.encode())
    assert article.title == TITLE
    assert has_body(article.body_text)


@pytest.mark.parametrize("ref", REFS)
def test_reference_in_the_body_keeps_the_article(ref):
    article = reader.clean(html_page(f"<p>今年{ref}春晚，大家都说好看。</p>").encode())
    assert has_body(article.body_text)
    assert "今年春晚，大家都说好看。" in article.body_text
    assert not UNSAFE.search(article.body_text)


def test_escape_sequence_spelt_in_references_goes_whole():
    article = reader.clean(html_page("<p>今年&#27;]0;pwned-title&#7;春晚&#x1b;[2J很好看。</p>").encode())
    assert "今年春晚很好看。" in article.body_text


def test_references_in_attributes_and_metadata():
    head = "<meta name='author' content='张三&#27;]52;c;aGVsbG8=&#7;'>"
    article = reader.clean(html_page("<p title='x&#1;y'>今年春晚，大家都说好看。</p>", head=head).encode())
    assert has_body(article.body_text)
    assert not UNSAFE.search(json.dumps(article.to_dict(), ensure_ascii=False))


def test_a_batch_goes_on_after_a_hostile_page(run_cli, write):
    bad = write("a.html", html_page(h1="某市启动老旧&#11;小区改造三年行动"))
    good = write("b.html", html_page())
    code, out, err = run_cli("clean", "-f", "json", bad, good)
    assert code == 0, err
    data = json.loads(out)
    assert [d["title"] for d in data] == [TITLE, TITLE]
    assert all(has_body("\n".join(b["text"] for b in d["blocks"])) for d in data)
    assert "Traceback" not in err


@pytest.mark.parametrize("fmt", ["text", "markdown", "jsonl"])
def test_every_format_survives(run_cli, write, fmt):
    path = write("a.html", html_page("<p>今年&#27;春晚&#1;很好看。</p>", h1="某市启动老旧&#11;小区改造三年行动"))
    code, out, err = run_cli("clean", "-f", fmt, path)
    assert code == 0, err
    assert has_body(out) and not UNSAFE.search(out)


def test_keywords_survive(run_cli, write):
    path = write("a.html", html_page(h1="某市启动老旧&#11;小区改造三年行动"))
    code, out, err = run_cli("keywords", "--top", "3", path)
    assert code == 0, err
    assert "改造" in out
