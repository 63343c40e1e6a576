"""Class 6: every output field is sanitized in one place (render), for every format:
ESC, OSC 52 (a clipboard write) and BEL in author, source, input name or URL never
reach the output, raw or as a JSON "\\u001b" escape."""
from __future__ import annotations

import json
import re

import pytest

from reader import render
from reader.model import Article, Block, BlockKind, Removed
from hostile.pages import P1, TITLE, html_page

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
HOSTILE = f"张三{OSC52}\x1b[2J\x07"
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\\u00[01][0-9a-fA-F]|\\u007f|\]52;|\[2J")


def hostile_article() -> Article:
    return Article(
        title=f"{TITLE}{OSC52}",
        blocks=(Block(BlockKind.PARAGRAPH, f"{P1}\x1b[31m"), Block(BlockKind.CODE, "a\n\x1b]0;t\x07b")),
        removed=(Removed(f"相关阅读{OSC52}", f"related-links{OSC52}", 1),),
        author=HOSTILE,
        date=f"2024-03-18{OSC52}",
        site=HOSTILE,
        source=HOSTILE,
        editor=HOSTILE,
        name=f"pages/a{OSC52}.html",
        url=f"https://example.com/{OSC52}",
        page_kind="html",
    )


@pytest.mark.parametrize(
    "render_one",
    [
        lambda a: render.to_text(a),
        lambda a: render.to_markdown(a),
        lambda a: render.to_json([a], as_list=False),
        lambda a: render.to_json([a, a], as_list=True),
        lambda a: render.to_jsonl(a),
        lambda a: render.removed_report(a),
        lambda a: render.header(a, "text", first=False),
        lambda a: render.header(a, "markdown", first=False),
    ],
    ids=["text", "markdown", "json", "json-list", "jsonl", "removed", "header-text", "header-markdown"],
)
def test_every_format_is_sanitized(render_one):
    out = render_one(hostile_article())
    assert not UNSAFE.search(out), out
    assert any(word in out for word in ("张三", "相关阅读", "a.html", TITLE))


def test_json_fields_keep_their_text():
    data = json.loads(render.to_json([hostile_article()], as_list=False))
    assert data["author"] == data["source"] == data["editor"] == "张三"
    assert data["input"] == "pages/a.html" and data["url"] == "https://example.com/"
    assert data["blocks"][1]["text"] == "a\nb"  # code keeps its line breaks


def test_sanitize_article_leaves_clean_articles_alone():
    clean = Article(title=TITLE, blocks=(Block(BlockKind.PARAGRAPH, P1),), author="张三")
    assert render.sanitize_article(clean) is clean


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "jsonl"])
def test_cli_output_fields_from_a_hostile_page(run_cli, write, fmt):
    head = f"<meta name='author' content='张三&#27;]52;c;cm0=&#7;'><link rel='canonical' href='https://e.com/&#27;[2J'>"
    path = write("a.html", html_page(f"<p>来源：某报\x1b]52;c;eA==\x07</p>", head=head))
    code, out, err = run_cli("clean", "-f", fmt, "--title", path)
    assert code == 0, err
    assert not UNSAFE.search(out), out
