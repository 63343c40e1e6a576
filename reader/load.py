"""Loading: bytes -> `Page` (decoded text + kind), and expanding user inputs.

Labels lie: a `<meta charset>` is only a hint.  The order is BOM, then strict UTF-8
(which almost never decodes non-UTF-8 CJK bytes by accident), then the declared
charset if it decodes cleanly, then content detection (charset-normalizer) limited to
the encodings Chinese pages actually use.  GB2312/GBK are always read as GB18030, its
superset, so pages that declare gb2312 but use GBK-only characters decode fully.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from reader.errors import LoadError
from reader.model import Page, PageKind

PAGE_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".txt", ".md", ".markdown", ""}
MAX_BYTES = 50 * 1024 * 1024  # larger inputs are almost certainly not one article

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings a declaration may name, folded onto the codec we really use.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "utf8": "utf-8",
    "unicode": "utf-8",
}
_DETECT_CANDIDATES = ["utf_8", "gb18030", "big5hkscs", "cp950", "euc_jp", "shift_jis", "euc_kr", "cp1252"]
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Source:
    """One input to read: a file path, or standard input."""

    name: str
    path: Path | None  # None for stdin


def declared_encoding(data: bytes) -> str | None:
    """The charset a page claims in its first few KB (meta tag, XML prolog)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").strip().lower()
    try:
        codec = codecs.lookup(_ALIASES.get(name, name)).name
    except LookupError:
        return None
    return _ALIASES.get(codec, codec)


def _canonical(name: str) -> str | None:
    name = name.strip().strip("\"'").lower()
    try:
        codec = codecs.lookup(_ALIASES.get(name, name)).name
    except LookupError:
        return None
    return _ALIASES.get(codec, codec)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_like_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: every other byte of ASCII-range text is NUL."""
    sample = data[:2000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, codec used). Never raises on odd bytes.

    `hint` is a charset a container declared (HTTP Content-Type); like a page's own
    declaration it is trusted only where the bytes agree."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec
    utf16 = _looks_like_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    # A scraped UTF-8 page with a truncated character or two is still UTF-8:
    # GBK or Big5 read as UTF-8 fail on nearly every Chinese character instead.
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    wide = sum(1 for ch in loose if ord(ch) > 0x7F) - bad
    if wide >= 20 and bad <= max(3, wide // 200):
        return loose, "utf-8"
    hint = _canonical(hint) if hint else declared_encoding(data)
    if hint and hint not in ("utf-8", "ascii", "gb18030", "big5hkscs"):
        text = _strict(data, hint)
        if text is not None:
            return text, hint
    # GB and Big5 bytes often decode under each other's codec: decide by byte shape,
    # whatever the page declares.
    cjk = gb_or_big5(data)
    if cjk:
        return data.decode(cjk), cjk
    guess = _detect(data)
    if guess:
        return data.decode(guess, errors="replace"), guess
    # Chinese pages that are not UTF-8 are overwhelmingly GBK; keep every byte visible.
    return data.decode("gb18030", errors="replace"), "gb18030"


def gb_or_big5(data: bytes) -> str | None:
    """GB18030 or Big5 (HKSCS), when the bytes decode strictly as one of them.

    Real GBK text sits almost entirely in the GB2312 area, where both bytes of a
    character are >= 0xA1; about 40% of Big5 characters have a trail byte below
    0xA1.  That share tells the two apart even on a few lines of text."""
    gb = _strict(data, "gb18030") is not None
    big5 = _strict(data, "big5hkscs") is not None
    if not (gb or big5):
        return None
    if gb != big5:
        return "gb18030" if gb else "big5hkscs"
    pairs = low = i = 0
    n = len(data)
    while i < n - 1:
        if data[i] >= 0x81:
            pairs += 1
            low += data[i + 1] < 0xA1
            i += 2
        else:
            i += 1
    return "big5hkscs" if pairs and low / pairs > 0.15 else "gb18030"


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # lazy: only non-UTF-8 pages need it

    best = from_bytes(data[:200_000], cp_isolation=_DETECT_CANDIDATES).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name
    return _ALIASES.get(name, name)


_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_BLOCK_TAG = re.compile(r"<(?:div|p|br|table|td|li|span|a|section|article|h[1-6]|script|style)\b[^>]*>", re.I)


def sniff_kind(text: str) -> PageKind:
    """HTML or a flattened text dump, by content: a dump may carry a few stray tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    tags = len(_BLOCK_TAG.findall(text[:200_000]))
    lines = max(1, text.count("\n") + 1)
    # Scraper dumps keep the odd <strong>; real markup has structural tags on most lines.
    if tags >= 10 and tags >= lines * 0.5:
        return "html"
    return "text"


def check_text(text: str, name: str) -> None:
    """Reject binaries and empty inputs with a message a person understands."""
    if not text.strip():
        raise LoadError(f"{name}: empty page")
    sample = text[:20_000]
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if "\x00" in sample or bad > max(8, len(sample) * 0.05):
        raise LoadError(f"{name}: not a text or HTML page")


def load_bytes(data: bytes, name: str, encoding_hint: str | None = None) -> Page:
    if len(data) > MAX_BYTES:
        raise LoadError(f"{name}: too large to be a page ({len(data) // (1024 * 1024)} MB)")
    text, encoding = decode(data, encoding_hint)
    text = text.lstrip("\ufeff")
    check_text(text, name)
    return Page(name=name, text=text, kind=sniff_kind(text), encoding=encoding)


def read_source(source: Source, stdin: BinaryIO | None = None) -> Page:
    """Read one input; raises `LoadError` with a one-line message on any failure."""
    if source.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return load_bytes(stream.read(), source.name)
    try:
        data = source.path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{source.name}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{source.name}: is a directory") from None
    except PermissionError:
        raise LoadError(f"{source.name}: permission denied") from None
    except OSError as exc:
        raise LoadError(f"{source.name}: {exc.strerror or exc}") from None
    return load_bytes(data, source.name)


def _is_candidate(path: Path) -> bool:
    if path.name.startswith(".") or path.name.endswith((".gold.txt", ".gold.tsv", ".must.json")):
        return False
    return path.suffix.lower() in PAGE_SUFFIXES


def _looks_like_page_file(path: Path) -> bool:
    """Extension-less files count when their first bytes are text, not binary."""
    if path.suffix:
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return bool(head) and b"\x00" not in head


def walk_folder(folder: Path) -> Iterator[Path]:
    """Page files under `folder`, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for fname in sorted(files):
            path = Path(root) / fname
            if _is_candidate(path) and _looks_like_page_file(path):
                yield path


def expand_inputs(args: list[str]) -> list[Source | LoadError]:
    """Turn command-line arguments into sources, keeping the order given.

    A folder expands to its pages; a folder with none, or a missing path, becomes a
    `LoadError` in its place so the caller reports it and goes on with the rest.
    """
    out: list[Source | LoadError] = []
    for arg in args:
        if arg == "-":
            out.append(Source("<stdin>", None))
            continue
        path = Path(arg)
        if path.is_dir():
            found = [Source(str(p), p) for p in walk_folder(path)]
            out.extend(found or [LoadError(f"{arg}: no pages in this folder")])
        elif path.exists():
            out.append(Source(arg, path))
        else:
            out.append(LoadError(f"{arg}: no such file"))
    return out
