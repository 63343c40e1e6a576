"""`reader clean` on many pages, in process through the real entry point
(`reader.cli.main`): output folders, resuming, streamed JSON, exit codes, and output
that cannot be written."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_articles"


@pytest.fixture
def scrape(tmp_path: Path) -> Path:
    """A small scrape: the sample pages in two folders, one broken page."""
    root = tmp_path / "scrape"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    pages = sorted(SAMPLES.iterdir())
    for p in pages[:4]:
        shutil.copy(p, root / "a" / p.name)
    for p in pages[4:]:
        shutil.copy(p, root / "b" / p.name)
    (root / "b" / "broken.html").write_bytes(b"\x00\x01\x02" * 400)
    return root


def clean(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["clean", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_output_dir_mirrors_the_input_tree(scrape: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    code, out, err = clean(capsys, "-j", "2", "-o", str(out_dir), str(scrape))
    assert code == 1 and out == ""
    assert err.splitlines() == [f"reader: {scrape}/b/broken.html: not a text or HTML page"]
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())
    expected = sorted(f"scrape/{p.parent.name}/{p.stem}.txt" for p in scrape.rglob("*") if p.is_file() and p.name != "broken.html")
    assert written == expected
    one = sorted(scrape.rglob("003_*"))[0]
    code, single, _ = clean(capsys, str(one))
    assert (out_dir / "scrape" / "a" / (one.stem + ".txt")).read_text(encoding="utf-8") == single
    assert not list(out_dir.rglob("*.tmp"))


def test_a_rerun_skips_what_exists_and_overwrite_redoes_it(scrape: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    clean(capsys, "-f", "json", "-o", str(out_dir), str(scrape / "a"))
    target = next(out_dir.rglob("*.json"))
    target.write_text("stale", encoding="utf-8")
    code, _, _ = clean(capsys, "-f", "json", "-o", str(out_dir), str(scrape / "a"))
    assert code == 0 and target.read_text(encoding="utf-8") == "stale"
    code, _, _ = clean(capsys, "-f", "json", "--overwrite", "-o", str(out_dir), str(scrape / "a"))
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["blocks"]


def test_output_dir_never_overwrites_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SAMPLES / "003_a227c688aed9e3ef.txt", page)
    before = page.read_bytes()
    code, _, err = clean(capsys, "--overwrite", "-o", str(tmp_path), str(page))
    assert page.read_bytes() == before
    assert code == 1 and "refusing to overwrite an input file" in err


def test_json_array_is_streamed_and_identical_for_any_jobs(scrape: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, one, _ = clean(capsys, "-f", "json", "-j", "1", str(scrape))
    _, two, _ = clean(capsys, "-f", "json", "-j", "2", str(scrape))
    assert one == two
    data = json.loads(one)
    assert len(data) == len(list(SAMPLES.iterdir()))
    assert one == json.dumps(data, ensure_ascii=False, indent=2) + "\n"  # the shape json.dumps(list) has
    assert all({"input", "url"} <= set(a) for a in data)


def test_json_of_several_inputs_that_all_fail_is_an_empty_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = clean(capsys, "-f", "json", str(tmp_path / "x.html"), str(tmp_path / "y.html"))
    assert code == 1 and json.loads(out) == [] and len(err.splitlines()) == 2


def test_text_output_is_identical_for_any_jobs(scrape: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runs = [clean(capsys, "-j", jobs, str(scrape)) for jobs in ("1", "2")]
    assert runs[0] == runs[1]
    assert runs[0][1].count("==> ") == len(list(SAMPLES.iterdir()))


def test_bad_batch_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["-j", "0", "x"], ["--timeout", "-1", "x"], ["--timeout", "soon", "x"]):
        assert main(["clean", *args]) == 2
        assert capsys.readouterr().err.count("\n") == 1


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["clean", "--help"])
    out = capsys.readouterr().out
    assert "exit status" in out and "130" in out and "--output-dir" in out and "--jobs" in out


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("stdout", subprocess.PIPE)
    proc = subprocess.run([sys.executable, "-m", "reader", *args], stderr=subprocess.PIPE, timeout=120, **kwargs)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    return proc


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "markdown"])
def test_a_full_disk_is_one_line_and_exit_1(fmt: str) -> None:
    with open("/dev/full", "w") as full:
        proc = _run(["clean", "-f", fmt, str(SAMPLES)], stdout=full)
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["reader: cannot write standard output: no space left on the device"]


def test_a_closed_stdout_is_one_line_and_exit_1() -> None:
    proc = _run(["clean", str(SAMPLES / "003_a227c688aed9e3ef.txt")], stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                pass_fds=(), preexec_fn=lambda: os.close(1))
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["reader: cannot write standard output: it is closed"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args, status", [(["--show-removed", str(SAMPLES / "004_e7058bde0bbb12c3.txt")], 0),
                                          (["missing.html"], 1), (["--bogus", "x"], 2)])
def test_a_full_stderr_does_not_stop_the_articles_or_change_the_status(args: list[str], status: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stderr buffered, as usual
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "reader", "clean", *args],
                              stdout=subprocess.PIPE, stderr=full, timeout=60, env=env)
    assert proc.returncode == status  # never Python's 120 for a failed flush at exit
    assert ("阿里" in proc.stdout.decode()) == (status == 0)


def test_a_fifo_in_a_folder_is_a_note_not_a_hang_or_a_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SAMPLES / "003_a227c688aed9e3ef.txt", folder / "a.txt")
    os.mkfifo(folder / "b.html")
    code, out, err = clean(capsys, str(folder))
    assert code == 0 and "今年春晚一大看点" in out
    assert err.splitlines() == [f"reader: {folder}/b.html: skipped, a FIFO"]


def _stderr_on_a_terminal(args: list[str]) -> tuple[int, str]:
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "reader", *args], stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed its side
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(60)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_a_progress_bar_and_a_summary_and_quiet_silences_them(scrape: Path) -> None:
    code, err = _stderr_on_a_terminal(["clean", "-j", "2", str(scrape)])
    n = len(list(SAMPLES.iterdir()))
    assert code == 1
    assert f"reader: {n + 1} pages, {n} cleaned, 1 failed in " in err and "pages/s" in err
    assert "broken.html: not a text or HTML page" in err
    code, err = _stderr_on_a_terminal(["clean", "-q", "-j", "2", str(scrape)])
    assert code == 1 and "pages/s" not in err and err.count("reader: ") == 1


def test_what_loading_repaired_is_a_warning_line_not_a_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "padded.html"
    page.write_bytes((SAMPLES / "www.sohu.com_e751800204.html").read_bytes() + b"\x00" * 512)
    code, out, err = clean(capsys, str(page))
    assert code == 0 and out.strip()
    assert err.splitlines() == [f"reader: {page}: warning: 512 NUL byte(s) of padding removed"]
