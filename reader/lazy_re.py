"""Regular expressions compiled on first use instead of when their module is imported.

A module-level `re.compile` is paid by every run at start, whether the page needs the
pattern or not: a text dump never meets the HTML tag pattern, a UTF-8 page never the
UTF-16 sniffing one.  And `re` compiles a character class over a CJK range by visiting
each of its code points, about 1 ms a class.  `lazy(pattern)` stands in for
`re.compile(pattern)` at module level: the first method call compiles, and then the
compiled pattern's own bound methods replace the stand-in's, so later calls cost
nothing extra.
"""
from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A `re.Pattern` compiled when one of its methods is first called."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiling it now if no method was called yet)."""
        return re.compile(self.pattern, self.flags)  # re's own cache makes a second call cheap

    def __getattr__(self, name: str):
        # Only reached while the methods are not bound yet (or for a name no pattern has).
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = self.compiled()
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str | bytes, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
