"""Every numeric threshold of extraction is named once, in settings.py, with its why."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reader.extract import settings
from reader.extract.settings import SETTINGS, Settings

EXTRACT = Path(settings.__file__).parent
# Counting and indexing, not thresholds: 0, 1 and 2 (a pair), and -1.
PLAIN = {0, 1, 2, -1}
CALENDAR = {12, 31}  # months and days: facts, not thresholds (meta.find_date)


def test_every_setting_says_why() -> None:
    source = Path(settings.__file__).read_text(encoding="utf-8").splitlines()
    names = set(Settings.__annotations__)
    explained = {line.split(":")[0].strip() for line in source if "#" in line and ":" in line.split("#")[0]}
    assert names <= explained, sorted(names - explained)


def test_no_module_of_extract_writes_a_threshold_of_its_own() -> None:
    found = []
    for path in sorted(EXTRACT.glob("*.py")):
        if path.name in ("settings.py", "_fold_data.py", "parse.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # a tuple cut to the old API's arity (candidates_for: `[:4]`) is no threshold
        arity = {id(node.upper) for node in ast.walk(tree) if isinstance(node, ast.Slice) and node.upper is not None}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and type(node.value) in (int, float) and node.value not in PLAIN \
                    and id(node) not in arity and not (path.name == "meta.py" and node.value in CALENDAR):
                found.append(f"{path.name}:{node.lineno}: {node.value}")
    assert not found


def test_settings_are_one_frozen_object() -> None:
    assert isinstance(SETTINGS, Settings)
    with pytest.raises(AttributeError):
        SETTINGS.mostly_links = 0.9  # type: ignore[misc]
    assert all(hasattr(SETTINGS, name) for name in Settings.__annotations__)
    assert SETTINGS.headline_min_chars < SETTINGS.headline_max_chars
    assert 0 < SETTINGS.few_links < SETTINGS.mostly_links < 1
