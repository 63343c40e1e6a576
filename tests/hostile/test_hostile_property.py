"""The library API on anything: any bytes give an Article or `reader.PageError`,
never another exception, in bounded time."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader
from reader.model import Article
from hostile.pages import BODY, html_page

LIMIT_SECONDS = 10.0
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces hostile pages are made of: markup, entities, controls, escapes, encodings.
PIECES = st.sampled_from(
    [
        "<p>", "</p>", "<div>", "</div>", "<font>", "<h1>", "</h1>", "<title>", "<table><tr><td>", "<a href='x'>", "</a>",
        "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<?xml version='1.0'?>", "<meta charset='iso-8859-1'>",
        "&#11;", "&#27;", "&#1;", "&#xFFFE;", "&#0;", "&#x110000;", "&#xD800;", "&#150;", "&amp;", "&",
        "\x00", "\x1b]0;t\x07", "\x1b]52;c;", "\x1b[2J", "\x1b", "\x07", "\x0b", "\x0c", "\r", "\n", "\ufeff", "\ufffd",
        *BODY, "今年春晚，", "。",
    ]
)
ENCODINGS = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16-le", "utf-16", "shift_jis", "latin-1"])


def _check(data: bytes) -> None:
    start = time.monotonic()
    try:
        result = reader.clean(data)
    except reader.PageError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(result, Article) and result.blocks
        assert "\x1b" not in result.body_text + result.title
    assert time.monotonic() - start < LIMIT_SECONDS


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes(data):
    _check(data)


@SETTINGS
@given(st.lists(PIECES, max_size=60), ENCODINGS, st.booleans())
def test_hostile_markup(pieces, encoding, wrap):
    text = "".join(pieces)
    if wrap:
        text = html_page(text)
    _check(text.encode(encoding, errors="replace"))


@SETTINGS
@given(st.binary(min_size=1, max_size=200), st.integers(0, 3000), st.sampled_from(["utf-8", "gb18030"]))
def test_real_page_with_bytes_spliced_in(junk, at, encoding):
    data = html_page().encode(encoding)
    at = min(at, len(data))
    _check(data[:at] + junk + data[at:])
