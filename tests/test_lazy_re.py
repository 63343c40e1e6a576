"""Patterns compiled on first use: the same matches as `re.compile`, and nothing
compiled when the stages are merely imported (a start pays only for what it uses)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.lazy_re import LazyPattern, lazy


@given(st.text(alphabet="ab中文 ，。\n", max_size=30))
def test_a_lazy_pattern_matches_as_the_compiled_one(text: str) -> None:
    source, flags = r"[\u4e00-\u9fff]+|A\w", re.I
    eager, late = re.compile(source, flags), lazy(source, flags)
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert late.sub("-", text) == eager.sub("-", text)
    assert late.split(text) == eager.split(text)
    assert bool(late.search(text)) == bool(eager.search(text))


def test_the_first_call_binds_the_compiled_methods() -> None:
    pattern = lazy(r"\d+")
    assert "search" not in vars(pattern)
    assert pattern.findall("a1b22") == ["1", "22"]
    assert vars(pattern)["search"].__self__ is pattern.compiled()  # later calls go straight to re
    with pytest.raises(AttributeError):
        pattern.no_such_method  # noqa: B018
    assert isinstance(pattern, LazyPattern) and pattern.pattern == r"\d+"


def test_importing_the_stages_compiles_no_pattern() -> None:
    probe = (
        "import re._compiler as c\n"
        "made = []\n"
        "orig = c.compile\n"
        "import sys, os\n"
        "def compile(p, f=0):\n"
        "    frame = sys._getframe(1)\n"
        "    while frame and os.sep + 're' + os.sep in frame.f_code.co_filename:\n"
        "        frame = frame.f_back\n"
        "    if frame and os.sep + 'reader' + os.sep in frame.f_code.co_filename:\n"
        "        made.append(p)  # compiled by our own code, not the standard library's\n"
        "    return orig(p, f)\n"
        "c.compile = compile\n"
        "import reader.load, reader.sources, reader.extract, reader.pipeline, reader.render, reader.terminal\n"
        "print(len(made), [str(p)[:60] for p in made])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.startswith("0 "), out
