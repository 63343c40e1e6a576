"""A page's own new words, found before ranking keywords, so keywords are whole words.

jieba's dictionary predates 英伟达, 平头哥, 新质生产力: it cuts them into 英|伟达,
平头|哥, 新质|生产力, and the fragments (伟达, 平头, 新质) rank as keywords.  On one
page a fragment shows itself: it is never split differently.  Every occurrence of
伟达 has 英 right before it, every 钱包 has 电子 (电子钱包).

`merge(words, idf, tags)` joins two adjacent words A|B when, on this page,
- one of them occurs at least twice and always next to the other (every 伟达 after
  英; every 平头 before 哥);
- neither is a function word, verb, number or measure word (by jieba's tag), nor
  punctuation or space: 公司|表示 is a clause, not a word;
- one of them is a fragment: a single character, or rare in jieba's IDF table
  (IDF ≥ RARE_IDF, or absent) — 钱包, 平头, 伟达, 新质, 英, 哥;
- the result is at most MAX_LEN characters.
Titles and mixed Latin+Han terms (B站) are covered by the same rule (the title is
part of the page).  Merging repeats until nothing changes, so 新质|生产力|发展 can
grow in two steps.  It works on the page's word list only: the global jieba
dictionary is never touched.

Speed: a 200,000-character page has ~110,000 words, so the per-word passes are C
loops (Counter, map, compress); tags and IDF are asked only for the few hundred
words in a pair that already passed the cheap tests (a jieba tag is a property of
the word, so the segmenter need not tag the whole page).
"""
from __future__ import annotations

import operator
import re
from collections import Counter
from itertools import compress, count, islice
from typing import Callable, Iterable

RARE_IDF = 9.0
MAX_LEN = 8
MAX_ROUNDS = 3
# jieba tags of words that never start or end a new word.
_NOT_IN_WORDS = frozenset(
    "v vd vg vi vq d dg p c u uj ul uv uz ud ug r rr rz rg m mq q f y e o w zg t tg".split()
)
_WORDLIKE = re.compile(r"(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z][A-Za-z0-9]*)")

Idf = Callable[[Iterable[str]], dict[str, float]]
Tags = Callable[[Iterable[str]], dict[str, str]]


def _wordlike(word: str) -> bool:
    return _WORDLIKE.fullmatch(word) is not None


def _content(word: str, tag: str) -> bool:
    """Can this word (with its jieba tag) be part of a new word?"""
    return tag not in _NOT_IN_WORDS and _wordlike(word)


def merge(words: list[str], idf: Idf, tags: Tags, stop: frozenset[str] = frozenset()) -> list[str]:
    """`words` (jieba's segmentation, in order) with the page's new words joined.

    `idf(words)`: jieba's IDF of those of `words` it knows (absent words are rare).
    `tags(words)`: jieba's tag of each of `words`.  A joined word is a content word.
    The first round counts the pairs of word-like neighbours; later rounds only look
    next to the words just made (only there can a new word grow)."""
    counts = Counter(words)
    # Word-like and not a stop word (tags come later).  Word-like words are Han or ASCII,
    # and only ASCII ones have a case to fold.
    joinable = set(filter(_WORDLIKE.fullmatch, counts)) - stop
    joinable -= {w for w in filter(str.isascii, joinable) if w.lower() in stop}
    made: set[str] = set()
    tag_of: dict[str, str] = {}

    def content(candidates: set[str]) -> set[str]:
        """Those of `candidates` that are content words (tags asked once per word)."""
        need = [w for w in candidates if w not in made and w not in tag_of]
        if need:
            tag_of.update(tags(need))
        return {w for w in candidates if w in made or tag_of.get(w, "x") not in _NOT_IN_WORDS}

    mask = list(map(joinable.__contains__, words))
    both = map(operator.and_, mask, islice(mask, 1, None))
    together = Counter(compress(zip(words, islice(words, 1, None)), both))
    starts: list[int] | None = None  # None: every place (the first round)
    for _ in range(MAX_ROUNDS):
        pairs = _pairs(together, counts, idf, content)
        if not pairs:
            break
        # Pairs never chain (see _pairs), so in the first round places cannot overlap.
        firsts = {a for a, _ in pairs}
        if starts is None:
            at = compress(count(), map(firsts.__contains__, islice(words, len(words) - 1)))
            places = [i for i in at if (words[i], words[i + 1]) in pairs]
        else:
            places = sorted(i for i in starts if (words[i], words[i + 1]) in pairs)
            places = [i for k, i in enumerate(places) if not k or i > places[k - 1] + 1]
        new_words: list[str] = []
        made_at: list[int] = []
        previous = 0
        for i in places:
            new_words.extend(words[previous:i])
            a, b = words[i], words[i + 1]
            joined = a + b
            counts[a] -= 1
            counts[b] -= 1
            counts[joined] += 1
            made.add(joined)  # two content words make a content word
            made_at.append(len(new_words))
            new_words.append(joined)
            previous = i + 2
        new_words.extend(words[previous:])
        words = new_words
        starts = sorted({j for m in made_at for j in (m - 1, m) if 0 <= j < len(words) - 1})
        together = Counter(
            (words[i], words[i + 1])
            for i in starts
            if (words[i] in joinable or words[i] in made) and (words[i + 1] in joinable or words[i + 1] in made)
        )
    return words


def _pairs(
    together: Counter, counts: Counter, idf: Idf, content: Callable[[set[str]], set[str]]
) -> set[tuple[str, str]]:
    """Adjacent content words that always stand together on the page."""
    candidates = {
        (a, b)
        for (a, b), n in together.items()
        if (n == counts[b] >= 2 or n == counts[a] >= 2)  # every b after a, or every a before b
        and len(a) + len(b) <= MAX_LEN
        and not (a.isascii() and b.isascii())
    }
    if not candidates:
        return set()
    known = idf({w for pair in candidates for w in pair if len(w) > 1})

    def fragment(word: str) -> bool:
        return len(word) == 1 or known.get(word, RARE_IDF) >= RARE_IDF

    pairs = {(a, b) for a, b in candidates if fragment(a) or fragment(b)}
    ok = content({w for pair in pairs for w in pair})
    pairs = {(a, b) for a, b in pairs if a in ok and b in ok}
    # A word cannot join both its left and its right neighbour in one round.
    firsts = {a for a, _ in pairs}
    return {(a, b) for a, b in pairs if b not in firsts and a != b}
