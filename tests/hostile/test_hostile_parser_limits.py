"""Class 3: libxml2's limits.  Nesting past 256 levels (300 unclosed <font>) or past
2048 (where libxml2 gives up on the whole document), text nodes and attributes over
10 MB: the article's words are kept."""
from __future__ import annotations

import pytest

import reader
from reader.extract.parse import MAX_DEPTH, parse
from hostile.pages import BODY, TITLE, has_body, html_page


@pytest.mark.parametrize("depth, tag", [(300, "font"), (3000, "font"), (30_000, "div"), (30_000, "span")])
def test_deep_pages_keep_their_article(depth, tag):
    page = html_page(f"<{tag}>" * depth)
    article = reader.clean(page.encode())
    assert has_body(article.body_text)
    assert article.title == TITLE


def test_deep_tree_is_flattened_below_the_limit():
    root = parse(html_page("<font>" * 500))
    deepest = max(len(list(el.iterancestors())) for el in root.iter())
    assert deepest <= MAX_DEPTH + 1
    assert has_body(root.text_content())


def test_deep_closed_nesting_keeps_paragraph_order():
    inner = "".join(f"<p>{p}</p>" for p in BODY)
    root = parse("<html><body>" + "<div>" * 400 + inner + "</div>" * 400 + "<p>结尾段落。</p></body></html>")
    text = root.text_content()
    positions = [text.index(p[:20]) for p in BODY] + [text.index("结尾段落")]
    assert positions == sorted(positions)


@pytest.fixture(scope="module")
def huge_text_node() -> str:
    return "<html><body><p>" + "中" * (11 * 1024 * 1024) + "</p><p>尾巴段落。</p></body></html>"


def test_text_node_over_10_mb_is_parsed(huge_text_node):
    root = parse(huge_text_node)
    paras = root.findall(".//p")
    assert len(paras[0].text) == 11 * 1024 * 1024 and paras[1].text == "尾巴段落。"


def test_attribute_over_10_mb_keeps_the_article():
    page = html_page(f"<div data-blob='{'a' * (11 * 1024 * 1024)}'>今年春晚，大家都说好看。</div>")
    article = reader.clean(page.encode())
    assert has_body(article.body_text)


def test_cli_on_a_deep_page(run_cli, write):
    path = write("deep.html", html_page("<div>" * 30_000))
    code, out, err = run_cli("clean", path)
    assert code == 0, err
    assert has_body(out)
