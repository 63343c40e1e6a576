"""Automatic keywords (jieba's TF-IDF, or TextRank), whole words, in the page's script.

jieba's dictionary and IDF table are Simplified, so the text is segmented in its
Simplified form (t2s for Traditional / Mixed pages) and every keyword is mapped back
to the form the page displays: the characters at the same place in the displayed
text (t2s keeps lengths), or its s2t form when that is not possible.  Counts are
occurrences in the displayed text, script-insensitively (see highlight.find_spans).
`in_script` gives the keywords as a converted page shows them.

TF-IDF: the words come from rjieba (jieba-rs: jieba's dictionary, the same Han words
on every corpus text, ~20x faster), the page's new words are joined (`newwords`:
英|伟达 → 英伟达) and ranked exactly as jieba's `extract_tags` ranks them, with
jieba's IDF table (`idf`).  TextRank is jieba's own (its words, tags and graph), over
the same joined words.  Speed on a 200,000-character page (benchmarks/chinese.py):
the page is cut, not tagged (only the few hundred words new words need are tagged),
new words are found with C-level passes, IDF is looked up only for words that can
reach the top and remembered per process, the cycle collector is paused while
the ~100,000 words are counted, and a keyword is counted by one scan of the page
(`highlight.count`: no fold of the page, and OpenCC only for the rare keyword it can
change).  Heavy libraries are imported lazily, only inside these functions;
`load_jieba()` warms them up; it is safe to call from several threads.
"""
from __future__ import annotations

import functools
import gc
import re
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from itertools import count
from typing import Callable, Iterable, Iterator

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
# jieba's TF-IDF skips these (jieba.analyse.tfidf.TFIDF.STOP_WORDS), so we do too.
_JIEBA_STOP_WORDS = frozenset(
    "the of is and to in that we for an are by be as on with can if from which you it "
    "this then at have all not one has or".split()
)


def _segmenter():
    """rjieba (jieba-rs: the same dictionary and the same Han words, ~20x faster), or
    jieba itself where rjieba is not installed."""
    try:
        import rjieba

        return rjieba
    except ImportError:  # pragma: no cover - rjieba is a dependency; jieba is the fallback
        return None


def load_jieba() -> None:
    """Load the segmenter and the IDF table (the app calls it in a worker thread);
    safe to call from several threads."""
    global _loaded
    with _lock:
        if _loaded:
            return
        if _segmenter() is None:  # pragma: no cover
            import logging

            import jieba

            jieba.setLogLevel(logging.CRITICAL)
            jieba.initialize()
        _loaded = True
    from reader.transform.idf import table
    from reader.transform.newwords import common_words

    table()
    common_words()


def _cut(text: str) -> list[str]:
    """jieba's words of `text`, in order (they add up to the text)."""
    seg = _segmenter()
    if seg is not None:
        return seg.cut(text, True)
    import jieba  # pragma: no cover

    return list(jieba.cut(text))  # pragma: no cover


def _tagger(text: str) -> Callable[[Iterable[str]], dict[str, str]]:
    """jieba's dictionary tags of some of the words jieba cuts `text` into.

    Tagging the whole page costs as much again as cutting it, and new words need the
    tags of a few hundred words.  The segmenter's tag is a property of the word (its
    dictionary entry, or a guess from its characters), so a word is tagged on its own;
    a word cut differently when alone (年来 → 年|来) is tagged in its line instead:
    segmentation never crosses a line break, so the line is cut as in the page."""
    seg = _segmenter()
    if seg is None:  # pragma: no cover - jieba's own tagger
        import jieba.posseg

        table = jieba.posseg.dt.word_tag_tab
        return lambda wanted: {w: table.get(w, "x") for w in wanted}

    def in_line(word: str) -> str:
        """The tag of `word` in the first line where the page has it as a word."""
        at = text.find(word)
        while at >= 0:
            lo = text.rfind("\n", 0, at) + 1
            hi = text.find("\n", at)
            hi = len(text) if hi < 0 else hi
            for w, tag in seg.tag(text[lo:hi], True):
                if w == word:
                    return tag
            at = text.find(word, hi)
        return "x"  # pragma: no cover - every word is one of the page's

    def tags(wanted: Iterable[str]) -> dict[str, str]:
        wanted = list(wanted)
        out: dict[str, str] = {}
        tagged = iter(seg.tag("\n".join(wanted), True))  # each word alone, in one call
        for k, word in enumerate(wanted):
            if k:
                next(tagged)  # the line break
            got = next(tagged)
            if got[0] == word:
                out[word] = got[1]
            else:  # cut differently when alone
                length = len(got[0])
                while length < len(word):
                    length += len(next(tagged)[0])
        for word in wanted:
            if word not in out:
                out[word] = in_line(word)
        return out

    return tags


