"""Script-insensitive highlighting: examples and hypothesis properties."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from reader.transform.convert import convert_text
from reader.transform.highlight import (
    RESET,
    VARIANT_CONFIGS,
    Span,
    find_spans,
    fold,
    mark_ansi,
    mark_lines,
    spans_for_lines,
    variants,
)
from reader.transform.wrap import wrap


def matched(text: str, spans: list[Span]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_simplified_term_finds_traditional_form() -> None:
    text = "阿里雲在雲棲大會上發布"
    spans = find_spans(text, ["云"])
    assert matched(text, spans) == ["雲", "雲"]
    assert all(s.term == "云" for s in spans)


def test_traditional_term_finds_simplified_form() -> None:
    assert matched("阿里云和阿里雲", find_spans("阿里云和阿里雲", ["阿里雲"])) == ["阿里云", "阿里雲"]


def test_hou_finds_both_forms() -> None:
    text = "兩年後，皇后和后來"
    assert matched(text, find_spans(text, ["后"])) == ["後", "后", "后"]
    assert matched(text, find_spans(text, ["後"])) == ["後", "后", "后"]


def test_phrase_variants_of_different_length() -> None:
    text = "這台電腦的記憶體很大，内存也便宜"
    spans = find_spans(text, ["内存"])
    assert matched(text, spans) == ["記憶體", "内存"]


def test_latin_is_case_insensitive_with_word_boundaries() -> None:
    text = "AI大模型和ai芯片，不是MAIL也不是Ai2"
    assert matched(text, find_spans(text, ["ai"])) == ["AI", "ai"]
    assert matched("ＡＩ时代", find_spans("ＡＩ时代", ["ai"])) == ["ＡＩ"]


def test_longest_match_wins_and_spans_do_not_overlap() -> None:
    text = "阿里巴巴集团和阿里"
    spans = find_spans(text, ["阿里", "阿里巴巴", "巴巴集团"])
    assert matched(text, spans) == ["阿里巴巴", "阿里"]
    assert spans[0].term == "阿里巴巴"


def test_blank_terms_are_ignored() -> None:
    assert find_spans("阿里", ["", "  "]) == []
    assert find_spans("", ["阿里"]) == []


def test_fold_preserves_length() -> None:
    text = "阿里雲 ABC ＡＢＣ 記憶體 e\u0301 İstanbul"
    assert len(fold(text)) == len(text)
    assert fold("雲後ABC") == "云后abc"


def test_mark_ansi() -> None:
    text = "阿里雲上的云"
    out = mark_ansi(text, find_spans(text, ["云"]), style="<")
    assert out == f"阿里<雲{RESET}上的<云{RESET}"
    assert mark_ansi(text, []) == text


def test_marks_across_wrapped_lines() -> None:
    text = "阿里巴巴集团的阿里云"
    lines = wrap(text, 6)  # 阿里巴 / 巴集团 / 的阿里 / 云
    per_line = spans_for_lines(text, lines, find_spans(text, ["巴巴", "阿里云"]))
    assert [[line[s.start : s.end] for s in spans] for line, spans in zip(lines, per_line)] == [
        ["巴"], ["巴"], ["阿里"], ["云"],
    ]
    marked = mark_lines(text, lines, ["阿里云"], style="*")
    assert [re.sub(r"\*|\x1b\[0m", "", m) for m in marked] == lines


# --- properties -------------------------------------------------------------

# Characters with distinct Simplified and Traditional forms, plus neutral ones.
PAIRS = [("云", "雲"), ("后", "後"), ("发", "發"), ("里", "裡"), ("国", "國"), ("说", "說"), ("门", "門"), ("长", "長")]
NEUTRAL = list("阿中人大 ,a")
CHAR_CHOICES = [c for pair in PAIRS for c in pair] + NEUTRAL + ["A", "I", "x"]
TEXT = st.lists(st.sampled_from(CHAR_CHOICES), max_size=60).map("".join)
TERM = st.lists(st.sampled_from(CHAR_CHOICES), min_size=1, max_size=4).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(TERM, min_size=1, max_size=4))
def test_spans_fall_on_matching_text(text: str, terms: list[str]) -> None:
    spans = find_spans(text, terms)
    last_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= last_end  # sorted, non-overlapping
        last_end = span.end
        assert span.term in {t.strip() for t in terms}
        # The marked text is the term, script- and case-insensitively.
        assert fold(text[span.start : span.end]) in variants(span.term)


@settings(max_examples=200, deadline=None)
@given(TEXT, TERM)
def test_every_folded_occurrence_is_marked(text: str, term: str) -> None:
    if not term.strip() or any(c.isascii() and c.isalnum() for c in term):
        return  # Latin terms also need word boundaries; covered above
    spans = find_spans(text, [term])
    folded, needle = fold(text), fold(term.strip())
    for m in re.finditer(f"(?={re.escape(needle)})", folded):
        start, end = m.start(), m.start() + len(needle)
        assert any(s.start < end and s.end > start for s in spans), (text, term, spans)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([p[0] for p in PAIRS] + list("阿中人大")), min_size=1, max_size=30).map("".join), st.data())
def test_simplified_term_marks_converted_text(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    term = text[start:end]
    shown = convert_text(text, "s2t")
    assert len(shown) == len(text)
    spans = find_spans(shown, [term])
    assert any(s.start <= start < s.end or start <= s.start < end for s in spans), (shown, term)


# --- variants without OpenCC where it cannot change the fold --------------------

def _all_variants(term: str) -> set[str]:
    """What `variants` gives with every config run through OpenCC."""
    term = term.strip()
    forms = {term} | {convert_text(term, config) for config in VARIANT_CONFIGS}
    return {fold(f) for f in forms if f.strip()}


def _fold_keys() -> list[str]:
    text = resources.files("reader").joinpath("data", "opencc_fold_keys.tsv").read_text(encoding="utf-8")
    return [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]


def test_variants_match_opencc_on_real_words() -> None:
    """The words of every seed and their Traditional forms, and every key that can
    change a fold, alone and inside a word: the shortcut gives OpenCC's variants."""
    import rjieba

    root = Path(__file__).resolve().parents[2]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "sample_articles").glob("*.txt")))
    text += "\n" + convert_text(text, "s2twp") + "\n" + convert_text(text, "s2hk")
    words = set(rjieba.cut(text, True)) | {w for k in _fold_keys() for w in (k, f"的{k}了")}
    differ = [w for w in sorted(words) if w.strip() and variants(w) != _all_variants(w)]
    assert not differ, differ[:20]
    plain = sum(variants(w) == {fold(w.strip())} for w in words if w.strip())
    assert plain > len(words) // 2  # most terms need no OpenCC (the point of the shortcut)


