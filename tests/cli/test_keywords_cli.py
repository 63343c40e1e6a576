"""`reader keywords` through the real entry point."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"


def sample(prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{prefix}_*.txt")
    return str(path)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "reader", "keywords", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60,
    )


def test_text_table() -> None:
    proc = run(sample("002"), "--top", "5")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # jieba's loading chatter is silenced
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["#", "word", "weight", "count"]
    assert len(lines) == 6
    rows = [line.split() for line in lines[1:]]
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5"]
    assert "阿里" in [r[1] for r in rows]
    weights = [float(r[2]) for r in rows]
    assert weights == sorted(weights, reverse=True)
    assert all(int(r[3]) > 0 for r in rows)


def test_textrank_several_inputs_in_page_script() -> None:
    # A bad input in the middle is reported and does not stop the others.
    proc = run("-f", "json", "--method", "textrank", "--top", "10", sample("001"), "/nonexistent/page.txt", sample("003"))
    assert proc.returncode == 1
    assert proc.stderr.startswith("reader: /nonexistent/page.txt") and len(proc.stderr.splitlines()) == 1
    data = json.loads(proc.stdout)
    assert [d["input"] for d in data] == [sample("001"), sample("003")]
    mixed_page = [k["word"] for k in data[0]["keywords"]]  # 001 writes 中國
    assert len(mixed_page) == 10
    assert "中國" in mixed_page and "中国" not in mixed_page
    assert len(data[1]["keywords"]) == 10


def test_json_with_stopwords_and_userdict_files(tmp_path: Path) -> None:
    stop = tmp_path / "stop.txt"
    stop.write_text("# mine\n阿里\nAI\n", encoding="utf-8")
    userdict = tmp_path / "user.txt"
    userdict.write_text("阿里云 200000 nz\n", encoding="utf-8")
    proc = run("--format", "json", "--top", "5", "--stopwords", str(stop), "--userdict", str(userdict), sample("003"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    # One input: a plain list of {word, weight, count}, best first.
    assert isinstance(data, list) and len(data) == 5
    assert all(set(k) == {"word", "weight", "count"} for k in data)
    assert all(isinstance(k["weight"], float) and isinstance(k["count"], int) and k["count"] > 0 for k in data)
    assert [k["weight"] for k in data] == sorted((k["weight"] for k in data), reverse=True)
    words = [k["word"] for k in data]
    assert "阿里" not in words and "AI" not in words
    assert words[0] == "阿里云"  # the user dictionary keeps it whole


def test_errors() -> None:
    missing = run("/nonexistent/page.txt")
    assert missing.returncode == 1
    assert missing.stderr.startswith("reader: ") and len(missing.stderr.splitlines()) == 1
    for args in (["--top", "0", sample("002")], ["--method", "lda", sample("002")], ["--userdict", "/nonexistent", sample("002")]):
        proc = run(*args)
        assert proc.returncode == 2, args
        assert proc.stderr.startswith("reader: ") and len(proc.stderr.splitlines()) == 1


def test_side_files_are_read_with_a_cap_and_a_fifo_still_works(tmp_path, capsys) -> None:
    import os

    from reader.cli import main

    page = str(Path(__file__).resolve().parents[2] / "sample_articles" / "003_a227c688aed9e3ef.txt")
    assert main(["keywords", "--stopwords", "/dev/zero", page]) == 2
    assert capsys.readouterr().err == "reader: --stopwords: /dev/zero: too large (over 16 MB)\n"
    fifo = tmp_path / "stop"
    os.mkfifo(fifo)
    import threading

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write("AI\n")

    threading.Thread(target=feed, daemon=True).start()
    assert main(["keywords", "--top", "3", "--stopwords", str(fifo), page]) == 0
    assert " AI " not in capsys.readouterr().out
