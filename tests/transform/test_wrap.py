"""CJK line breaking: unit examples and hypothesis properties."""
from __future__ import annotations

import re
import string
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from reader.transform.wrap import CLOSING, OPENING, cell_width, segments, wrap

ROOT = Path(__file__).resolve().parents[2]


def test_cell_width() -> None:
    assert cell_width("") == 0
    assert cell_width("abc") == 3
    assert cell_width("阿里") == 4
    assert cell_width("，。") == 4  # fullwidth punctuation
    assert cell_width("ＡＢ") == 4  # fullwidth Latin
    assert cell_width("e\u0301") == 1  # combining accent
    assert cell_width("a\u200bb") == 2  # zero-width space
    assert cell_width("\u3000") == 2  # ideographic space


def test_breaks_between_cjk_characters() -> None:
    assert wrap("阿里巴巴集团", 4) == ["阿里", "巴巴", "集团"]
    assert wrap("阿里巴巴集团", 5) == ["阿里", "巴巴", "集团"]


def test_no_closing_punctuation_at_line_start() -> None:
    lines = wrap("阿里巴，集团。", 6)
    assert lines == ["阿里", "巴，集", "团。"]
    assert wrap("他说：“好。”然后", 8) == ["他说：", "“好。”然", "后"]


def test_no_opening_punctuation_at_line_end() -> None:
    assert wrap("阿里《新闻联播》", 6) == ["阿里", "《新闻", "联播》"]
    assert wrap("ab (cd) ef", 4) == ["ab", "(cd)", "ef"]


def test_latin_words_and_numbers_stay_whole() -> None:
    assert wrap("阿里Alibaba集团3,800亿", 10) == ["阿里", "Alibaba集", "团3,800亿"]
    assert wrap("Make Alibaba Great Again", 12) == ["Make Alibaba", "Great Again"]


def test_spaces_at_breaks_are_dropped_elsewhere_kept() -> None:
    assert wrap("hello world", 5) == ["hello", "world"]
    assert wrap("a  b", 10) == ["a  b"]
    assert wrap("  indented text", 20) == ["  indented text"]
    assert wrap("trailing   ", 20) == ["trailing"]


def test_long_token_is_force_split() -> None:
    url = "https://example.com/a/very/long/path"
    lines = wrap("见" + url, 10)
    assert lines[0] == "见"
    assert "".join(lines[1:]) == url
    assert all(cell_width(line) <= 10 for line in lines)


def test_newlines_are_hard_breaks() -> None:
    assert wrap("阿里\n\n集团", 10) == ["阿里", "", "集团"]
    assert wrap("", 10) == [""]


def test_width_must_be_positive() -> None:
    import pytest

    with pytest.raises(ValueError):
        wrap("abc", 0)


def test_a_big_page_fills_its_lines() -> None:
    # (How fast: benchmarks/chinese.py, against Rich's own wrapping.)
    text = (ROOT / "sample_articles" / "002_850e64a8af7dec3e.txt").read_text(encoding="utf-8").replace("\n", "")
    text = (text * 10)[:50_000]
    lines = wrap(text, 40)
    assert all(cell_width(line) <= 40 for line in lines)
    assert sum(cell_width(line) for line in lines[:-1]) / (len(lines) - 1) > 38


# --- one width function: Rich's -------------------------------------------------


def test_widths_are_richs() -> None:
    from rich.cells import cell_len

    for text in ("👨\u200d👩\u200d👧", "❤️", "阿里", "e\u0301", "\u200b", "ｱ", "🇨🇳", "a\tb"):
        assert cell_width(text) == cell_len(text), text
    assert cell_width("👨\u200d👩\u200d👧") == 2 and cell_width("❤️") == 2
    # A ZWJ family is one grapheme: never split, and measured as Rich draws it.
    lines = wrap("阿里" * 3 + "👨\u200d👩\u200d👧" + "阿里" * 3, 8)
    assert "👨\u200d👩\u200d👧" in "".join(lines)
    assert all(cell_width(line) <= 8 for line in lines)


