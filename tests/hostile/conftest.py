"""Hostile-input suite (issue 11): pages built in the tests, run through the real
entry points, `reader.cli.main([...])` in process and the library's `reader.clean`."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from hostile.pages import P1, P2, html_page

Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Runner:
    """`reader ...` in process: (exit code, stdout, stderr)."""
    from reader.cli import main

    def run(*args: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    def _write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return _write


@pytest.fixture(scope="session")
def big_page() -> bytes:
    """A 2 MB news page (many paragraphs, a table, a link list), built once per run."""
    para = "<p>" + P1 + "</p><p>" + P2 + "<a href='/n/1.html'>相关链接</a></p>"
    rows = "".join(f"<tr><td>第{i}行</td><td>数据{i}</td><td>说明文字</td></tr>" for i in range(2000))
    links = "".join(f"<li><a href='/news/{i}.html'>另一篇文章的标题第{i}篇</a></li>" for i in range(2000))
    unit = len(para.encode())
    body = para * (2 * 1024 * 1024 // unit)
    page = html_page(f"{body}<table>{rows}</table><ul class='related'>{links}</ul>")
    return page.encode("utf-8")
