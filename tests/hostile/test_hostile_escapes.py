"""Class 9: terminal escape sequences in page text go whole, at load time, and the
text around them stays (`今年]0;pwned-title春晚[2J` once showed the bodies; a dump
title with several sequences was cut to two characters; an unterminated OSC took
the rest of its paragraph)."""
from __future__ import annotations

import re

import pytest

import reader
from reader.load import load_bytes
from hostile.pages import BODY, P1, P2, P3, TITLE, has_body, html_page

ANY_ESCAPE_BODY = re.compile(r"\]0;|\]52;|\[2J|\[31m|pwned|\x1b|\x07")


@pytest.mark.parametrize("kind", ["html", "text"])
def test_sequences_go_whole_and_the_text_stays(kind):
    line = "今年\x1b]0;pwned-title\x07春晚\x1b[2J传递\x1b]52;c;cHduZWQ=\x1b\\三大\x1b[31m信号。"
    data = html_page(f"<p>{line}</p>") if kind == "html" else f"{TITLE}\n\n{line}\n\n" + "\n\n".join(BODY)
    page = load_bytes(data.encode(), "p")
    assert "今年春晚传递三大信号。" in page.text
    assert not ANY_ESCAPE_BODY.search(page.text)
    assert any("escape sequence" in w for w in page.warnings)
    article = reader.clean(data.encode())
    assert "今年春晚传递三大信号。" in article.body_text and has_body(article.body_text)


def test_dump_title_with_several_sequences_is_whole():
    title = "某市\x1b]0;x\x07启动\x1b[1m老旧小区\x1b[0m改造\x1b]2;y\x1b\\三年行动"
    article = reader.clean(("\n\n".join([title, *BODY]) + "\n").encode())
    assert article.title == TITLE


def test_unterminated_osc_ends_at_the_end_of_its_line():
    dump = f"{TITLE}\n\n{P1}\x1b]0;no terminator here\n{P2}\n\n{P3}\n"
    page = load_bytes(dump.encode(), "d.txt")
    assert P1 in page.text and P2 in page.text and "no terminator" not in page.text


def test_unterminated_csi_keeps_what_follows():
    page = load_bytes(f"{TITLE}\n\n今年\x1b[春晚很好看。\n".encode(), "d.txt")
    assert "今年春晚很好看。" in page.text


def test_cli_prints_no_sequence_bodies(run_cli, write):
    path = write("a.html", html_page("<p>今年\x1b]0;pwned-title\x07春晚\x1b[2J很好看。</p>"))
    for fmt in ("text", "markdown", "json", "jsonl"):
        code, out, err = run_cli("clean", "-f", fmt, "--title", path)
        assert code == 0, err
        assert "今年春晚很好看。" in out and not ANY_ESCAPE_BODY.search(out), fmt