def load_userdict(path: str) -> None:
    """Add a jieba user dictionary (word [freq] [tag] per line).  The segmenter keeps it
    for the rest of the process; loading the same file twice is a no-op."""
    with open(path, "rb"):  # a clear OSError for a missing file, before loading jieba
        pass
    load_jieba()
    with _lock:
        if path in _userdicts:
            return
        seg = _segmenter()
        if seg is not None:
            with open(path, encoding="utf-8-sig") as fh:
                for line in fh:
                    parts = line.split()
                    if not parts:
                        continue
                    freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                    tag = parts[2] if len(parts) > 2 else None
                    seg.add_word(parts[0], freq, tag)
        _userdicts.add(path)  # TextRank's jieba loads it when it is first needed


_jieba_userdicts: set[str] = set()


def _jieba():
    """jieba itself, silenced and initialized, with the user dictionaries loaded
    (TextRank segments and tags with it)."""
    import logging

    import jieba

    with _lock:
        jieba.setLogLevel(logging.CRITICAL)
        jieba.initialize()
        for path in sorted(_userdicts - _jieba_userdicts):
            jieba.load_userdict(path)
            _jieba_userdicts.add(path)
    return jieba


@functools.lru_cache(maxsize=1)
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


def _simplified_page(shown: str, article: Article) -> str:
    """The text jieba segments: the page itself when it is Simplified, else its t2s
    form.  Without a known script, a text that t2s leaves alone is Simplified whatever
    detection would say, and converting is cheaper than detecting."""
    if article.script:
        return _simplified(shown, article.script.script)
    from reader.transform.convert import convert_text

    converted = convert_text(shown, "t2s")
    if converted == shown:
        return shown
    from reader.transform.script import detect_script

    return shown if detect_script(shown).script is Script.SIMPLIFIED else converted


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


# IDF of every word looked up so far in this process (None: not in jieba's table),
# up to _IDF_SEEN_MAX words (then started afresh).
_idf_seen: dict[str, float | None] = {}
_IDF_SEEN_MAX = 200_000


def _idf(words: Iterable[str]) -> dict[str, float]:
    """jieba's IDF of those of `words` its table has, looked up once per process."""
    global _idf_seen
    if len(_idf_seen) > _IDF_SEEN_MAX:
        _idf_seen = {}  # a new dict: a thread still using the old one keeps it whole
    seen = _idf_seen
    words = list(words)
    need = [w for w in dict.fromkeys(words) if w not in seen]
    if need:
        from reader.transform.idf import table

        found = table().get(need)
        seen.update({w: found.get(w) for w in need})
    return {w: v for w in words if (v := seen.get(w)) is not None}


def _tfidf(counts: Counter, stop: frozenset[str], top: int) -> list[tuple[str, float]]:
    """jieba's `extract_tags` on words with these counts (in order of first
    appearance): same counting, same IDF, same order, but looking up IDF only for
    words that can still reach the top: a word seen f times weighs at most
    f × (largest IDF) / total."""
    from reader.transform.idf import table

    median = table().median
    freq: dict[str, int] = {}
    for w, n in counts.items():  # first seen first, as jieba's dict fills
        if len(w) < 2:
            continue  # (stripping only shortens)
        if w.isascii() or not w.isalnum():  # else no space to strip, not an English stop word
            wc = w.strip()
            if len(wc) < 2 or wc.lower() in _JIEBA_STOP_WORDS:
                continue
        freq[w] = n
    total = sum(freq.values())
    if not total:
        return []
    by_count = sorted(freq, key=freq.__getitem__, reverse=True)  # stable: ties first seen first
    weights: dict[str, float] = {}
    good: list[float] = []  # weights of words that will be shown (not noise, not stop words)
    start = 0
    chunk = 256
    while start < len(by_count):
        if len(good) >= top and freq[by_count[start]] * _MAX_IDF / total < sorted(good, reverse=True)[top - 1]:
            break
        batch = by_count[start : start + chunk]
        known = _idf(batch)
        for w in batch:
            weights[w] = freq[w] * known.get(w, median) / total
            if w.strip().lower() not in stop and not _is_noise(w):
                good.append(weights[w])
        start += chunk
    order = dict(zip(freq, count()))  # jieba's sort is stable: first seen first
    return sorted(weights.items(), key=lambda kv: (-kv[1], order[kv[0]]))