KEY_CHARS = sorted({c for k in _fold_keys() for c in k} | set("阿里的了中国软件"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(KEY_CHARS), min_size=1, max_size=8).map("".join))
def test_variants_match_opencc_on_mixed_keys(term: str) -> None:
    assert variants(term) == _all_variants(term)


def test_a_plain_term_loads_no_opencc() -> None:
    from support.imports import modules_after

    loaded = modules_after("from reader.transform.highlight import find_spans\nfind_spans('阿里巴巴的模型', ['阿里', '模型'])")
    assert "opencc" not in loaded
    loaded = modules_after("from reader.transform.highlight import variants\nassert '记忆体' in variants('内存')")
    assert "opencc" in loaded


def test_the_fold_key_table_is_current(tmp_path) -> None:
    """The data file is what the installed OpenCC's dictionaries give today."""
    import opencc

    from reader.transform.variantkeys import build

    if not (Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict").exists():
        pytest.skip("this OpenCC build has no opencc_dict tool")
    out = tmp_path / "keys.tsv"
    build(str(out), VARIANT_CONFIGS, fold)
    shipped = resources.files("reader").joinpath("data", "opencc_fold_keys.tsv").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped


# --- counting without folding the text ----------------------------------------

# Fullwidth and upper case, phrase variants of another length, characters outside the
# BMP (a compatibility ideograph that folds to 慈, 𠁞 → 𠀾), and 薴 → 苧 → 苎: the fold
# writes 苧 for 薴 but folds 苧 itself to 苎.
COUNT_CHARS = CHAR_CHOICES + list("ＡａＩｉ１1a bB内存記憶體\U0002f8a6慈\U0002005e\U0002003e薴苧苎")
COUNT_TEXT = st.lists(st.sampled_from(COUNT_CHARS), max_size=80).map("".join)
COUNT_TERM = st.lists(st.sampled_from(COUNT_CHARS), min_size=1, max_size=4).map("".join)


@settings(max_examples=300, deadline=None)
@given(COUNT_TEXT, COUNT_TERM)
def test_count_is_the_number_of_spans(text: str, term: str) -> None:
    from reader.transform.highlight import count

    assert count(text, term) == len(find_spans(text, [term]))


def test_count_on_real_pages() -> None:
    from reader.transform.highlight import count

    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "sample_articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for shown in (text, convert_text(text, "s2twp")):
            words = {w for w in re.findall(r"[\u4e00-\u9fff]{2,4}|[A-Za-z]+", text[:3000])}
            for term in sorted(words)[:80] + ["AI", "ai", "内存", "云"]:
                assert count(shown, term) == len(find_spans(shown, [term])), (path.name, term)
