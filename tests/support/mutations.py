"""html-dev pages cut and wrapped the way saved pages arrive (a fragment with no
document tags or charset, code before the markup, one long line, CRLF, a layout
table, <br><br> paragraphs, HTML 4 capitals, unclosed <p>), GB18030-encoded: `benchmarks/mutations.py` scores them all, the accuracy
tests hold the fragment and table forms to html-dev's bar.  And whole-page dumps as a
text browser writes them (`wrap`: lines cut at 76 display columns), which
`benchmarks/accuracy.py` scores."""
from __future__ import annotations

import re
from pathlib import Path

from support import shared

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


def body_of(text: str) -> str:
    m = _BODY.search(text)
    return m.group(1) if m else text


def br_layout(text: str) -> str:
    """The body in one layout-table cell, its paragraphs parted by <br><br> (old portals)."""
    body = re.sub(r"</p\s*>\s*<p(?:\s[^>]*)?>", "<br><br>", body_of(text), flags=re.I)
    return "<table><tr><td>" + re.sub(r"</?p(?:\s[^>]*)?>", "", body, flags=re.I) + "</td></tr></table>"


MUTATIONS = {
    "fragment": body_of,
    "script-first": lambda t: "<script>\n" + "var x = 1;\n\n" * 300 + "</script>\n" + t,
    "one-line": lambda t: t.replace("\r", "").replace("\n", " "),
    "crlf": lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"),
    "table": lambda t: "<table><tr><td>" + body_of(t) + "</td></tr></table>",
    "br-layout": br_layout,
    "upper-tags": lambda t: re.sub(r"</?[a-z][a-z0-9]*", lambda m: m.group(0).upper(), t),
    "no-close-p": lambda t: re.sub(r"</p\s*>", "", t, flags=re.I),
}


def write_variant(name: str, out: Path) -> Path:
    """The variant `name` of every html-dev page with gold, and its gold, in `out`."""
    from reader.load import decode

    out.mkdir(parents=True, exist_ok=True)
    for gold in sorted(shared.HTML_DEV.glob("*.gold.txt")):
        page = shared.HTML_DEV / (gold.name[: -len(".gold.txt")] + ".html")
        if page.exists():
            text = decode(page.read_bytes())[0]
            (out / page.name).write_bytes(MUTATIONS[name](text).encode("gb18030", "replace"))
            (out / gold.name).write_bytes(gold.read_bytes())
    return out


# -- text dumps as a text browser writes them -------------------------------------

WRAP_COLUMNS = 76  # a text browser's dump (w3m, lynx -dump) wraps lines at about this many columns


def columns(ch: str) -> int:
    import unicodedata

    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap(line: str, width: int = WRAP_COLUMNS) -> list[str]:
    """One line as a text browser's dump shows it: cut at `width` display columns (a
    Han character takes two), a Latin word kept whole where a space allows."""
    out = []
    while line:
        used, cut = 0, len(line)
        for i, ch in enumerate(line):
            used += columns(ch)
            if used > width:
                cut = i
                break
        inside_word = 0 < cut < len(line) and not line[cut].isspace() and line[cut].isascii() and line[cut - 1].isascii()
        if inside_word and line.rfind(" ", 0, cut) > 0:
            cut = line.rfind(" ", 0, cut) + 1
        out.append(line[:cut].strip())
        line = line[cut:].lstrip()
    return [piece for piece in out if piece]


def wrapped_dumps(whole: Path, out: Path) -> Path:
    """Whole-page dumps as a text browser writes them: every line wrapped at
    WRAP_COLUMNS, each piece labelled as the line it was cut from."""
    out.mkdir(parents=True)
    for gold in sorted(whole.glob("*.gold.tsv")):
        stem = gold.name.removesuffix(".gold.tsv")
        text_lines, labelled = [], []
        for row in gold.read_text(encoding="utf-8").splitlines():
            label, _, line = row.partition("\t")
            for piece in wrap(line):
                text_lines.append(piece)
                labelled.append(f"{label}\t{piece}")
        (out / f"{stem}.txt").write_text("\n".join(text_lines) + "\n", encoding="utf-8")
        (out / gold.name).write_text("\n".join(labelled) + "\n", encoding="utf-8")
    return out
