"""Look for OpenCC phrase traps: phrase entries that match across a word boundary.

    python benchmarks/opencc_traps.py [--configs s2twp,s2hk] [--min 1] > traps.txt

Every line of real text (the seeds in sample_articles/, the html-dev gold texts, the
articles `reader` extracts from corpus/unlabeled; Traditional ones folded with t2s
first) is converted twice with each config: whole, as OpenCC does, and word by word
along jieba's segmentation (rjieba, the same Han words).  Where the two differ, an
OpenCC phrase spanned a boundary between jieba's words.  Each such change is printed
once with its count, the source words with ``|`` at jieba's boundaries, what the
whole-line conversion gave and what the word-by-word one gave, and one context.

Most are right (OpenCC's phrase knows better than jieba: 揩|干|泪水 → 揩乾淚水); the
wrong ones go into reader/data/opencc_corrections.tsv with their reason:

    python benchmarks/opencc_traps.py --rows reviewed.tsv >> reader/data/opencc_corrections.tsv

turns reviewed lines ``phrase with | at the boundary<TAB>reason`` into table rows: the
configs that fall into the trap and what cutting there gives, per group of configs.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def texts() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "sample_articles").glob("*.txt"))]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted((SHARED / "eval" / "html-dev").glob("*.gold.txt"))]
    import reader

    for p in sorted((SHARED / "corpus" / "unlabeled").glob("*.html")):
        try:
            article = reader.clean(p.read_bytes(), name=p.name)
        except Exception as exc:  # noqa: BLE001 - a page we cannot read is skipped
            print(f"# skipped {p.name}: {exc}", file=sys.stderr)
            continue
        out.append((p.name, "\n".join([article.title, article.body_text])))
    return out


def simplified(text: str) -> str:
    from reader.model import Script
    from reader.transform.convert import convert_text
    from reader.transform.script import detect_script

    return text if detect_script(text).script is Script.SIMPLIFIED else convert_text(text, "t2s")


def traps(config: str, corpus: list[tuple[str, str]]):
    import rjieba

    from reader.transform.convert import converter

    convert = converter(config)
    found: Counter = Counter()
    context: dict = {}
    pages: dict = defaultdict(set)
    for name, text in corpus:
        for line in simplified(text).splitlines():
            if not line.strip():
                continue
            words = rjieba.cut(line, True)
            whole = convert(line)
            pieces = [convert(w) for w in words]
            wordwise = "".join(pieces)
            if whole == wordwise:
                continue
            owner = [i for i, p in enumerate(pieces) for _ in p]  # word index of each output char
            sm = difflib.SequenceMatcher(None, wordwise, whole, autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op == "equal":
                    continue
                lo = owner[i1] if i1 < len(owner) else len(words) - 1
                hi = owner[i2 - 1] if i2 > i1 else lo
                # widen to the neighbouring word on each side, where the phrase came from
                lo, hi = max(0, lo - 1), min(len(words) - 1, hi + 1)
                source = "|".join(words[lo : hi + 1])
                a = "".join(pieces[lo : hi + 1])
                b = whole[len("".join(pieces[:lo])) :][: len(a) + (j2 - j1) - (i2 - i1)]
                key = (source, b, a)
                found[key] += 1
                pages[key].add(name)
                context.setdefault(key, line[:80])
    return found, context, pages


def rows(path: str) -> None:
    from reader.transform.convert import converter

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        marked, reason = line.split("\t")
        parts = marked.split("|")
        groups: dict[str, list[str]] = {}
        for config in ("s2t", "s2tw", "s2twp", "s2hk"):
            convert = converter(config)
            cut = "".join(convert(p) for p in parts)
            if convert("".join(parts)) != cut:
                groups.setdefault(cut, []).append(config)
        if not groups:
            print(f"# no trap: {marked}", file=sys.stderr)
        for cut, configs in groups.items():
            print(f"{','.join(configs)}\t{marked}\t{cut}\t{reason}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--configs", default="s2twp,s2hk")
    ap.add_argument("--min", type=int, default=1, help="print changes seen at least this many times")
    ap.add_argument("--rows", metavar="REVIEWED", help="print table rows for reviewed traps and stop")
    args = ap.parse_args()
    if args.rows:
        rows(args.rows)
        return 0
    corpus = texts()
    print(f"# {len(corpus)} texts, {sum(len(t) for _, t in corpus)} characters")
    for config in args.configs.split(","):
        found, context, pages = traps(config, corpus)
        print(f"\n## {config}: {len(found)} distinct cross-boundary changes, {sum(found.values())} in all")
        print("count\tpages\tjieba words\twhole (OpenCC)\tword by word\tcontext")
        for key, n in found.most_common():
            if n < args.min:
                continue
            source, whole, wordwise = key
            print(f"{n}\t{len(pages[key])}\t{source}\t{whole}\t{wordwise}\t{context[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
