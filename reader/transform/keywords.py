"""Automatic keywords with jieba (TF-IDF or TextRank), in the page's own script.

jieba's dictionary and IDF table are Simplified, so the text is segmented in its
Simplified form (t2s for Traditional / Mixed pages) and every keyword is mapped back
to the form the page displays: the characters at the same place in the displayed
text (t2s keeps lengths), or its s2t form when that is not possible.  Counts are
occurrences in the displayed text, script-insensitively (see highlight.find_spans).

jieba is imported lazily, only inside these functions, and silenced: it logs its
dictionary loading to stderr otherwise.  `load_jieba()` warms it up (the app calls it
in a worker thread); it is safe to call from several threads.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

from reader.model import Article, Script

METHODS = ("tfidf", "textrank")


@dataclass(frozen=True)
class Keyword:
    word: str  # as the page displays it (Simplified or Traditional)
    weight: float  # jieba's score: TF-IDF, or TextRank normalized to 0..1
    count: int  # occurrences in the displayed text, script-insensitive


_lock = threading.Lock()
_loaded = False
_userdicts: set[str] = set()


def load_jieba() -> None:
    """Import jieba, silence it and build its dictionary (slow the first time: ~1 s)."""
    global _loaded
    with _lock:
        if _loaded:
            return
        import logging

        import jieba

        jieba.setLogLevel(logging.CRITICAL)
        jieba.initialize()
        import jieba.analyse  # noqa: F401  (loads the IDF table)
        import jieba.posseg  # noqa: F401

        _loaded = True


def load_userdict(path: str) -> None:
    """Add a jieba user dictionary (word [freq] [tag] per line).  jieba keeps it for
    the rest of the process; loading the same file twice is a no-op."""
    with open(path, "rb"):  # a clear OSError for a missing file, before loading jieba
        pass
    load_jieba()
    with _lock:
        if path in _userdicts:
            return
        import jieba

        jieba.load_userdict(path)
        _userdicts.add(path)


def default_stopwords() -> frozenset[str]:
    text = resources.files("reader").joinpath("data", "stopwords_zh.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def read_stopwords(path: str) -> list[str]:
    """A stop-word file: one word per line, '#' comments."""
    with open(path, encoding="utf-8-sig") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


_NUMBER = re.compile(r"^[\d０-９.,，．%％+\-−~～/:]+[年月日号时分秒亿万千百元个岁倍次%％]*$")
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9.+#&'\-]*$")
_HAS_WORD_CHAR = re.compile(r"\w")
# Han characters that say nothing on their own (jieba mostly drops singles anyway).
_MIN_HAN_LEN = 2


def _is_noise(word: str) -> bool:
    w = word.strip()
    if not w or not _HAS_WORD_CHAR.search(w) or "_" in w:
        return True  # punctuation, symbols
    if _NUMBER.match(w):
        return True  # 3800, 2025年, 50%
    if w.isascii():
        if not _LATIN_WORD.match(w):
            return True  # a1b2c3, 0x1f, mixed junk
        letters = sum(ch.isalpha() for ch in w)
        return letters < 2 or len(w) > 20 or (sum(ch.isdigit() for ch in w) > letters)
    if len(w) < _MIN_HAN_LEN:
        return True
    return False


def _simplified(text: str, script: Script) -> str:
    if script is Script.SIMPLIFIED:
        return text
    from reader.transform.convert import convert_text

    return convert_text(text, "t2s")


def _displayed_form(word: str, simp_text: str, shown: str, aligned: bool) -> str:
    """How the page shows the Simplified keyword `word`."""
    if simp_text is shown:
        return word
    if aligned:
        forms = Counter(shown[m.start() : m.end()] for m in re.finditer(re.escape(word), simp_text))
        if forms:
            return forms.most_common(1)[0][0]
    from reader.transform.convert import convert_text

    return convert_text(word, "s2t")


def keywords(
    article: Article,
    top: int = 10,
    method: str = "tfidf",
    userdict: str | None = None,
    stopwords: Iterable[str] = (),
) -> list[Keyword]:
    """The `top` keywords of the article's title and body, best first."""
    if method not in METHODS:
        raise ValueError(f"unknown keyword method {method!r} (choose from {', '.join(METHODS)})")
    if top <= 0:
        return []
    shown = "\n".join([article.title, article.body_text]) if article.title else article.body_text
    if not shown.strip():
        return []
    load_jieba()
    if userdict:
        load_userdict(userdict)
    import jieba.analyse

    from reader.transform.convert import convert_text
    from reader.transform.highlight import find_spans
    from reader.transform.script import detect_script

    script = article.script.script if article.script else detect_script(shown).script
    simp_text = _simplified(shown, script)
    aligned = len(simp_text) == len(shown)
    stop = default_stopwords() | {convert_text(w.strip(), "t2s").lower() for w in stopwords if w.strip()}

    extractor = jieba.analyse.textrank if method == "textrank" else jieba.analyse.extract_tags
    with _lock:  # jieba's default extractors share state
        ranked = extractor(simp_text, topK=None, withWeight=True)
    result: list[Keyword] = []
    seen: set[str] = set()
    for word, weight in ranked:
        word = word.strip()
        if word.lower() in stop or word in seen or _is_noise(word):
            continue
        seen.add(word)
        form = _displayed_form(word, simp_text, shown, aligned)
        n = len(find_spans(shown, [form]))
        if n == 0:
            continue  # a segmentation artefact that does not occur as such
        result.append(Keyword(form, round(float(weight), 6), n))
        if len(result) >= top:
            break
    return result
