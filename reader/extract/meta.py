"""Metadata from Chinese byline patterns: 作者：, 记者…报道, 来源：, 发布时间, date stamps.

Pages state these in loose one-line forms; we read them from the lines the
classifier moves out of the body (and from HTML metadata when there is some).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

_DATE = re.compile(
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?"
)
_STOP = r"(?=[)）】\]]|\s|[|｜丨,，;；]|$)"
_FIELD = {
    "author": re.compile(r"(?:作者|撰文)\s*(?:[:：丨|/／]|\s)\s*([^\s:：|｜丨,，;；)）】]{1,24}?)" + _STOP
                         + r"|(?:文丨|文\||文/|文／)\s*([^\s:：|｜丨,，;；)）】]{1,24}?)" + _STOP),
    "reporter": re.compile(r"(?:记者|記者)\s*[:：]?\s*([^\s:：|｜丨,，;；。/／]{2,12}?)\s*(?=[/／]|报道|報導|報道|发自|發自|採訪|$|\s)"),
    "source": re.compile(r"(?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s|｜丨,，;；)）】]{1,30}?)" + _STOP),
    "editor": re.compile(r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*(?:[:：]|\s)\s*([^\s:：|｜丨,，;；)）】]{1,16}?)" + _STOP),
}


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


_AUTHOR_LABEL = re.compile(r"^(?:作者|文|选稿|選稿|撰文|记者|記者|编辑|編輯|来源|來源|by)\s*[:：丨|/]\s*", re.I)
_AUTHOR_TRAILER = re.compile(r"\s*(?:[·•|｜]|\s关注|\s關注|\s粉丝|\s粉絲|\s来自|\s來自|\s作家说|\s发布于|\s發佈於).*$")
_NOT_A_NAME = {"作者", "时间", "時間", "来源", "來源", "编辑", "編輯", "匿名", "admin", "佚名"}


def clean_author(value: str | None) -> str | None:
    """A byline as a name: labels, follow buttons and counters taken off; None when
    what is left is not a name (a label alone, a number, a slogan-length string)."""
    if not value:
        return None
    value = _AUTHOR_TRAILER.sub("", _AUTHOR_LABEL.sub("", " ".join(value.split()))).strip(" ：:|")
    if not value or value in _NOT_A_NAME or len(value) > 20 or not re.search(r"[\u3400-\u9fffA-Za-z]", value):
        return None
    return value


def find_date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    year, month, day, clock = m.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    stamp = f"{year}-{int(month):02d}-{int(day):02d}"
    return f"{stamp} {clock}" if clock else stamp


def parse_meta_line(text: str) -> Meta:
    """Whatever metadata one line states."""
    meta = Meta(date=find_date(text))
    for name, regex in _FIELD.items():
        m = regex.search(text)
        if not m:
            continue
        value = next(g for g in m.groups() if g).strip(" ：:")
        if name == "reporter":
            meta.author = meta.author or value
        else:
            setattr(meta, name, getattr(meta, name) or value)
    return meta
