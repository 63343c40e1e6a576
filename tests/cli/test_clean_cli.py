"""`reader clean` through the real entry points (python -m reader, the `reader` script)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.pages import P1, P2, P3, TITLE

READER_SCRIPT = Path(sys.executable).parent / ("reader.exe" if os.name == "nt" else "reader")
REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_articles" / "000_31fe68bfaaceb0bd.txt"

FURNITURE = ["猜你喜欢", "这款手机壳卖爆了，网友：太好看", "春季出游必备清单，收藏起来", "十款家用电器横评，哪款最值得买"]
DISCLAIMER = "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布，本平台仅提供信息存储服务。"
DUMP = "\n\n".join([TITLE, P1, P2, P3, "\n".join(FURNITURE), DISCLAIMER]) + "\n"
# Text output is the article's own words; the headline comes with --title.
EXPECTED_TEXT = f"{P1}\n\n{P2}\n\n{P3}\n"

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "PYTHONIOENCODING", "COLUMNS", "FORCE_COLOR")}
    env.update(extra)
    return env


def run(args: list[str], *, stdin: bytes = b"", script: bool = False, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `reader ARGS`; no traceback may ever reach stderr."""
    if script and not READER_SCRIPT.exists():
        pytest.skip(f"the reader script is not installed next to {sys.executable}")
    cmd = [str(READER_SCRIPT)] if script else [sys.executable, "-m", "reader"]
    proc = subprocess.run(cmd + args, input=stdin, capture_output=True, cwd=cwd, env=env or _env(), timeout=120)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    return proc


def out(proc: subprocess.CompletedProcess) -> str:
    return proc.stdout.decode("utf-8")


def err_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return proc.stderr.decode("utf-8").splitlines()


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


# --- output shapes ------------------------------------------------------------------


def test_text_is_the_default_output(dump):
    proc = run(["clean", str(dump)])
    assert proc.returncode == 0 and proc.stderr == b""
    assert out(proc) == EXPECTED_TEXT


def test_title_puts_the_headline_above_the_body(dump):
    proc = run(["clean", "--title", str(dump)])
    assert proc.returncode == 0
    assert out(proc) == f"{TITLE}\n\n{EXPECTED_TEXT}"


def test_markdown_without_title(dump):
    proc = run(["clean", "-f", "markdown", "--no-title", str(dump)])
    assert out(proc) == EXPECTED_TEXT


def test_text_shape_on_a_real_dump():
    proc = run(["clean", "--title", str(SAMPLE)])
    assert proc.returncode == 0
    text = out(proc)
    lines = text.split("\n")
    assert lines[0] and lines[1] == "" and lines[2]
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text
    # paragraphs separated by exactly one blank line: every other line is blank
    assert all(line == "" for line in lines[1:-1:2]) and all(line for line in lines[0:-1:2])


def test_script_and_module_agree(dump):
    assert run(["clean", str(dump)], script=True).stdout == run(["clean", str(dump)]).stdout


def test_markdown(dump):
    proc = run(["clean", "--format", "markdown", str(dump)])
    assert proc.returncode == 0
    assert out(proc) == f"# {TITLE}\n\n{P1}\n\n{P2}\n\n{P3}\n"


def test_json_one_object_for_one_input(dump):
    proc = run(["clean", "-f", "json", str(dump)])
    data = json.loads(out(proc))
    assert isinstance(data, dict)
    assert data["title"] == TITLE
    assert [b["text"] for b in data["blocks"]] == [P1, P2, P3]
    assert {"title", "author", "date", "site", "source", "script", "blocks", "removed"} <= set(data)
    reasons = {r["reason"].split(":")[0] for r in data["removed"]}
    assert {"related-links", "disclaimer"} <= reasons


def test_json_list_for_several_inputs_and_for_a_folder(dump, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text(DUMP.replace(TITLE, "邻市也推出类似改造计划"), encoding="utf-8")
    several = json.loads(out(run(["clean", "-f", "json", str(dump), str(other)])))
    assert [d["title"] for d in several] == [TITLE, "邻市也推出类似改造计划"]
    solo = tmp_path / "solo"
    solo.mkdir()
    (solo / "only.txt").write_text(DUMP, encoding="utf-8")
    folder = json.loads(out(run(["clean", "-f", "json", str(solo)])))
    assert isinstance(folder, list) and len(folder) == 1 and folder[0]["title"] == TITLE


def test_jsonl_one_line_per_article(dump, tmp_path):
    other = tmp_path / "b.txt"
    other.write_text(DUMP, encoding="utf-8")
    lines = out(run(["clean", "--format", "jsonl", str(dump), str(other)])).splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["title"] for line in lines] == [TITLE, TITLE]
    assert json.loads(lines[0])["input"] == str(dump)


