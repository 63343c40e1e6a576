"""A page's own new words, found before ranking keywords, so keywords are whole words.

jieba's dictionary predates 英伟达, 平头哥, 新质生产力: it cuts them into 英|伟达,
平头|哥, 新质|生产力, and the fragments (伟达, 平头, 新质) rank as keywords.  On one
page a fragment shows itself: it is never split differently.  Every occurrence of
伟达 has 英 right before it, every 钱包 has 电子 (电子钱包).

`merge(words, common, tags)` joins two adjacent words A|B when, on this page,
- one of them occurs at least twice and always next to the other (every 伟达 after
  英; every 平头 before 哥);
- neither is a function word, verb, number or measure word (by jieba's tag), nor
  punctuation or space: 公司|表示 is a clause, not a word;
- one of them is a fragment: a single character, or rare in jieba's IDF table
  (IDF ≥ RARE_IDF, or absent: not one of `common_words()`) — 钱包, 平头, 伟达,
  新质, 英, 哥;
- the result is at most MAX_LEN characters.
Titles and mixed Latin+Han terms (B站) are covered by the same rule (the title is
part of the page).  Merging repeats next to the words just made (up to MAX_ROUNDS
rounds), so 新质|生产力|发展 can grow in two steps.  It works on the page's word list only: the global jieba
dictionary is never touched.

Speed: a 200,000-character page has ~110,000 words, so the per-word passes are C
loops (Counter, map, compress) and pairs are counted only where a fragment stands
next to another word-like word; tags are asked only for the few hundred words in a
pair that passed every other test (a jieba tag is a property of the word, so the
segmenter need not tag the whole page).  The common words (IDF < RARE_IDF, about
21,000 of jieba's 270,000) are kept as a marshalled set in the user's cache, built
once from jieba's idf.txt: 2 ms to load, where looking up every word of a page in
the IDF table would cost more than all the rest.
"""
from __future__ import annotations

import functools
import marshal
import operator
import os
import re
from collections import Counter
from itertools import compress, count, islice, repeat
from pathlib import Path
from typing import AbstractSet, Callable, Iterable

RARE_IDF = 9.0
MAX_LEN = 8
MAX_ROUNDS = 3
# jieba tags of words that never start or end a new word.
_NOT_IN_WORDS = frozenset(
    "v vd vg vi vq d dg p c u uj ul uv uz ud ug r rr rz rg m mq q f y e o w zg t tg".split()
)
_WORDLIKE = re.compile(r"(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z][A-Za-z0-9]*)")

Tags = Callable[[Iterable[str]], dict[str, str]]


def _cache_file(source: Path) -> Path:
    stat = source.stat()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reader" / f"jieba-common-{RARE_IDF:g}-{stat.st_size}-{int(stat.st_mtime)}.marshal"


def _read_common(source: Path) -> frozenset[str]:
    parts = source.read_text(encoding="utf-8").split()
    return frozenset(w for w, v in zip(parts[::2], parts[1::2]) if float(v) < RARE_IDF)


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The words of jieba's IDF table with IDF < RARE_IDF (not fragments).  Cached in
    the user's cache folder, keyed by idf.txt's size and time, written atomically;
    read from idf.txt when the cache cannot be used."""
    from reader.transform.idf import idf_path

    source = idf_path()
    target = _cache_file(source)
    try:
        data = marshal.loads(target.read_bytes())
        if isinstance(data, frozenset):
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    words = _read_common(source)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(words))
        os.replace(tmp, target)
    except OSError:
        pass  # an unwritable cache: read idf.txt each time
    return words


def _wordlike(word: str) -> bool:
    return _WORDLIKE.fullmatch(word) is not None


def _content(word: str, tag: str) -> bool:
    """Can this word (with its jieba tag) be part of a new word?"""
    return tag not in _NOT_IN_WORDS and _wordlike(word)


def merge(words: list[str], common: AbstractSet[str], tags: Tags, stop: frozenset[str] = frozenset()) -> list[str]:
    """`words` (jieba's segmentation, in order) with the page's new words joined.

    `common`: the words that are not rare (see `common_words`).  `tags(words)`: jieba's
    tag of each of `words`.  `stop`: lower-case words never joined.  A joined word is a
    content word.  The first round counts the pairs next to a fragment; later rounds
    only look next to the words just made, where a new word grows (新质生产力|发展)."""
    counts = Counter(words)
    # Word-like, seen twice (a pair seen twice is made of words seen twice) and not a
    # stop word; tags come later.  Word-like words are Han or ASCII, and only ASCII
    # ones have a case to fold.
    joinable = set(filter(_WORDLIKE.fullmatch, [w for w, n in counts.items() if n > 1])) - stop
    joinable -= {w for w in filter(str.isascii, joinable) if w.lower() in stop}
    made: set[str] = set()
    tag_of: dict[str, str] = {}

    def content(candidates: set[str]) -> set[str]:
        """Those of `candidates` that are content words (tags asked once per word)."""
        need = [w for w in candidates if w not in made and w not in tag_of]
        if need:
            tag_of.update(tags(need))
        return {w for w in candidates if w in made or tag_of.get(w, "x") not in _NOT_IN_WORDS}

    def fragment(word: str) -> bool:
        return len(word) == 1 or word not in common

    # 2: joinable, 3: a joinable fragment: products 6 and 9 are the places to count
    # (where a fragment stands next to a joinable word).
    code = dict.fromkeys(joinable, 2)
    code.update(dict.fromkeys({w for w in joinable if len(w) == 1}.union(joinable.difference(common)), 3))
    codes = list(map(code.get, words, repeat(0)))
    at = list(compress(count(), map({6, 9}.__contains__, map(operator.mul, codes, islice(codes, 1, None)))))
    at_pairs = list(zip(map(words.__getitem__, at), map(words.__getitem__, map((1).__add__, at))))
    together = Counter(at_pairs)
    starts: list[int] | None = None  # None: the first round
    for _ in range(MAX_ROUNDS):
        pairs = _pairs(together, counts, fragment, content)
        if not pairs:
            break
        if starts is None:
            # Pairs never chain (see _pairs), so these places cannot overlap.
            places = list(compress(at, map(pairs.__contains__, at_pairs)))
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
    together: Counter, counts: Counter, fragment: Callable[[str], bool], content: Callable[[set[str]], set[str]]
) -> set[tuple[str, str]]:
    """Adjacent content words, one a fragment, that always stand together on the page."""
    pairs = {
        (a, b)
        for (a, b), n in together.items()
        if n > 1
        and (n == counts[b] or n == counts[a])  # every b after a, or every a before b
        and len(a) + len(b) <= MAX_LEN
        and not (a.isascii() and b.isascii())
        and (fragment(a) or fragment(b))
    }
    ok = content({w for pair in pairs for w in pair})
    pairs = {(a, b) for a, b in pairs if a in ok and b in ok}
    # A word cannot join both its left and its right neighbour in one round.
    firsts = {a for a, _ in pairs}
    return {(a, b) for a, b in pairs if b not in firsts and a != b}
