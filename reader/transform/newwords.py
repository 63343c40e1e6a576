"""A page's own new words, found before ranking keywords, so keywords are whole words.

jieba's dictionary predates 英伟达, 平头哥, 新质生产力: it cuts them into 英|伟达,
平头|哥, 新质|生产力, and the fragments (伟达, 平头, 新质) rank as keywords.  On one
page a fragment shows itself: it is never split differently.  Every occurrence of
伟达 has 英 right before it, every 钱包 has 电子 (电子钱包).

`merge(tokens)` joins two adjacent tokens A|B when, on this page,
- one of them occurs at least twice and always next to the other (every 伟达 after
  英; every 平头 before 哥);
- neither is a function word, verb, number or measure word (by jieba's tag), nor
  punctuation or space: 公司|表示 is a clause, not a word;
- one of them is a fragment: a single character, or rare in jieba's IDF table
  (IDF ≥ RARE_IDF, or absent) — 钱包, 平头, 伟达, 新质, 英, 哥;
- the result is at most MAX_LEN characters.
Titles and mixed Latin+Han terms (B站) are covered by the same rule (the title is
part of the page).  Merging repeats until nothing changes, so 新质|生产力|发展 can
grow in two steps.  It works on the page's token list only: the global jieba
dictionary is never touched.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable

RARE_IDF = 9.0
MAX_LEN = 8
MAX_ROUNDS = 3
# jieba tags of tokens that never start or end a new word.
_NOT_IN_WORDS = re.compile(r"^(v|vd|vg|vi|vq|d|dg|p|c|u|uj|ul|uv|uz|ud|ug|r|rr|rz|rg|m|mq|q|f|y|e|o|w|zg|t|tg)$")
_WORDLIKE = re.compile(r"^(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z][A-Za-z0-9]*)$")


def _content(word: str, tag: str) -> bool:
    return bool(_WORDLIKE.match(word)) and not _NOT_IN_WORDS.match(tag)


def merge(
    tokens: list[tuple[str, str]], idf: Callable[[Iterable[str]], dict[str, float]], stop: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """`tokens` ((word, jieba tag) in order) with the page's new words joined.

    `idf(words)`: jieba's IDF of those of `words` it knows (absent words are rare).
    The first round counts every adjacent pair; later rounds only look next to the
    words just made (only there can a new word grow)."""
    ok = {tok: _content(*tok) and tok[0].lower() not in stop for tok in set(tokens)}
    words = [tok[0] if ok[tok] else None for tok in tokens]
    counts = Counter(words)
    starts: Iterable[int] = range(len(words) - 1)  # where pairs are looked at
    for _ in range(MAX_ROUNDS):
        if isinstance(starts, range):
            together = Counter(zip(words, words[1:]))
        else:
            together = Counter((words[i], words[i + 1]) for i in starts)
        pairs = _pairs(together, counts, idf)
        if not pairs:
            break
        # Pairs never chain (see _pairs), so the places do not overlap.
        if isinstance(starts, range):
            places = [i for i, pair in enumerate(zip(words, words[1:])) if pair in pairs]
        else:
            places = sorted(i for i in starts if (words[i], words[i + 1]) in pairs)
            places = [i for k, i in enumerate(places) if not k or i > places[k - 1] + 1]
        new_tokens: list[tuple[str, str]] = []
        new_words: list[str | None] = []
        made: list[int] = []
        previous = 0
        for i in places:
            new_tokens.extend(tokens[previous:i])
            new_words.extend(words[previous:i])
            joined = tokens[i][0] + tokens[i + 1][0]
            counts[words[i]] -= 1
            counts[words[i + 1]] -= 1
            counts[joined] += 1
            made.append(len(new_words))
            new_tokens.append((joined, "nz"))
            new_words.append(joined)  # two content words make a content word
            previous = i + 2
        new_tokens.extend(tokens[previous:])
        new_words.extend(words[previous:])
        tokens, words = new_tokens, new_words
        starts = sorted({j for m in made for j in (m - 1, m) if 0 <= j < len(words) - 1})
    return tokens


def _pairs(
    together: Counter, counts: Counter, idf: Callable[[Iterable[str]], dict[str, float]]
) -> set[tuple[str, str]]:
    """Adjacent content words (None: not one) that always stand together on the page."""
    candidates = {
        (a, b)
        for (a, b), n in together.items()
        if a is not None
        and b is not None
        and (n == counts[b] >= 2 or n == counts[a] >= 2)  # every b after a, or every a before b
        and len(a) + len(b) <= MAX_LEN
        and not (a.isascii() and b.isascii())
    }
    known = idf({w for pair in candidates for w in pair if len(w) > 1})

    def fragment(word: str) -> bool:
        return len(word) == 1 or known.get(word, RARE_IDF) >= RARE_IDF

    pairs = {(a, b) for a, b in candidates if fragment(a) or fragment(b)}
    # A token cannot join both its left and its right neighbour in one round.
    firsts = {a for a, _ in pairs}
    return {(a, b) for a, b in pairs if b not in firsts and a != b}
