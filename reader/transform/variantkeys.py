"""Which OpenCC configs can change a search term's fold, without loading OpenCC.

`highlight` searches a term in its folded forms under ten OpenCC configs (s2t, s2twp,
tw2sp …).  Loading those configs costs 90–190 ms, yet for most terms every config
folds back to the term itself: OpenCC only rewrites where one of its dictionary keys
occurs, and most entries (发 → 發, 软件 → 軟件) fold back to their key.  An entry
*changes the fold* when the value OpenCC writes for it (its first) folds differently
from its key (软件 → 軟體 in TWPhrases, 干燥 → 乾燥 …).

If no such key of a config occurs (folded) in the folded term, that config's output
folds to the term's own fold: each step of its chain applies only entries that keep
the fold, so the next step sees a text with the same fold, and so on (corrections
only cut the text, which keeps OpenCC to fewer matches).  So a term needs OpenCC
only for the configs one of whose changing keys it contains.

`reader/data/opencc_fold_keys.tsv` lists those keys, folded, with the configs they
belong to.  It is generated from the installed OpenCC's dictionaries (its
``opencc_dict`` tool turns them into text) by ``python -m reader.transform.variantkeys``;
a test checks it is current and that the shortcut gives the same variants as OpenCC.
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import Callable, Iterable

DATA_FILE = "opencc_fold_keys.tsv"
_CONFIGS_HEADER = "# configs: "


@functools.lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], dict[str, frozenset[str]], int]:
    """(configs the file covers, folded key → configs it changes, longest key)."""
    text = resources.files("reader").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    covered: frozenset[str] = frozenset()
    keys: dict[str, frozenset[str]] = {}
    sets: dict[str, frozenset[str]] = {}  # a few dozen distinct config lists, shared
    for line in text.splitlines():
        if line.startswith(_CONFIGS_HEADER):
            covered = frozenset(line[len(_CONFIGS_HEADER) :].split(","))
        if not line or line.startswith("#"):
            continue
        key, configs = line.split("\t")
        found = sets.get(configs)
        if found is None:
            found = sets[configs] = frozenset(configs.split(","))
        keys[key] = found
    return covered, keys, max(map(len, keys), default=0)


def configs_changing(folded_term: str, configs: Iterable[str]) -> list[str]:
    """Those of `configs` whose conversion may fold `folded_term` differently (in the
    order given); a config the data file does not cover is always kept."""
    covered, keys, longest = _table()
    hit: set[str] = set()
    n = len(folded_term)
    for i in range(n):
        for j in range(i + 1, min(n, i + longest) + 1):
            found = keys.get(folded_term[i:j])
            if found:
                hit |= found
    return [c for c in configs if c in hit or c not in covered]


def _dict_files(config_json: dict) -> list[str]:
    """Every dictionary file a config's JSON names (normalization, segmentation, chain)."""
    out: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                out.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(config_json)
    return sorted(set(out))


def build(out_path: str, configs: Iterable[str], fold: Callable[[str], str]) -> int:
    """Regenerate the data file from the installed OpenCC; returns the number of keys."""
    import json
    import subprocess
    import tempfile
    from pathlib import Path

    import opencc

    base = Path(opencc.__file__).parent / "clib"
    tool, share = base / "bin" / "opencc_dict", base / "share" / "opencc"
    configs = list(configs)
    changing: dict[str, set[str]] = {}
    entries: dict[str, list[tuple[str, list[str]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for config in configs:
            for name in _dict_files(json.loads((share / f"{config}.json").read_text(encoding="utf-8"))):
                if name not in entries:
                    txt = Path(tmp) / f"{name}.txt"
                    subprocess.run([str(tool), "-i", str(share / name), "-o", str(txt), "-f", "ocd2", "-t", "text"], check=True)
                    rows = (row.partition("\t") for row in txt.read_text(encoding="utf-8").splitlines())
                    entries[name] = [(key, values.split()) for key, _, values in rows if key]
                for key, values in entries[name]:
                    folded = fold(key)
                    if fold(values[0]) != folded:  # OpenCC writes an entry's first value
                        changing.setdefault(folded, set()).add(config)
    lines = [
        "# OpenCC dictionary keys (folded) with a value that folds differently, and the configs whose dictionaries have them.",
        f"# Generated by `python -m reader.transform.variantkeys` from OpenCC {getattr(opencc, '__version__', '?')}.",
        _CONFIGS_HEADER + ",".join(configs),
    ]
    order = {c: i for i, c in enumerate(configs)}
    lines += [f"{key}\t{','.join(sorted(found, key=order.__getitem__))}" for key, found in sorted(changing.items())]
    Path(out_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(changing)


if __name__ == "__main__":
    from pathlib import Path

    from reader.transform.highlight import VARIANT_CONFIGS, fold

    target = Path(__file__).resolve().parents[1] / "data" / DATA_FILE
    print(f"{build(str(target), VARIANT_CONFIGS, fold)} keys written to {target}")
