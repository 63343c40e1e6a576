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
from reader.lazy_re import lazy

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
_DECLARED = lazy(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


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


# What Chinese text is made of: Han, CJK and full-width punctuation, ASCII.
_CHINESE_TEXT = lazy(r"[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2010-\u206f\t\n\r -~]")
_HAN = lazy(r"[\u4e00-\u9fff]")
_CJK_PUNCT = lazy(r"[\u3000-\u303f\uff00-\uffef]")


def _utf16_chinese(data: bytes) -> str | None:
    """BOM-less UTF-16 of Chinese text, which has too little ASCII to show the NULs:
    read as UTF-16, nearly every unit is Han or CJK punctuation.  GBK or Big5 bytes
    read that way give Han for fewer than half of their units."""
    sample = data[:4000]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 20:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample.decode(codec, errors="replace")
        # ...and punctuated: Shift-JIS read as UTF-16-BE is Han too, but never "，。".
        if (
            len(_HAN.findall(text)) >= 8
            and len(_CHINESE_TEXT.findall(text)) >= 0.95 * len(text)
            and len(_CJK_PUNCT.findall(text)) >= 0.01 * len(text)
        ):
            return codec
    return None


_KANA = lazy(r"[\u3040-\u30ff]")


def _wide(text: str) -> int:
    """Characters outside ASCII."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _kana_share(text: str) -> float:
    wide = _wide(text)
    return len(_KANA.findall(text)) / wide if wide else 0.0


def _japanese(data: bytes) -> str | None:
    """Shift-JIS or EUC-JP, when the bytes read as kana-rich Japanese.  Shift-JIS
    bytes often decode as GB18030 too (as nonsense); Japanese prose is a third kana
    or more, Chinese text read as Japanese has next to none."""
    best, share = None, 0.15
    for codec in ("cp932", "euc_jp"):
        text = _strict(data, codec)
        if text is not None and _kana_share(text) > share:
            best, share = codec, _kana_share(text)
    return best


_SINGLE_BYTE = ("latin_1", "iso8859", "cp125", "mac_", "koi8", "cp437", "cp850", "ascii", "tis_620")


def _cjk_pairs(data: bytes) -> bool:
    """High bytes come in adjacent pairs, as in GBK/Big5 text (Latin-1 accents stand
    alone between ASCII letters)."""
    sample = data[:200_000]
    high = paired = 0
    run = 0
    for b in sample + b"\x00":
        if b >= 0x80:
            run += 1
            continue
        if run:
            high += run
            paired += run if run >= 2 else 0
        run = 0
    return high >= 20 and paired >= 0.9 * high


# Pieces of a page, each ending at a newline or a tag's ">": the unit in which a
# page mixes encodings (a GBK <title> or article pasted into a UTF-8 template).
_PIECES = lazy(rb"(?<=[\n>])")


def _legacy_codec(data: bytes) -> str | None:
    return _japanese(data) or gb_or_big5(data)


def _mostly_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """A UTF-8 page with damage: invalid bytes replaced, and pieces in a legacy CJK
    encoding decoded as such.  None when the page is not UTF-8 at all."""
    parts = _PIECES.split(data)
    out: list[str | None] = []
    bad: list[int] = []
    utf8_wide = 0
    for i, part in enumerate(parts):
        try:
            text = part.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
            out.append(None)
            continue
        utf8_wide += len(part) - len(text)
        out.append(text)
    replaced = 0
    foreign: list[int] = []  # pieces that are not UTF-8 with a slip: another encoding?
    for i in bad:
        loose = parts[i].decode("utf-8", errors="replace")
        n_bad = loose.count("\ufffd")
        n_wide = _wide(loose) - n_bad
        if n_wide < 4 * n_bad:
            foreign.append(i)
        else:
            out[i], replaced = loose, replaced + n_bad
            utf8_wide += 2 * n_wide
    foreign_bytes = b"".join(parts[i] for i in foreign)
    if utf8_wide < 40 or utf8_wide < 0.05 * len(foreign_bytes):
        return None  # a legacy page with a few byte runs that happen to be valid UTF-8
    codec = _legacy_codec(foreign_bytes) if foreign else None
    legacy = 0
    for i in foreign:
        text = None
        for other in (codec, "gb18030", "big5hkscs", "cp932"):
            text = _strict(parts[i], other) if other else None
            # Two Han characters at least: a damaged byte beside ASCII can pass for one.
            if text is not None and len(_HAN.findall(text)) >= 2:
                break
            text = None
        if text is not None:
            legacy += 1
        else:
            text = parts[i].decode("utf-8", errors="replace")
            replaced += text.count("\ufffd")
        out[i] = text
    warnings = []
    if legacy:
        warnings.append(f"mixed encodings: {legacy} part(s) not in UTF-8 read as {codec or 'GB18030'}")
    if replaced:
        warnings.append(f"{replaced} invalid UTF-8 byte sequence(s) replaced")
    return "".join(t or "" for t in out), warnings


def decode(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, codec used). Never raises on odd bytes.

    `hint` is a charset a container declared (HTTP Content-Type); like a page's own
    declaration it is trusted only where the bytes agree."""
    text, codec, _ = decode_page(data, hint)
    return text, codec


def decode_page(data: bytes, hint: str | None = None) -> tuple[str, str, list[str]]:
    """`decode`, plus what had to be repaired or guessed, as warning lines."""
    text, codec, warnings = _decode(data, hint)
    doubt = None if warnings else mojibake_warning(text, codec)
    return text, codec, warnings + ([doubt] if doubt else [])


def _undouble(text: str) -> tuple[str, str, list[str]]:
    """UTF-8 text that was once read as Latin-1 and saved as UTF-8 again ("æ\x96°é\x97»"
    for 新闻): undone when the whole page round-trips."""
    if not _latin_mojibake(text):
        return text, "utf-8", []
    for single in ("latin-1", "cp1252"):
        try:
            return text.encode(single).decode("utf-8"), "utf-8", ["double-encoded UTF-8 repaired"]
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text, "utf-8", []


def _latin_mojibake(text: str) -> bool:
    """Many runs of Latin-1 letters and C1 controls: bytes of CJK text read one by one."""
    sample = text[:200_000]
    high = len(_LATIN.findall(sample))
    return high >= 20 and sum(len(m) for m in _LATIN_RUN.findall(sample)) >= 0.5 * high


def _decode(data: bytes, hint: str | None) -> tuple[str, str, list[str]]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), codec, []
    utf16 = _looks_like_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, []
    text = _strict(data, "utf-8")
    if text is not None:
        return _undouble(text)
    japanese = _japanese(data)
    if japanese:
        return data.decode(japanese), japanese, []
    utf16 = _utf16_chinese(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, ["no byte-order mark: read as " + utf16.upper()]
    mostly = _mostly_utf8(data)
    if mostly:
        return mostly[0], "utf-8", mostly[1]
    hint = _canonical(hint) if hint else declared_encoding(data)
    if hint and hint not in ("utf-8", "ascii", "gb18030", "big5hkscs"):
        text = _strict(data, hint)
        # A single-byte charset decodes any bytes: GBK text labelled iso-8859-1 would
        # come out as Latin-1 mojibake.  Paired high bytes that decode as CJK win.
        lying = hint.startswith(_SINGLE_BYTE) and _cjk_pairs(data) and _legacy_codec(data) is not None
        if text is not None and not lying:
            return text, hint, []
    # GB and Big5 bytes often decode under each other's codec: decide by byte shape,
    # whatever the page declares.
    cjk = gb_or_big5(data)
    if cjk:
        return data.decode(cjk), cjk, []
    guess = _detect(data)
    if guess:
        return data.decode(guess, errors="replace"), guess, []
    # Chinese pages that are not UTF-8 are overwhelmingly GBK; keep every byte visible.
    return data.decode("gb18030", errors="replace"), "gb18030", []


# Latin-1 letters and C1 controls, but not the typography a correct page uses among
# CJK text: no-break space, ·, ©, ®, °, ×, ÷, « » (a wiki's navbox: "\xa0· " hundreds of times).
_LATIN = lazy(r"[\u0080-\u009f\u00a1-\u00a8\u00aa-\u00ad\u00af\u00b1-\u00b6\u00b8-\u00ba\u00bc-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")
_LATIN_RUN = lazy(_LATIN.pattern + "{2,}")
_PRIVATE = lazy(r"[\ue000-\uf8ff]")


def mojibake_warning(text: str, codec: str) -> str | None:
    """A warning when decoded text still looks wrong: replaced bytes, CJK bytes read as
    a Western charset (or as UTF-8 twice), or GB18030 output full of rare and
    private-use characters."""
    sample = text[:200_000]
    bad = sample.count("\ufffd")
    if bad > max(3, len(sample) // 1000):
        return f"{bad} undecodable byte(s) in the first {len(sample)} characters: the text may be mis-decoded ({codec})"
    if _latin_mojibake(sample):
        return f"text looks like mojibake (CJK or UTF-8 bytes read as {codec})"
    if codec != "gb18030":
        return None
    han = _HAN.findall(sample)
    private = len(_PRIVATE.findall(sample))
    if han:
        rare = sum(1 for ch in han[:20_000] if not _in_gb2312(ch))
        if len(han) >= 20 and rare > 0.4 * min(len(han), 20_000) or private > max(3, len(han) // 100):
            return "text looks like mojibake (mostly rare characters as GB18030)"
    return None


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


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
    sample = data[:200_000]
    n = len(sample)
    while i < n - 1:
        if sample[i] >= 0x81:
            pairs += 1
            low += sample[i + 1] < 0xA1
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


# A page opens with its document tags, or (a saved fragment) with a block element.
_HTML_START = lazy(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title"
                   r"|div|table|p|section|article|center|h[1-6]|ul|ol|form|link)\b", re.I | re.S)
_BLOCK_TAG = lazy(r"<(?:div|p|br|table|td|li|span|a|section|article|h[1-6]|script|style)\b[^>]*>", re.I)


_RAW_OPEN = lazy(r"<(script|style|noscript|template)\b", re.I)
_RAW_CLOSE = {name: lazy(f"</{name}", re.I) for name in ("script", "style", "noscript", "template")}
_SNIFF_CHARS = 200_000  # markup looked at to tell a page from a dump


def _without_raw_text(text: str, limit: int = _SNIFF_CHARS) -> str:
    """The first `limit` characters of `text` outside its script, style, noscript and
    template elements, whose lines are code, not markup (an unclosed one runs to the
    end).  One forward pass, so a page of unclosed <script>s stays linear."""
    pieces: list[str] = []
    size = pos = 0
    while size < limit:
        m = _RAW_OPEN.search(text, pos)
        piece = text[pos:m.start() if m else len(text)][: limit - size]
        pieces.append(piece)
        size += len(piece)
        if m is None:
            break
        close = _RAW_CLOSE[m.group(1).lower()].search(text, m.end())
        if close is None:
            break
        gt = text.find(">", close.end())
        pos = len(text) if gt < 0 else gt + 1
    return "".join(pieces)


def _markdown_dump(sample: str) -> bool:
    """A markdown dump that carries a template's markup in a few long lines: more of
    its lines hold [text](url) links than hold tags (a page's markup has no such links)."""
    if "](" not in sample:
        return False
    split = sample.splitlines()
    return sum("](" in line for line in split) > sum(bool(_BLOCK_TAG.search(line)) for line in split)


def sniff_kind(text: str) -> PageKind:
    """HTML or a flattened text dump, by content: a dump may carry a few stray tags.
    Scripts and styles are left out first: a saved fragment may open with hundreds
    of lines of code (and blank lines) before its first tag."""
    if _HTML_START.match(text[:4096]):
        return "html"
    sample = _without_raw_text(text)
    if _HTML_START.match(sample[:4096]):
        return "html"
    tags = len(_BLOCK_TAG.findall(sample))
    lines = max(1, sum(1 for line in sample.splitlines() if line.strip()))
    # Scraper dumps keep the odd <strong>; real markup has structural tags on most lines.
    if tags >= 10 and tags >= lines * 0.5 and not _markdown_dump(sample):
        return "html"
    return "text"


# Signatures of files that are certainly not pages: images, archives, executables,
# documents, media.  (Compressed containers a page may come in are opened earlier,
# by reader.sources; their magic reaching this point means something else.)
_BINARY_MAGIC = (
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"RIFF", "RIFF media"), (b"BM", None), (b"\x00\x00\x01\x00", "icon"), (b"wOFF", "font"), (b"wOF2", "font"),
    (b"PK\x03\x04", "zip archive"), (b"PK\x05\x06", "zip archive"), (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"), (b"\x1f\x8b", "gzip data"), (b"BZh", None), (b"\xfd7zXZ", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"), (b"\x7fELF", "executable"), (b"MZ", None), (b"\xca\xfe\xba\xbe", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"), (b"\xce\xfa\xed\xfe", "executable"), (b"%PDF-", "PDF document"),
    (b"\xd0\xcf\x11\xe0", "Office document"), (b"SQLite format 3\x00", "database"), (b"OggS", "audio"),
    (b"ID3", "audio"), (b"fLaC", "audio"), (b"\x1aE\xdf\xa3", "video"),
)


def binary_kind(data: bytes) -> str | None:
    """What a file certainly is when its first bytes are a binary format's signature.

    Two-letter signatures (BMP, DOS executables, bzip2) are also how text begins
    ("BZh…", "MZ…"), so they count only when control bytes follow."""
    head = data[:64]
    for magic, kind in _BINARY_MAGIC:
        if head.startswith(magic):
            if kind is None and sum(b < 9 or 13 < b < 32 for b in head) < 4:
                continue
            return kind or "binary file"
    if head[4:8] == b"ftyp":
        return "video"
    return None


_BAD_CONTROL = lazy(r"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_RUNS = lazy(r"\x00+|\ufffd+")  # a damaged byte can give two or three U+FFFD


def check_text(text: str, name: str) -> None:
    """Reject binaries and empty inputs with a message a person understands.

    Binary data read as text is full of control characters and undecodable bytes; a
    page carries at most a few (a stray NUL, NUL padding, a damaged byte), which
    loading then drops or replaces with a warning."""
    if not text.strip("\x00 \t\r\n\x0b\x0c\u3000\ufeff"):
        raise LoadError(f"{name}: empty page")
    sample = text[:20_000]
    bad = len(_BAD_CONTROL.findall(sample)) + len(_RUNS.findall(sample))
    if bad > max(8, len(sample) * 0.05):
        raise LoadError(f"{name}: not a text or HTML page")


# Characters no page means: C0/C1 controls (tab and line breaks aside) and Unicode
# noncharacters and lone surrogates.  XML (so lxml) refuses most of them, terminals
# act on some; they go when the page is loaded, before anything else sees the text.
_JUNK = lazy(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def clean_text(text: str) -> tuple[str, list[str]]:
    """Page text without terminal escape sequences (whole: "]0;title" never stays
    behind) or control characters; returns the text and what was removed."""
    from reader.terminal import ESCAPES

    warnings: list[str] = []
    stripped = text.rstrip("\x00")
    if len(stripped) < len(text):
        warnings.append(f"{len(text) - len(stripped)} NUL byte(s) of padding removed")
    # Every escape sequence starts with ESC or an 8-bit CSI: most pages hold neither.
    text, escapes = ESCAPES.subn("", stripped) if "\x1b" in stripped or "\x9b" in stripped else (stripped, 0)
    if escapes:
        warnings.append(f"{escapes} terminal escape sequence(s) removed")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")  # vertical tab, form feed: line breaks
    nuls = text.count("\x00")
    text, junk = _JUNK.subn("", text)
    if nuls:
        warnings.append(f"{nuls} NUL byte(s) removed")
    if junk - nuls:
        warnings.append(f"{junk - nuls} control character(s) removed")
    return text, warnings


def load_bytes(data: bytes, name: str, encoding_hint: str | None = None) -> Page:
    if len(data) > MAX_BYTES:
        raise LoadError(f"{name}: too large to be a page ({len(data) // (1024 * 1024)} MB)")
    kind = binary_kind(data)
    if kind:
        raise LoadError(f"{name}: not a text or HTML page ({kind})")
    text, encoding, warnings = decode_page(data, encoding_hint)
    text = text.lstrip("\ufeff")
    check_text(text, name)
    text, removed = clean_text(text)
    if not text.strip():
        raise LoadError(f"{name}: empty page")
    return Page(name=name, text=text, kind=sniff_kind(text), encoding=encoding, warnings=tuple(warnings + removed))


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
