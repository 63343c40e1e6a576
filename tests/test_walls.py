"""The walls between stages, checked on the source: load, sources, containers,
extract, transform, the pipeline and the batch engines never import Textual, the CLI
or the app (not even lazily inside a function), and `import reader` stays light."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support.imports import modules_after, packages

PACKAGE = Path(__file__).resolve().parents[1] / "reader"
CORE = ["load.py", "sources.py", "containers", "containers.py", "extract", "transform", "pipeline.py", "batch.py",
        "cluster.py", "model.py", "errors.py", "render.py", "user_rules.py"]
FORBIDDEN = ("textual", "reader.app", "reader.cli")


def _core_files() -> list[Path]:
    files: list[Path] = []
    for name in CORE:
        path = PACKAGE / name
        if path.is_dir():
            files += sorted(path.rglob("*.py"))
        elif path.exists():
            files.append(path)
    return files


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
    return names


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_modules_do_not_import_the_presentation(path: Path) -> None:
    bad = [n for n in _imports(path) if n == "reader" and False or any(n == f or n.startswith(f + ".") for f in FORBIDDEN)]
    assert not bad, f"{path.name} imports {bad}"


def test_the_walls_cover_every_stage() -> None:
    covered = {p.relative_to(PACKAGE).parts[0] for p in _core_files()}
    assert {"load.py", "sources.py", "extract", "transform", "pipeline.py", "batch.py"} <= covered


def test_reader_clean_on_a_text_dump_imports_no_heavy_library() -> None:
    dump = PACKAGE.parent / "sample_articles" / "003_a227c688aed9e3ef.txt"
    code = (
        "import sys, io, contextlib\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['clean', sys.argv[1]])\n"
    )
    heavy = {"textual", "jieba", "rjieba", "trafilatura", "lxml", "opencc", "rich", "dask"}
    assert packages(modules_after(code, str(dump))) & heavy == set()
