"""`reader clean` on scrape containers through the real entry point: a WARC of the
sample pages, a JSONL feed export with bad lines, a gzipped page; JSON output names
the container record and its URL, and --output-dir gives each record its own file."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_articles").iterdir())


def _warc(path: Path) -> list[str]:
    urls = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, page in enumerate(SAMPLES):
            url = f"https://news.example.com/{i}/{page.stem}"
            urls.append(url)
            ctype = "text/html; charset=utf-8" if page.suffix == ".html" else "text/plain; charset=utf-8"
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            data = page.read_bytes()
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data), length=len(data), http_headers=http))
    return urls


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["clean", "--no-rules", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_a_warc_prints_what_its_pages_print_with_record_names_and_urls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    urls = _warc(crawl)
    code, out, err = run(capsys, "-f", "jsonl", str(crawl))
    assert code == 0 and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["url"] for r in records] == urls
    assert all(r["input"].startswith(f"{crawl}#") for r in records)
    _, direct, _ = run(capsys, "-f", "jsonl", *map(str, SAMPLES))
    assert [r["blocks"] for r in records] == [json.loads(line)["blocks"] for line in direct.splitlines()]


def test_a_warc_to_an_output_folder_gives_a_file_per_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    _warc(crawl)
    out_dir = tmp_path / "out"
    code, _, _ = run(capsys, "-f", "json", "-j", "2", "-o", str(out_dir), str(crawl))
    files = sorted(out_dir.rglob("*.json"))
    assert code == 0 and len(files) == len(SAMPLES)
    assert all("crawl.warc.gz" in f.relative_to(out_dir).parts for f in files)
    assert {json.loads(f.read_text(encoding="utf-8"))["url"] for f in files} == {
        f"https://news.example.com/{i}/{p.stem}" for i, p in enumerate(SAMPLES)}


def test_jsonl_bad_lines_are_one_error_each_and_the_rest_go_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    good = [{"url": f"https://a.example/{i}", "html": p.read_text(encoding="utf-8")} for i, p in enumerate(SAMPLES[:3])]
    lines = [json.dumps(good[0], ensure_ascii=False), "not json", json.dumps({"title": "no page"}),
             json.dumps(good[1], ensure_ascii=False), "[1, 2]", json.dumps(good[2], ensure_ascii=False)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "-f", "jsonl", str(feed))
    assert code == 1
    assert [json.loads(line)["url"] for line in out.splitlines()] == [g["url"] for g in good]
    assert len(err.splitlines()) == 3 and all(f"{feed}#" in line for line in err.splitlines())


def test_a_gzipped_page_reads_as_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = SAMPLES[-1]
    packed = tmp_path / (page.name + ".gz")
    packed.write_bytes(gzip.compress(page.read_bytes()))
    _, plain, _ = run(capsys, str(page))
    code, out, _ = run(capsys, str(packed))
    assert code == 0 and out == plain and out.strip()
