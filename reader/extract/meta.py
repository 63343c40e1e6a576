"""Metadata from Chinese byline patterns: 作者：, 记者…报道, 来源：, 发布时间, date stamps.

Pages state these in loose one-line forms; we read them from the lines the
classifier moves out of the body (and from HTML metadata when there is some).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from reader.extract import rules
from reader.extract.fold import fold
from reader.extract.settings import SETTINGS as S
from reader.lazy_re import lazy

_DATE = lazy(
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?"
)
_EN_DATES = [lazy(p, re.I) for p in rules.EN_DATES]
_FIELD = {name: lazy(pattern) for name, pattern in rules.META_FIELDS.items()}


@dataclass
class Meta:
    author: str | None = None
    date: str | None = None
    source: str | None = None
    site: str | None = None
    editor: str | None = None
    url: str | None = None  # the page's own <link rel=canonical> or og:url

    def fill(self, other: "Meta") -> None:
        """Take the fields we do not have yet from `other`."""
        for f in fields(self):
            if getattr(self, f.name) is None and getattr(other, f.name):
                setattr(self, f.name, getattr(other, f.name))


_AUTHOR_LABEL = lazy(rules.AUTHOR_LABEL, re.I)
_AUTHOR_TRAILER = lazy(rules.AUTHOR_TRAILER)


def clean_author(value: str | None) -> str | None:
    """A byline as a name: labels, follow buttons and counters taken off; None when
    what is left is not a name (a label alone, a number, a slogan-length string)."""
    if not value:
        return None
    value = " ".join(value.split())
    label = _AUTHOR_LABEL.match(fold(value))
    value = value[label.end():] if label else value
    trailer = _AUTHOR_TRAILER.search(fold(value))
    value = (value[: trailer.start()] if trailer else value).strip(" ：:|")
    if not value or fold(value) in rules.NOT_A_NAME or len(value) > S.author_max_chars or not re.search(r"[\u3400-\u9fffA-Za-z]", value):
        return None
    return value


def find_date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return _english_date(text) if any(c.isascii() and c.isalpha() for c in text) else None
    year, month, day, clock = m.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    stamp = f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{stamp} {clock}" if clock else stamp


def _english_date(text: str) -> str | None:
    """"Thursday, July 28, 2011" -> "2011-07-28"."""
    m = next((m for m in (p.search(text) for p in _EN_DATES) if m), None)
    if not m or not 1 <= int(m["day"]) <= 31:
        return None
    month = rules.EN_MONTHS.index(m["month"][:3].lower()) + 1
    return f"{m['year']}-{month:02d}-{int(m['day']):02d}"


def parse_meta_line(text: str) -> Meta:
    """Whatever metadata one line states."""
    meta = Meta(date=find_date(text))
    folded = fold(text)  # labels matched on the fold, values read from the line as written
    for name, regex in _FIELD.items():
        m = regex.search(folded)
        if not m:
            continue
        group = next(k for k in range(1, len(m.groups()) + 1) if m.group(k))
        value = text[m.start(group):m.end(group)].strip(" ：:")
        if name in ("reporter", "author"):
            meta.author = meta.author or clean_author(value)
        else:
            setattr(meta, name, getattr(meta, name) or value)
    return meta
