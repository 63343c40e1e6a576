"""`reader.sources` on hostile inputs: endless streams, huge sparse files, FIFOs and
devices in folders, symlink loops, unreadable folders, odd file names; and the
output paths (relpaths) of pages found in folders."""
from __future__ import annotations

import gzip
import io
import os
import shutil
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from reader.errors import LoadError
from reader.sources import RawPage, ReadOptions, Skipped, display_name, iter_inputs

REPO = Path(__file__).resolve().parents[1]
PAGE = (REPO / "sample_articles" / "003_a227c688aed9e3ef.txt").read_bytes()
SMALL = ReadOptions(max_bytes=2 << 20)


def run(args: list[str], options: ReadOptions = SMALL, stdin: object = None, timeout: float = 20.0) -> list[RawPage | LoadError]:
    """iter_inputs in a thread, so a hang fails the test instead of stopping the run."""
    result: list[RawPage | LoadError] = []
    worker = threading.Thread(target=lambda: result.extend(iter_inputs(args, options, stdin=stdin)), daemon=True)  # type: ignore[arg-type]
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), f"iter_inputs({args}) hung"
    return result


def texts(items: list[RawPage | LoadError]) -> list[str]:
    return [str(i) if isinstance(i, LoadError) else f"page {i.name}" for i in items]


def test_dev_zero_named_or_on_stdin_stops_at_the_cap() -> None:
    tracemalloc.start()
    named = run(["/dev/zero"])
    with open("/dev/zero", "rb") as zero:
        piped = run(["-"], stdin=zero)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert texts(named) == ["/dev/zero: too large to be a page (over 2 MB)"]
    assert texts(piped) == ["<stdin>: too large to be a page (over 2 MB)"]
    assert peak < 8 << 20


def test_a_huge_sparse_file_is_rejected_by_its_size(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.html"
    with open(sparse, "wb") as fh:
        fh.truncate(3 << 30)
    start = time.perf_counter()
    items = run([str(sparse)], ReadOptions())
    assert time.perf_counter() - start < 1.0
    assert texts(items) == [f"{sparse}: too large to be a page (3072 MB, the limit is 50 MB)"]


def test_fifos_and_devices_in_a_folder_are_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(PAGE)
    os.mkfifo(tmp_path / "b.html")
    (tmp_path / "c.html").symlink_to("/dev/zero")
    items = run([str(tmp_path)])
    assert texts(items) == [f"page {tmp_path}/a.html", f"{tmp_path}/b.html: skipped, a FIFO", f"{tmp_path}/c.html: skipped, a device"]
    assert all(isinstance(i, Skipped) for i in items[1:])


def test_symbolic_link_loops_say_so(tmp_path: Path) -> None:
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    assert texts(run([str(tmp_path / "loop.html")])) == [f"{tmp_path}/loop.html: symbolic link loop"]
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.html").write_bytes(PAGE)
    (folder / "self").symlink_to(folder)  # a folder that contains itself
    (folder / "x.html").symlink_to(folder / "x.html")
    out = texts(run([str(folder)]))
    assert out[0] == f"page {folder}/a.html"
    assert f"{folder}/x.html: symbolic link loop" in out
    assert any("symbolic link loop" in line and "self" in line for line in out)
    assert len(out) == 3


def test_a_symlinked_folder_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "p.html").write_bytes(PAGE)
    top = tmp_path / "top"
    top.mkdir()
    (top / "linked").symlink_to(real)
    assert texts(run([str(top)])) == [f"page {top}/linked/p.html"]


def _deny(monkeypatch: pytest.MonkeyPatch, blocked: Path) -> None:
    """Permission denied on one folder (tests run as root, where chmod does not bite)."""
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path) == blocked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_folder_says_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _deny(monkeypatch, tmp_path)
    assert texts(run([str(tmp_path)])) == [f"{tmp_path}: permission denied"]


def test_an_unreadable_subfolder_gives_a_note_and_the_rest_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.html").write_bytes(PAGE)
    _deny(monkeypatch, tmp_path / "locked")
    assert texts(run([str(tmp_path)])) == [f"page {tmp_path}/a.html", f"{tmp_path}/locked: permission denied"]


def test_an_empty_folder_and_a_missing_path(tmp_path: Path) -> None:
    assert texts(run([str(tmp_path), str(tmp_path / "nope.html")])) == [f"{tmp_path}: no pages in this folder", f"{tmp_path}/nope.html: no such file"]


def test_odd_file_names_print_as_one_escaped_line(tmp_path: Path) -> None:
    newline = tmp_path / "two\nlines.html"
    newline.write_bytes(b"\x00\x01" * 10)
    latin = os.fsencode(tmp_path) + b"/caf\xe9\x1b[31m.html"
    assert display_name(latin).endswith("/caf\\xe9\\x1b[31m.html")
    assert display_name(str(newline)).endswith("/two\\nlines.html")
    items = run([str(tmp_path)])
    (page,) = items
    assert isinstance(page, RawPage) and "\n" not in page.name and page.name.endswith("two\\nlines.html")
    assert "\n" not in page.relpath


def test_closed_stdin_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    assert texts(run(["-"])) == ["<stdin>: standard input is closed"]


def test_stdin_can_hold_a_container() -> None:
    data = gzip.compress(b'{"url": "https://x.cn/1", "text": "page one"}\n{"text": "page two"}\n')
    items = run(["-"], stdin=io.BytesIO(data))
    assert [(i.name, i.relpath, i.url) for i in items if isinstance(i, RawPage)] == [
        ("<stdin>#1", "stdin/000001-x.cn_1", "https://x.cn/1"),
        ("<stdin>#2", "stdin/000002", None),
    ]


def test_relpaths_mirror_the_tree_and_never_collide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    (site / "news" / "a.html").write_bytes(PAGE)
    (site / "news" / "a.txt").write_bytes(PAGE)  # same stem: both keep their suffix
    (site / "b.html.gz").write_bytes(gzip.compress(PAGE))
    (site / "feed.jsonl").write_bytes(b'{"url": "https://x.cn/p/1.html", "text": "one"}\n')
    (site / "notes.gold.txt").write_bytes(PAGE)  # gold files are not pages
    monkeypatch.chdir(tmp_path)
    items = run(["site", str(site / "b.html.gz"), "site/news/a.html"])
    assert [(i.name, i.relpath) for i in items if isinstance(i, RawPage)] == [
        ("site/b.html.gz", "site/b"),
        ("site/feed.jsonl#1", "site/feed.jsonl/000001-x.cn_p_1"),
        ("site/news/a.html", "site/news/a.html"),
        ("site/news/a.txt", "site/news/a.txt"),
        (f"{site}/b.html.gz", "b"),  # absolute: only its name
        ("site/news/a.html", "site/news/a"),  # relative, named on its own: as given
    ]
    assert all(isinstance(i, RawPage) for i in items)
    shutil.rmtree(site)
