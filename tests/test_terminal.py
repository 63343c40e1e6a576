"""Terminal safety: sanitize() and colour decisions."""
from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.terminal import sanitize, use_color, utf8_stream

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("标题\x1b]0;evil\x07正文", "标题正文"),  # OSC: retitle the window (BEL-terminated)
        ("前\x1b]0;evil\x1b\\后", "前后"),  # OSC, ST-terminated
        ("前\x1b]8;;https://evil.example/\x1b\\链接\x1b]8;;\x1b\\后", "前链接后"),  # OSC 8 hyperlink
        ("清屏\x1b[2J\x1b[H之后", "清屏之后"),  # CSI: clear screen, home
        ("\x1b[31m红色\x1b[0m", "红色"),  # SGR colour
        ("光标\x1b[10;20H移动", "光标移动"),
        ("8位\x9b2J控制", "8位控制"),  # 8-bit CSI
        ("设备\x1bP1$r\x1b\\控制", "设备控制"),  # DCS
        ("响铃\x07退格\x08删除\x7f", "响铃退格删除"),
        ("C1\x85\x8d\x90控制", "C1控制"),
        ("反向\u202e文字\u202c", "反向文字"),  # bidi override
        ("隔离\u2066文字\u2069", "隔离文字"),  # bidi isolates
        ("a\x1b", "a"),  # a lone ESC at the end
    ],
)
def test_sanitize_strips_controls(raw, clean):
    assert sanitize(raw) == clean


def test_sanitize_keeps_text_tabs_and_newlines():
    text = "第一段：中文、繁體、English 123。\n\n第二段\t表格\n「引號」《書名》…… ＡＢＣ 😀"
    assert sanitize(text) == text


def test_sanitize_normalizes_carriage_returns():
    assert sanitize("一\r\n二\r三") == "一\n二\n三"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_sanitize_output_has_no_control_characters(text):
    out = sanitize(text)
    assert not UNSAFE.search(out)
    assert "\x1b" not in out and "\r" not in out
    assert sanitize(out) == out  # idempotent


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), max_size=300))
def test_sanitize_leaves_ordinary_text_alone(text):
    assert sanitize(text) == text


# --- colour -------------------------------------------------------------------------


class FakeTTY(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_color_never_and_always(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("never", FakeTTY(True)) is False
    assert use_color("always", FakeTTY(False)) is True


def test_color_always_beats_no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("always", FakeTTY(False)) is True


def test_color_auto_follows_the_terminal(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("auto", FakeTTY(True)) is True
    assert use_color("auto", FakeTTY(False)) is False
    assert use_color("auto", object()) is False  # no isatty at all


def test_color_auto_honours_no_color(monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", FakeTTY(True)) is False
    # https://no-color.org: only a non-empty value disables colour
    monkeypatch.setenv("NO_COLOR", "")
    assert use_color("auto", FakeTTY(True)) is True


def test_color_auto_off_on_dumb_terminal(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    assert use_color("auto", FakeTTY(True)) is False


# --- output encoding ----------------------------------------------------------------


def test_utf8_stream_writes_utf8_whatever_the_locale():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    out = utf8_stream(stream)
    out.write("中文\n")
    out.flush()
    assert raw.getvalue() == "中文\n".encode("utf-8")


def test_utf8_stream_tolerates_streams_without_reconfigure():
    buf = io.StringIO()
    assert utf8_stream(buf) is buf