# --- properties -------------------------------------------------------------

CJK = st.sampled_from(list("阿里云中国人民大学春晚模型计算雲後"))
CLOSERS = st.sampled_from(sorted(CLOSING))
OPENERS = st.sampled_from(sorted(OPENING))
WORDS = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=12)
SPACES = st.sampled_from([" ", "  ", "\u3000", "\t"])
ODD = st.sampled_from(["é", "e\u0301", "😀", "\u200b", "ｱ", "—", "……", "-", "/", "·"])
PIECES = st.one_of(CJK, CJK, CJK, CLOSERS, OPENERS, WORDS, SPACES, ODD)
TEXTS = st.lists(PIECES, max_size=50).map("".join)


def check_reconstruction(text: str, lines: list[str]) -> None:
    """text.rstrip() == s0 + lines[0] + s1 + ... with whitespace-only s_i."""
    target = text.rstrip()
    pos = 0
    for i, line in enumerate(lines):
        if i:
            assert not line[:1].isspace(), (text, lines)
        assert not line[-1:].isspace(), (text, lines)
        if not target.startswith(line, pos):
            while pos < len(target) and target[pos].isspace():
                pos += 1
        assert target.startswith(line, pos), (text, lines, i)
        pos += len(line)
    assert pos == len(target), (text, lines)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(min_value=2, max_value=40))
def test_wrap_properties(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert lines
    # Every line fits.
    for line in lines:
        assert cell_width(line) <= width, (text, width, lines)
    # No text lost: only whitespace at breaks / the end is dropped.
    check_reconstruction(text, lines)
    # When every unbreakable piece fits, the punctuation and word rules hold.
    pieces = segments(text)
    if all(cell_width(piece) <= width for _, piece in pieces) and (
        not pieces or cell_width(pieces[0][0] + pieces[0][1]) <= width
    ):
        for before, after in zip(lines, lines[1:]):
            assert after[:1] not in CLOSING, (text, width, lines)
            assert before[-1:] not in OPENING, (text, width, lines)
        runs = Counter(re.findall(r"[A-Za-z0-9]+", text))
        assert runs == Counter(r for line in lines for r in re.findall(r"[A-Za-z0-9]+", line)), (text, lines)


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4), st.integers(min_value=2, max_value=30))
def test_newlines_give_independent_paragraphs(parts: list[str], width: int) -> None:
    assert wrap("\n".join(parts), width) == [line for part in parts for line in wrap(part, width)]


@settings(max_examples=100, deadline=None)
@given(st.lists(CJK, min_size=1, max_size=80).map("".join), st.integers(min_value=2, max_value=40))
def test_pure_cjk_lines_are_full(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert all(cell_width(line) == width - width % 2 for line in lines[:-1])


RICH_PIECES = st.one_of(PIECES, st.sampled_from(["👨\u200d👩\u200d👧", "❤️", "☺\ufe0f", "🇨🇳", "\u200d", "\ufe0f", "ﾟ"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(RICH_PIECES, max_size=40).map("".join), st.integers(min_value=2, max_value=40))
def test_lines_measure_as_rich_measures_them(text: str, width: int) -> None:
    from rich.cells import cell_len

    lines = wrap(text, width)
    for line in lines:
        assert cell_width(line) == cell_len(line) <= width, (text, width, lines)
    check_reconstruction(text, lines)


@pytest.mark.parametrize("text, width", [
    ("阿\t\u200d\u200d阿", 2),  # Rich's grapheme walk gives 阿 after a stray ZWJ no width; its line measure, 2
    ("）“3,800\t\ufe0f阿，", 2),  # a VS16 after a tab widens the digit before the tab, in Rich's measure
    ("\ufe0f\t”。3,800\u200d\ufe0f\t\ufe0f）👨\u200d👩\u200d👧abc，", 7),
])
def test_lines_with_stray_joiners_measure_as_rich_measures_them(text: str, width: int) -> None:
    from rich.cells import cell_len

    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines), lines
    check_reconstruction(text, lines)
