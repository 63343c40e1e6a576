"""`reader clean` honours the reader's rules file (the one the app's "keep this
block" writes): kept-back blocks return where they stood, removal rules take theirs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli import main

PAGE = Path(__file__).resolve().parents[2] / "sample_articles" / "004_e7058bde0bbb12c3.txt"
RULES = """
[[keep]]
site = "*"
text = "当前位置"

[[remove]]
site = "*"
text = "阿里巴巴集团CEO吴泳铭宣布"
"""


def test_rules_keep_and_remove_blocks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    assert main(["clean", "--no-rules", str(PAGE)]) == 0
    plain = capsys.readouterr().out
    assert main(["clean", "--rules", str(rules), "--show-removed", str(PAGE)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("当前位置: 首页 » 资讯 » 新科技 » 正文\n\n")
    assert "吴泳铭宣布" in plain and "吴泳铭宣布" not in out
    assert "[your rule: 阿里巴巴集团CEO吴泳铭宣布] 据《环球时报》" in err


def test_the_default_rules_file_is_read_from_the_config_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "reader"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rules.toml").write_text(RULES, encoding="utf-8")
    try:
        assert main(["clean", str(PAGE)]) == 0
        assert capsys.readouterr().out.startswith("当前位置")
        assert main(["clean", "--no-rules", str(PAGE)]) == 0
        assert not capsys.readouterr().out.startswith("当前位置")
    finally:
        (folder / "rules.toml").unlink()


def test_a_broken_rules_file_is_named_in_one_line_and_the_cleaner_result_stands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("[[keep]\nsite=", encoding="utf-8")
    assert main(["clean", "--rules", str(rules), str(PAGE)]) == 0
    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 1 and str(rules) in err and "not valid TOML" in err
    assert "吴泳铭宣布" in out


def test_a_missing_rules_file_given_by_name_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--rules", str(tmp_path / "nope.toml"), str(PAGE)]) == 2
    assert "no such file" in capsys.readouterr().err
