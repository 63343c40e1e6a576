"""Class 8, the part a test can check: a big page finishes and keeps its article.
Timing against trafilatura and memory are measured by benchmarks/big_html.py."""
from __future__ import annotations

import time

import reader
from hostile.pages import P1, P2, TITLE


def test_big_page_finishes_and_keeps_the_article(big_page):
    start = time.monotonic()
    article = reader.clean(big_page)
    assert time.monotonic() - start < 120  # it once took minutes; the benchmark tracks the real figure
    assert article.title == TITLE
    body = article.body_text
    assert body.count(P1[:30]) > 1000 and P2[:30] in body
