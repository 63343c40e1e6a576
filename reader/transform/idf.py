"""jieba's IDF table (the data its TF-IDF keywords rank by), without jieba.analyse.

Importing jieba.analyse parses the 270,000-line idf.txt into a dict (0.3–0.9 s) and
loads the POS tagger with it.  Keywords need the IDF of a few hundred words, so the
table is kept in a small SQLite file in the user's cache (built once from jieba's own
idf.txt, rebuilt when that file changes) and looked up by word; when the cache
cannot be written the file is parsed into memory as jieba does.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import threading
from pathlib import Path
from typing import Iterable

_lock = threading.Lock()


def idf_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed (its IDF table is the keyword data)")
    return Path(spec.submodule_search_locations[0]) / "analyse" / "idf.txt"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reader"


def _parse(path: Path) -> dict[str, float]:
    parts = path.read_text(encoding="utf-8").split()
    it = iter(parts)
    return {w: float(v) for w, v in zip(it, it)}


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]  # jieba's own definition


class IdfTable:
    """`get(words)` → {word: idf} for the words the table has; `median` for the rest."""

    def __init__(self) -> None:
        source = idf_path()
        stat = source.stat()
        self._memory: dict[str, float] | None = None
        self._db = None
        target = _cache_dir() / f"jieba-idf-{stat.st_size}-{int(stat.st_mtime)}.sqlite"
        try:
            if not target.exists():
                self._build(source, target)
            self._open(target)
        except Exception:  # noqa: BLE001 - an unwritable cache: parse into memory instead
            self._memory = _parse(source)
            self.median = _median(list(self._memory.values()))

    @staticmethod
    def _build(source: Path, target: Path) -> None:
        import sqlite3

        table = _parse(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        con = sqlite3.connect(tmp)
        con.execute("CREATE TABLE idf (word TEXT PRIMARY KEY, idf REAL) WITHOUT ROWID")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value REAL)")
        con.executemany("INSERT OR REPLACE INTO idf VALUES (?, ?)", table.items())
        con.execute("INSERT INTO meta VALUES ('median', ?)", (_median(list(table.values())),))
        con.commit()
        con.close()
        os.replace(tmp, target)

    def _open(self, target: Path) -> None:
        import sqlite3

        self._db = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
        (self.median,) = self._db.execute("SELECT value FROM meta WHERE key = 'median'").fetchone()

    def get(self, words: Iterable[str]) -> dict[str, float]:
        words = list(dict.fromkeys(words))
        if self._memory is not None:
            return {w: self._memory[w] for w in words if w in self._memory}
        out: dict[str, float] = {}
        with _lock:
            for i in range(0, len(words), 500):  # SQLite's parameter limit
                chunk = words[i : i + 500]
                marks = ",".join("?" * len(chunk))
                out.update(self._db.execute(f"SELECT word, idf FROM idf WHERE word IN ({marks})", chunk))
        return out


@functools.lru_cache(maxsize=1)
def table() -> IdfTable:
    with _lock:
        return IdfTable()