_MAX_IDF = 14.0  # above every IDF in jieba's table (the largest is 13.9)


class _Tokens:
    """A tokenizer for jieba's TextRank that hands it words already cut and tagged."""

    def __init__(self, pairs: list) -> None:
        self._pairs = pairs

    def cut(self, sentence: str) -> list:
        return self._pairs


# A new word counts as a noun for TextRank: names of things, products and terms, the
# kind of word its part-of-speech filter (ns, n, vn, v) is there to keep.
_NEW_WORD_TAG = "n"


def _textrank(simp_text: str, stop: frozenset[str]) -> list[tuple[str, float]]:
    """jieba's TextRank over jieba's own words and tags, with the page's new words
    joined (`newwords`); a word's tag for joining is its most common tag on the page."""
    jieba = _jieba()
    import jieba.analyse
    import jieba.posseg
    from reader.transform.newwords import common_words, merge

    with _lock:  # jieba's default tokenizer shares state
        tokens = [(p.word, p.flag) for p in jieba.posseg.dt.cut(simp_text)]
    by_word: dict[str, Counter] = {}
    for word, flag in tokens:
        by_word.setdefault(word, Counter())[flag] += 1

    def tags(wanted: Iterable[str]) -> dict[str, str]:
        return {w: by_word[w].most_common(1)[0][0] for w in wanted if w in by_word}

    merged = merge([w for w, _ in tokens], common_words(), tags, stop)
    pairs = []
    j = 0
    for word in merged:  # each merged word is one token or several joined, in order
        if tokens[j][0] == word:
            pairs.append(jieba.posseg.pair(word, tokens[j][1]))
            j += 1
            continue
        length = 0
        while length < len(word):
            length += len(tokens[j][0])
            j += 1
        pairs.append(jieba.posseg.pair(word, _NEW_WORD_TAG))
    ranker = jieba.analyse.TextRank()
    ranker.tokenizer = _Tokens(pairs)
    return ranker.textrank(simp_text, topK=None, withWeight=True)


def keywords(
    article: Article,
    top: int = 10,
    method: str = "tfidf",
    userdict: str | None = None,
    stopwords: Iterable[str] = (),
) -> list[Keyword]:
    """The `top` keywords of the article's title and body, best first, as whole words
    (see `newwords`), in the form the article displays them."""
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
    with _collector_paused():
        return _keywords(article, shown, top, method, stopwords)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: a long page makes ~100,000 words and pairs (none
    in a cycle), and every few thousand allocations the collector would walk the whole
    heap again (40 ms on a 200,000-character page when jieba's tables are loaded)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _keywords(article: Article, shown: str, top: int, method: str, stopwords: Iterable[str]) -> list[Keyword]:
    """keywords() once the segmenter and tables are loaded."""
    from reader.transform.convert import convert_text
    from reader.transform.highlight import count

    simp_text = _simplified_page(shown, article)
    aligned = len(simp_text) == len(shown)
    stop = default_stopwords() | {convert_text(w.strip(), "t2s").lower() for w in stopwords if w.strip()}

    from reader.transform.newwords import common_words, merge

    if method == "textrank":
        ranked = _textrank(simp_text, stop)
    else:
        cut = _cut(simp_text)
        ranked = _tfidf(Counter(merge(cut, common_words(), _tagger(simp_text), stop)), stop, top)
    result: list[Keyword] = []
    seen: set[str] = set()
    for word, weight in ranked:
        word = word.strip()
        if word.lower() in stop or word in seen or _is_noise(word):
            continue
        seen.add(word)
        form = _displayed_form(word, simp_text, shown, aligned)
        n = count(shown, form)
        if n == 0:
            continue  # a segmentation artefact that does not occur as such
        result.append(Keyword(form, round(float(weight), 6), n))
        if len(result) >= top:
            break
    return result


def in_script(found: list[Keyword], target: str, variant: str = "s2tw", shown: str | None = None) -> list[Keyword]:
    """The keywords as a page converted to `target` (one of convert.TARGETS) shows them:
    the form most often matched in `shown` (the displayed text) when given, else the
    word converted with `convert.to_script`.  Weights and counts stay (counts are
    script-insensitive)."""
    from reader.transform.convert import to_script

    out = []
    for k in found:
        form = None
        if shown:
            from reader.transform.highlight import find_spans

            forms = Counter(shown[s.start : s.end] for s in find_spans(shown, [k.word]))
            form = forms.most_common(1)[0][0] if forms else None
        out.append(Keyword(form or to_script(k.word, target, variant), k.weight, k.count))
    return out