def test_show_removed_goes_to_stderr_only(dump):
    plain = run(["clean", str(dump)])
    shown = run(["clean", "--show-removed", str(dump)])
    assert shown.stdout == plain.stdout
    report = shown.stderr.decode("utf-8")
    assert "[related-links: 猜你喜欢] 猜你喜欢" in report
    assert "[disclaimer: 特别声明] 特别声明" in report
    assert f"[related-links: 猜你喜欢] {FURNITURE[1]}" in report
    assert "猜你喜欢" not in out(shown) and "特别声明" not in out(shown)


def test_stdin(dump):
    proc = run(["clean", "-"], stdin=DUMP.encode("gb18030"))
    assert proc.returncode == 0
    assert out(proc) == EXPECTED_TEXT
    proc = run(["clean", "-f", "json", "-"], stdin=DUMP.encode("utf-8"))
    assert json.loads(out(proc))["input"] == "<stdin>"


def test_folder(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(DUMP, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(DUMP, encoding="utf-8")
    (folder / "a.gold.txt").write_text(P1, encoding="utf-8")
    proc = run(["clean", str(folder)])
    assert proc.returncode == 0 and proc.stderr == b""
    text = out(proc)
    a, b = folder / "a.txt", folder / "sub" / "b.txt"
    assert text == f"==> {a} <==\n\n{EXPECTED_TEXT}\n==> {b} <==\n\n{EXPECTED_TEXT}"


# --- errors -------------------------------------------------------------------------


def test_mixed_good_and_bad_inputs(dump, tmp_path):
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "photo.html"
    binary.write_bytes(PNG)
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    good2 = tmp_path / "second.txt"
    good2.write_text(DUMP, encoding="utf-8")
    proc = run(["clean", str(dump), str(missing), str(binary), str(empty_dir), str(good2)])
    assert proc.returncode == 1
    assert err_lines(proc) == [
        f"reader: {missing}: no such file",
        f"reader: {binary}: not a text or HTML page (PNG image)",
        f"reader: {empty_dir}: no pages in this folder",
    ]
    text = out(proc)
    assert f"==> {dump} <==" in text and f"==> {good2} <==" in text
    assert text.count(P3) == 2


def test_missing_file(tmp_path):
    proc = run(["clean", "nope.txt"], cwd=tmp_path)
    assert proc.returncode == 1
    assert err_lines(proc) == ["reader: nope.txt: no such file"]
    assert proc.stdout == b""


@pytest.mark.parametrize(
    "args",
    [["clean"], ["clean", "--no-such-option", "x.txt"], ["clean", "--format", "pdf", "x.txt"], ["clean", "-", "-"]],
    ids=["no-paths", "unknown-option", "bad-format", "stdin-twice"],
)
def test_usage_errors_exit_2(args, tmp_path):
    proc = run(args, cwd=tmp_path)
    assert proc.returncode == 2
    lines = err_lines(proc)
    assert len(lines) == 1 and lines[0].startswith("reader: ")
    assert proc.stdout == b""


@pytest.mark.parametrize(
    "name, content",
    [
        ("furniture.txt", "\n".join(FURNITURE) + "\n\n" + DISCLAIMER + "\n"),
        ("nav.html", "<html><head><title>导航</title></head><body><nav><a href='/'>首页</a> <a href='/n'>新闻</a>"
                     "</nav><footer>版权所有 © 2024</footer></body></html>"),
    ],
)
def test_page_without_article_text(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    proc = run(["clean", str(path)])
    assert proc.returncode == 1
    assert err_lines(proc) == [f"reader: {path}: no article text found"]
    assert proc.stdout == b""


def test_empty_and_binary_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob"
    binary.write_bytes(PNG)
    proc = run(["clean", str(empty), str(binary)])
    assert proc.returncode == 1
    assert err_lines(proc) == [f"reader: {empty}: empty page", f"reader: {binary}: not a text or HTML page (PNG image)"]


# --- environment and pipes ----------------------------------------------------------


@pytest.mark.parametrize("env", [{"LC_ALL": "C", "LANG": "C"}, {"PYTHONIOENCODING": "ascii"},
                                 {"LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}],
                         ids=["lc-all-c", "ioencoding-ascii", "both"])
def test_output_is_utf8_whatever_the_locale(dump, env):
    proc = run(["clean", str(dump)], env=_env(**env))
    assert proc.returncode == 0
    assert proc.stdout == EXPECTED_TEXT.encode("utf-8")


def test_errors_about_chinese_file_names_survive_an_ascii_locale(tmp_path):
    proc = run(["clean", str(tmp_path / "不存在.txt")], env=_env(LC_ALL="C", PYTHONIOENCODING="ascii"))
    assert proc.returncode == 1
    assert "不存在.txt: no such file" in proc.stderr.decode("utf-8")


@pytest.fixture
def big_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):  # ~230 KB of output: far more than a pipe buffer (64 KB)
        (folder / f"{i:03d}.txt").write_text(DUMP.replace(TITLE, f"{TITLE}（{i}）"), encoding="utf-8")
    return folder


def test_closed_pipe_ends_quietly(big_folder):
    proc = subprocess.Popen([sys.executable, "-m", "reader", "clean", str(big_folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=_env())
    first = proc.stdout.readline()
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=120)
    assert first.startswith(b"==> ")
    assert stderr == b""
    assert proc.returncode == 0


def test_closed_pipe_through_head(big_folder):
    shell = f'set -o pipefail; "{sys.executable}" -m reader clean "{big_folder}" | head -1'
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, env=_env(), timeout=120)
    assert proc.stderr == b""
    assert proc.stdout.decode("utf-8").count("\n") == 1
    assert proc.returncode == 0


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_never_writes_to_input_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(DUMP, encoding="utf-8")
    (folder / "b.html").write_bytes(("<html><head><meta charset='gb2312'><title>标题</title></head><body>"
                                     f"<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
                                     "</body></html>").encode("gbk"))
    (folder / "bad.txt").write_bytes(b"")
    before = _snapshot(folder)
    for extra in ([], ["-f", "json"], ["-f", "markdown", "--show-removed"], ["-f", "jsonl"]):
        run(["clean", *extra, str(folder), str(folder / "a.txt")], cwd=tmp_path)
    assert _snapshot(folder) == before


# --- hostile page text --------------------------------------------------------------

EVIL_TITLE = "标题\x1b]0;evil\x07里有转义\x1b[2J"
EVIL_BODY = P1.replace("。", "\x1b]0;evil\x07。", 1) + "\x1b[2J\x1b[H" + "\x9b31m\u202e"


def _evil_page(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"evil.{kind}"
    if kind == "txt":
        path.write_text("\n\n".join([EVIL_TITLE, EVIL_BODY, P2, P3]) + "\n", encoding="utf-8")
    else:
        path.write_text(f"<html><head><title>{EVIL_TITLE}</title></head><body><article><h1>{EVIL_TITLE}</h1>"
                        f"<p>{EVIL_BODY}</p><p>{P2}</p><p>{P3}</p></article></body></html>", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "jsonl"])
@pytest.mark.parametrize("kind", ["txt", "html"])
def test_escape_sequences_never_reach_stdout(tmp_path, fmt, kind):
    proc = run(["clean", "--show-removed", "-f", fmt, str(_evil_page(tmp_path, kind))])
    for stream in (proc.stdout, proc.stderr):
        text = stream.decode("utf-8")
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text and "\u202e" not in text
    # Control characters once made libxml2 truncate the tree ("no article text found").
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    if fmt in ("json", "jsonl"):
        data = json.loads(out(proc).splitlines()[0] if fmt == "jsonl" else out(proc))
        values = json.dumps(data, ensure_ascii=False)
        assert "\\u001b" not in values and "\\u0007" not in values
    assert P2 in out(proc)


# --- lazy imports -------------------------------------------------------------------


def test_clean_on_a_text_dump_imports_no_heavy_modules(dump, tmp_path):
    report = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "from reader.cli import main\n"
        f"rc = main(['clean', {str(dump)!r}])\n"
        f"open({str(report)!r}, 'w').write(json.dumps([rc, sorted(sys.modules)]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    rc, modules = json.loads(report.read_text())
    assert rc == 0
    assert proc.stdout.decode("utf-8") == EXPECTED_TEXT
    tops = {m.split(".")[0] for m in modules}
    assert not tops & {"textual", "jieba", "rjieba", "trafilatura"}, sorted(tops & {"textual", "jieba", "rjieba", "trafilatura"})


# --- body text that merely mentions cue words stays ---------------------------------

LEAD = (
    "记者近日走访了多家企业和相关部门，了解到这一领域近年来发展迅速，市场规模持续扩大，"
    "但也暴露出一些值得关注的问题，需要各方共同努力加以解决。"
)
CLOSE = (
    "业内人士认为，只有在规范中求发展，行业才能走得更稳更远。下一步，有关部门将继续完善制度设计，"
    "加强事中事后监管，推动行业健康有序发展。"
)
TRAILER = ["猜你喜欢", "年轻人为什么爱上了露营", "十款家用电器横评，哪款最值得买", "春季出游必备清单，收藏起来",
           "", DISCLAIMER]

CUE_CASES = {
    "feature-named-like-a-related-links-heading": (
        "某购物平台上线新版首页",
        [
            "近日，某大型购物平台发布了新版手机应用，首页改版幅度为近年来最大。新版本在首页顶部推出了“猜你喜欢”功能，"
            "根据用户的浏览记录推荐商品，平台方面表示，这一功能上线首周点击量增长了三成。",
            LEAD,
            "不少用户表示，“相关阅读”和“热门推荐”这类栏目虽然方便，但有时推荐的内容千篇一律，希望平台能够提供更细致的偏好设置。",
            CLOSE,
        ],
    ),
    "quoted-statement": (
        "某公司回应数据安全质疑",
        [
            LEAD,
            "对于外界关于数据安全的质疑，公司发布声明称，所有推荐数据均在本地完成脱敏处理，不会向第三方提供任何可识别个人身份的信息。"
            "声明还表示，用户可以随时在设置中关闭个性化推荐。",
            "声明发布后，多位网络安全专家对其中的技术细节进行了分析，认为相关措施总体可行，但仍需接受独立审计。",
            CLOSE,
        ],
    ),
    "article-about-disclaimers": (
        "网站上的免责声明到底有没有法律效力",
        [
            "在浏览网页时，许多读者都会在文章末尾看到一段免责声明，例如“本文仅代表作者观点”或者“如有侵权请联系删除”。"
            "这些文字究竟能不能让平台免除责任，一直是法律界讨论的话题。",
            "律师王某表示，免责声明并不是万能的。根据相关法律规定，平台如果明知用户发布的内容侵权却不采取必要措施，"
            "即便页面上写着声明，也仍然需要承担连带责任。",
            "“很多网站以为写上‘转载请注明出处’就万事大吉了，其实这只是一种提示。”王某说，真正决定责任的，"
            "是平台有没有尽到审核和处理义务，而不是页面底部那几行字。",
            CLOSE,
        ],
    ),
    "comments-and-editor-words-inside-sentences": (
        "网络评论区治理取得新进展",
        [
            LEAD,
            "评论区是网民表达意见的重要空间。今年以来，多家平台对评论区实行分级管理，优质评论被优先展示，"
            "恶意评论则会被折叠或删除。",
            "编辑部在整理读者来信时发现，大多数读者支持对评论区加强管理，同时希望保留理性批评的空间。",
            CLOSE,
        ],
    ),
    "sentence-opening-with-navigation-words": (
        "数字版权保护系列报道之一",
        [
            LEAD,
            "下一篇报道中，我们将介绍国外数字版权保护的主要做法和经验。",
            CLOSE,
        ],
    ),
}

# Once removed as share prompts, metadata and a disclaimer tail (fixed in d5b6b9b).
CUE_CASES |= {
    "short-sentence-with-share-words": (
        "景区乱收费专项整治成效明显",
        [
            LEAD,
            "消费者如遇乱收费可拨打12345热线投诉。",
            "该短视频发布于3月12日，已有上百万网友点赞。",
            CLOSE,
        ],
    ),
    "sentence-opening-with-disclaimer-words": (
        "出版业版权保护迎来新规",
        [
            LEAD,
            "未经许可转载他人作品的行为将面临更严厉的处罚，情节严重的还将被追究刑事责任。新规同时鼓励权利人通过集体管理组织统一授权。",
            "版权所有者普遍对新规表示欢迎。一位出版社负责人说，过去维权周期长、成本高，很多作者只能选择放弃。",
            CLOSE,
        ],
    ),
}


@pytest.fixture(scope="module")
def cue_results(tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("cues")
    for name, (title, paragraphs) in CUE_CASES.items():
        text = "\n\n".join([title, *paragraphs, "\n".join(TRAILER)]) + "\n"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    proc = run(["clean", "-f", "json", str(folder)])
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return {Path(a["input"]).stem: a for a in json.loads(out(proc))}


def _check_cue_case(result: dict, title: str, paragraphs: list[str]) -> None:
    kept = [b["text"] for b in result["blocks"]]
    missing = [p for p in paragraphs if p not in kept]
    assert not missing, f"body paragraphs removed: {missing}"
    assert result["title"] == title
    everything = result["title"] + "\n" + "\n".join(kept)
    assert "猜你喜欢" not in kept and DISCLAIMER not in everything
    assert not [t for t in TRAILER[1:4] if t in everything]
    reasons = [r["reason"] for r in result["removed"]]
    assert "related-links: 猜你喜欢" in reasons
    assert any(r.startswith("disclaimer") for r in reasons)


@pytest.mark.parametrize("name", sorted(CUE_CASES))
def test_body_mentioning_cue_words_stays(cue_results, name):
    _check_cue_case(cue_results[name], *CUE_CASES[name])



# Structure rules (headline runs, menus, comment headings) that take article text too.
# Each case: title, the page's lines, and the block texts that must be kept.
ITEMS = ["加装电梯", "更新供水管网", "增设停车位", "改造外墙保温"]
INTRO = "据了解，首批四十个小区已于本月陆续开工，预计年底前完工。此次改造的重点内容包括以下几个方面："
STRUCTURE_CASES = {
    "short-list-closing-the-article-after-a-colon": (
        "老旧小区改造首批项目开工", [LEAD, P2, INTRO, "\n".join(ITEMS)], [LEAD, P2, INTRO, *ITEMS],
    ),
    "markdown-list-closing-the-article-after-a-colon": (
        "老旧小区改造首批项目开工", [LEAD, P2, INTRO, "\n".join(f"- {i}" for i in ITEMS)], [LEAD, P2, INTRO, *ITEMS],
    ),
    "section-heading-named-like-comments": (
        "一场关于城市更新的讨论",
        [LEAD, P2, "评论", P1, P3, CLOSE],
        [LEAD, P2, P1, P3, CLOSE],
    ),
}


@pytest.fixture(scope="module")
def structure_results(tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("structure")
    for name, (title, lines, _) in STRUCTURE_CASES.items():
        (folder / f"{name}.txt").write_text("\n\n".join([title, *lines, "\n".join(TRAILER)]) + "\n", encoding="utf-8")
    proc = run(["clean", "-f", "json", str(folder)])
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return {Path(a["input"]).stem: a for a in json.loads(out(proc))}


@pytest.mark.parametrize("name", sorted(STRUCTURE_CASES))
def test_article_structure_that_looks_like_furniture_stays(structure_results, name):
    title, _, expected = STRUCTURE_CASES[name]
    _check_cue_case(structure_results[name], title, expected)


# --- hostile inputs: reported or printed, never a traceback -------------------------


def _hostile_pages(folder: Path) -> None:
    folder.mkdir()
    files: dict[str, str | bytes] = {
        "deep.html": "<html><body>" + "<div>" * 3000 + f"<p>{P1}</p><p>{P2}</p>" + "</div>" * 3000 + "</body></html>",
        "long-line.txt": P1 * 2000,
        "script-only.html": f"<html><head><script>var a = '{P1}';</script></head><body></body></html>",
        "nul.txt": P1.encode() + b"\x00" + P2.encode(),
        "inline-soup.html": "<html><body>" + "<p><b><i><a href='x'>链接</a></i></b></p>" * 2000 + "</body></html>",
        "big-table.html": "<html><body><table>" + "".join(f"<tr><td>{P1}</td><td>{i}</td></tr>" for i in range(500))
                          + "</table></body></html>",
        "bad-entities.html": "<html><body><p>" + "&#0;&#x1b;&#xD800;&#1114112;&amp;&lt;&nbsp;" * 50 + P1 + "</p></body></html>",
        "xhtml-cdata.html": "<?xml version='1.0'?><!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml'><body>"
                            f"<![CDATA[{P1}]]><p>{P2}</p></body></html>",
        "crlf.txt": f"{TITLE}\r\n\r\n{P1}\r\n\r\n{P2}\r",
        "punctuation-only.txt": "。，、！？\n" * 50,
        "svg.html": f"<svg xmlns='http://www.w3.org/2000/svg'><text>{P1}</text></svg>",
        "unclosed.html": f"<html><body><div><p>{P1}<p>{P2}<table><tr><td>{P3}",
    }
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_hostile_inputs_never_crash(tmp_path, fmt):
    folder = tmp_path / "hostile"
    _hostile_pages(folder)
    proc = run(["clean", "--show-removed", "-f", fmt, str(folder)])  # run() asserts: no traceback
    assert proc.returncode in (0, 1)
    lines = [line for line in err_lines(proc) if not line.startswith("--- removed") and not line.startswith("[")]
    problems = [line for line in lines if ": warning: " not in line]  # repaired input is said, not failed
    # every failure is one `reader: PATH: reason` line about one of the inputs
    assert all(line.startswith(f"reader: {folder}/") and line.count(": ") >= 2 for line in problems), problems
    assert (proc.returncode == 1) == bool(problems)
    if fmt == "json":
        printed = json.loads(out(proc))
        assert len(printed) + len(problems) == len(list(folder.iterdir()))
