"""Containers built in the test (warcio's writer, gzip/bz2/xz/zstd, real JSONL) read
through `reader.sources`: records, names, URLs, charset hints, broken and truncated
data, memory bounds, safe output paths, and properties over arbitrary bytes."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import re
import tracemalloc
import zlib
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reader.containers import SNIFF_BYTES, sniff
from reader.containers.naming import MAX_COMPONENT_BYTES, record_relpath, url_slug
from reader.errors import LoadError
from reader.pipeline import Options, process
from reader.sources import RawPage, ReadOptions, iter_inputs, read_stream

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "sample_articles").iterdir())
GBK_PAGE = "<html><head><title>新闻</title></head><body><h1>春晚传递三大信号</h1><p>今年春晚一大看点，就是阿里全面回归，淘宝成为春晚独家电商互动平台。</p></body></html>"


def read_bytes(data: bytes, name: str = "in", **options: object) -> list[RawPage | LoadError]:
    return list(read_stream(io.BytesIO(data), name, ReadOptions(**options), name))  # type: ignore[arg-type]


def pages_of(items: list[RawPage | LoadError]) -> list[RawPage]:
    return [i for i in items if isinstance(i, RawPage)]


def errors_of(items: list[RawPage | LoadError]) -> list[str]:
    return [str(i) for i in items if isinstance(i, LoadError)]


def warc(records: list[tuple[str, str, bytes, list[tuple[str, str]]]], *, compress: bool = False, status: str = "200 OK") -> bytes:
    """(type, url, payload, http headers) -> WARC bytes, with a warcinfo record first."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))
    for rtype, url, payload, headers in records:
        if rtype == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=http))
        elif rtype == "response":
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), length=len(payload), http_headers=http))
        else:
            ctype = dict(headers).get("Content-Type", "text/html")
            writer.write_record(writer.create_warc_record(url, rtype, payload=io.BytesIO(payload), length=len(payload), warc_content_type=ctype))
    return out.getvalue()


def html(i: int) -> bytes:
    return f"<html><body><h1>标题{i}</h1><p>第{i}篇文章的正文，内容足够长，可以读。</p></body></html>".encode()


def crawl(n: int = 5) -> list[tuple[str, str, bytes, list[tuple[str, str]]]]:
    records = []
    for i in range(n):
        url = f"https://news.example.com/a/{i}.html"
        records.append(("request", url, b"", []))
        records.append(("response", url, html(i), [("Content-Type", "text/html; charset=utf-8")]))
    return records


def split_records(data: bytes) -> list[bytes]:
    return [b"WARC/1.0\r\n" + part for part in data.split(b"WARC/1.0\r\n")[1:]]


# --- WARC ---------------------------------------------------------------------------


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_responses_are_pages_with_url_name_and_relpath(compress: bool) -> None:
    data = warc(crawl(3), compress=compress)
    name = "crawl.warc.gz" if compress else "crawl.warc"
    items = read_bytes(data, name)
    assert errors_of(items) == []
    pages = pages_of(items)
    # warcinfo is record 1; request/response pairs follow: responses are 3, 5, 7.
    assert [p.name for p in pages] == [f"{name}#3", f"{name}#5", f"{name}#7"]
    assert [p.url for p in pages] == [f"https://news.example.com/a/{i}.html" for i in range(3)]
    assert [p.data for p in pages] == [html(i) for i in range(3)]
    assert [p.relpath for p in pages] == [f"{name}/{n:06d}-news.example.com_a_{i}" for i, n in zip(range(3), (3, 5, 7))]
    assert {p.encoding for p in pages} == {"utf-8"}


def test_warc_skips_requests_metadata_revisits_non_pages_and_error_responses() -> None:
    records = [
        ("request", "https://x.cn/1", b"", []),
        ("metadata", "https://x.cn/1", b"fetchTimeMs: 12\r\n", [("Content-Type", "application/warc-fields")]),
        ("response", "https://x.cn/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), [("Content-Type", "image/png")]),
        ("response", "https://x.cn/a.pdf", b"%PDF-1.4 ...", [("Content-Type", "application/pdf")]),
        ("resource", "https://x.cn/page.html", html(1), [("Content-Type", "text/html; charset=utf-8")]),
        ("response", "https://x.cn/page2.html", html(2), [("Content-Type", "text/html")]),
    ]
    data = warc(records)
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    writer.write_record(writer.create_revisit_record("https://x.cn/page2.html", "sha1:AAAA", "https://x.cn/page2.html", "2024-01-01T00:00:00Z"))
    redirect = warc([("response", "https://x.cn/old", b"moved", [("Content-Type", "text/html"), ("Location", "/new")])], status="301 Moved Permanently")
    items = read_bytes(data + out.getvalue() + redirect, "x.warc")
    assert errors_of(items) == []
    assert [(p.url, p.data) for p in pages_of(items)] == [("https://x.cn/page.html", html(1)), ("https://x.cn/page2.html", html(2))]


def test_gbk_page_declared_only_in_the_http_header_is_decoded_by_that_hint() -> None:
    body = GBK_PAGE.encode("gbk")
    assert b"charset" not in body
    data = warc([("response", "https://news.163.com/a.html", body, [("Content-Type", 'text/html; charset="GBK"')])])
    (page,) = pages_of(read_bytes(data, "163.warc"))
    assert page.encoding == "gbk" and page.data == body
    article = process(page, Options())
    assert "阿里全面回归" in article.body_text
    assert article.url == "https://news.163.com/a.html"


def test_chunked_and_gzip_content_encoding_are_decoded() -> None:
    body = html(7)
    zipped = gzip.compress(body)
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 10]), body[i:i + 10]) for i in range(0, len(body), 10)) + b"0\r\n\r\n"
    data = warc([
        ("response", "https://x.cn/gz", zipped, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
        ("response", "https://x.cn/chunked", chunked, [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]),
    ])
    assert [p.data for p in pages_of(read_bytes(data, "x.warc"))] == [body, body]


def _with_length(record: bytes, change: int) -> bytes:
    return re.sub(rb"Content-Length: (\d+)", lambda m: b"Content-Length: %d" % (int(m.group(1)) + change), record, count=1)


BREAKS = {
    "length too long": lambda r: _with_length(r, +60),
    "length too short": lambda r: _with_length(r, -60),
    "length not a number": lambda r: re.sub(rb"Content-Length: \d+", b"Content-Length: many", r),
    "bad header line": lambda r: r.replace(b"WARC-Type: response", b"WARC-Type response"),
    "cut short": lambda r: r[:150],
    "garbage record": lambda r: b"this is not a WARC record at all\r\n" * 3,
}


@pytest.mark.parametrize("how", sorted(BREAKS))
def test_a_broken_record_is_one_error_and_the_rest_go_on(how: str) -> None:
    records = split_records(warc(crawl(4)))  # warcinfo, then request/response pairs
    records[4] = BREAKS[how](records[4])  # the response for page 1
    items = read_bytes(b"".join(records), "crawl.warc")
    errors = errors_of(items)
    assert len(errors) == 1, errors
    assert errors[0].startswith("crawl.warc")
    assert [p.url for p in pages_of(items)] == [f"https://news.example.com/a/{i}.html" for i in (0, 2, 3)]


def test_a_damaged_gzip_member_in_a_warc_gz_loses_only_its_record() -> None:
    members = [gzip.compress(r) for r in split_records(warc(crawl(4)))]
    bad = bytearray(members[4])
    bad[len(bad) // 2] ^= 0xFF
    bad[len(bad) // 2 + 1] ^= 0xFF
    members[4] = bytes(bad)
    items = read_bytes(b"".join(members), "crawl.warc.gz")
    errors = errors_of(items)
    assert len(errors) == 1 and errors[0].startswith("crawl.warc.gz#5: damaged gzip data")
    assert [p.url for p in pages_of(items)] == [f"https://news.example.com/a/{i}.html" for i in (0, 2, 3)]
    assert [p.name for p in pages_of(items)][-1] == "crawl.warc.gz#9"  # ordinals stay the file's own


def test_a_truncated_warc_gz_gives_its_pages_then_one_error() -> None:
    data = warc(crawl(4), compress=True)[:-40]
    items = read_bytes(data, "crawl.warc.gz")
    assert [p.url[-6:] for p in pages_of(items)] == ["0.html", "1.html", "2.html"]
    assert isinstance(items[-1], LoadError) and "truncated" in str(items[-1]) and len(errors_of(items)) == 1


def test_a_warc_record_over_the_limit_is_skipped_without_reading_it_whole() -> None:
    big = b"<html><body>" + b"x" * 3_000_000 + b"</body></html>"
    data = warc([("response", "https://x.cn/big", big, [("Content-Type", "text/html")])] + crawl(1)[1:])
    tracemalloc.start()
    items = read_bytes(data, "x.warc", max_bytes=1024)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert errors_of(items)[0].startswith("x.warc#2: too large")
    assert [p.url for p in pages_of(items)] == ["https://news.example.com/a/0.html"]
    assert peak < 1_500_000


def test_a_content_encoding_bomb_is_capped() -> None:
    zobj = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(zobj.compress(b"\0" * (1 << 20)) for _ in range(64)) + zobj.flush()
    data = warc([("response", "https://x.cn/bomb", bomb, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])])
    tracemalloc.start()
    items = read_bytes(data, "x.warc", max_bytes=1 << 20)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert errors_of(items) == ["x.warc#2: too large to be a page (over 1 MB decoded)"]
    assert peak < 16 << 20


# --- compressed files -----------------------------------------------------------------


def _zstd(data: bytes) -> bytes:
    return zstandard.ZstdCompressor().compress(data)


COMPRESSORS = {"gzip": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress, "zstd": _zstd}


def _jsonl(n: int) -> bytes:
    return b"".join(json.dumps({"url": f"https://x.cn/{i}", "html": html(i).decode()}, ensure_ascii=False).encode() + b"\n" for i in range(n))


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
@pytest.mark.parametrize("inner", ["page", "jsonl", "warc"])
def test_every_compression_holds_every_kind(kind: str, inner: str) -> None:
    payload = {"page": html(1), "jsonl": _jsonl(3), "warc": warc(crawl(3))}[inner]
    compressed = COMPRESSORS[kind](payload)
    assert sniff(compressed[:SNIFF_BYTES], "x") == kind
    name = "in" + {"page": ".html", "jsonl": ".jsonl", "warc": ".warc"}[inner] + {"gzip": ".gz", "bz2": ".bz2", "xz": ".xz", "zstd": ".zst"}[kind]
    items = read_bytes(compressed, name)
    assert errors_of(items) == []
    pages = pages_of(items)
    if inner == "page":
        assert [(p.name, p.data, p.relpath) for p in pages] == [(name, html(1), "in")]
    else:
        assert [p.data for p in pages] == [html(i) for i in range(3)]


@pytest.mark.parametrize("kind", sorted(COMPRESSORS))
def test_a_truncated_compressed_page_is_one_error_and_nothing_else(kind: str) -> None:
    data = COMPRESSORS[kind](html(1) * 50)
    items = read_bytes(data[: len(data) * 2 // 3], "page.html.x")
    assert len(items) == 1 and isinstance(items[0], LoadError)
    assert str(items[0]).startswith("page.html.x: ") and ("truncated" in str(items[0]) or "damaged" in str(items[0]))


def test_a_truncated_gzip_jsonl_gives_the_lines_read_then_one_error() -> None:
    data = gzip.compress(_jsonl(200))
    items = read_bytes(data[:-200], "feed.jsonl.gz")
    pages, errors = pages_of(items), errors_of(items)
    assert 100 < len(pages) < 200 and [p.name for p in pages] == [f"feed.jsonl.gz#{i}" for i in range(1, len(pages) + 1)]
    assert len(errors) == 1 and items[-1] is not pages[-1] and "truncated gzip data" in errors[0]


def test_a_gzip_bomb_page_stops_at_the_cap_in_bounded_memory() -> None:
    zobj = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(zobj.compress(b"\0" * (1 << 20)) for _ in range(256)) + zobj.flush()
    tracemalloc.start()
    items = read_bytes(bomb, "zero.html.gz", max_bytes=2 << 20)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [str(i) for i in items] == ["zero.html.gz: too large to be a page (over 2 MB uncompressed)"]
    assert peak < 12 << 20


# --- JSONL ----------------------------------------------------------------------------


def test_jsonl_records_take_the_first_page_field_and_url() -> None:
    lines = [
        {"url": "https://a.cn/1", "title": "t", "html": "<p>one</p>", "text": "not this"},
        {"url": "https://a.cn/2", "raw_html": "<p>two</p>"},
        {"body": "<p>three</p>"},
        {"content": "four", "html": ""},
        {"text": "five", "url": 5},
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    items = read_bytes(data, "feed.jsonl")
    assert errors_of(items) == []
    assert [(p.name, p.url, p.data.decode()) for p in pages_of(items)] == [
        ("feed.jsonl#1", "https://a.cn/1", "<p>one</p>"),
        ("feed.jsonl#2", "https://a.cn/2", "<p>two</p>"),
        ("feed.jsonl#3", None, "<p>three</p>"),
        ("feed.jsonl#4", None, "four"),
        ("feed.jsonl#5", None, "five"),
    ]
    assert pages_of(items)[0].relpath == "feed.jsonl/000001-a.cn_1"


def test_jsonl_bad_lines_each_give_one_error_naming_the_line() -> None:
    data = b"\n".join([
        b'{"html": "<p>1</p>"}',
        b"",  # blank: skipped, but counted
        b'{"html": "<p>3</p>"',  # cut
        b"[1, 2]",
        b'{"title": "no page field"}',
        b'{"html": "<p>6</p>"}',
    ]) + b"\n"
    items = read_bytes(data, "feed.jsonl")
    assert [p.name for p in pages_of(items)] == ["feed.jsonl#1", "feed.jsonl#6"]
    errors = errors_of(items)
    assert [e.split(":")[0] for e in errors] == ["feed.jsonl#3", "feed.jsonl#4", "feed.jsonl#5"]
    assert "not a JSON object" in errors[1] and "no page text" in errors[2]


def test_jsonl_field_option_and_a_line_over_the_limit() -> None:
    long_line = json.dumps({"html": "x" * 5000}).encode()
    data = b'{"html": "h", "article": "<p>a</p>"}\n' + long_line + b"\n" + b'{"article": "<p>b</p>"}\n'
    items = read_bytes(data, "f.jsonl", max_bytes=1000, field="article")
    assert [p.data for p in pages_of(items)] == [b"<p>a</p>", b"<p>b</p>"]
    assert errors_of(items) == ["f.jsonl#2: line too long to be a page (over 0.000953674 MB)"]


def test_jsonl_is_told_from_pages_by_structure() -> None:
    assert sniff(b'{"url": "u", "html": "<p>x</p>"}\n', "a.txt") == "jsonl"
    assert sniff(b'\xef\xbb\xbf  {"html": "' + b"x" * SNIFF_BYTES, "no-extension") == "jsonl"
    assert sniff(b"{not json} but a text dump\n", "a.jsonl") is None
    assert sniff(b"<html><body>{}</body></html>", "a.jsonl") is None
    assert sniff(b"[1, 2, 3]\n", "a.jsonl") is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1).filter(lambda s: s.strip()), min_size=1, max_size=5))
def test_jsonl_round_trips_any_page_text(texts: list[str]) -> None:
    data = "".join(json.dumps({"text": t, "url": f"https://x/{i}"}) + "\n" for i, t in enumerate(texts)).encode()
    pages = pages_of(read_bytes(data, "f.jsonl"))
    assert [p.data for p in pages] == [t.encode("utf-8", "replace") for t in texts]
    assert [p.url for p in pages] == [f"https://x/{i}" for i in range(len(texts))]


# --- names and output paths -------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "https://x.cn/../../etc/passwd",
    "https://x.cn/a/%2e%2e/%2e%2e/b",
    "https://x.cn/new\nline\x1b[2J",
    "file:///etc/passwd",
    "https://x.cn/" + "长" * 300,
    "javascript:alert(1)",
    "..",
    "",
])
def test_record_relpaths_are_safe(url: str) -> None:
    rel = record_relpath("crawl.warc.gz", 17, url)
    parts = rel.split("/")
    assert parts[0] == "crawl.warc.gz" and len(parts) == 2 and parts[1].startswith("000017")
    assert not rel.startswith("/") and ".." not in parts and "." not in parts
    assert all(ch.isprintable() for ch in rel)
    assert all(len(p.encode()) <= MAX_COMPONENT_BYTES for p in parts)


def test_relpaths_are_unique_within_a_container_and_keep_chinese() -> None:
    records = [("response", "https://x.cn/新闻/文章.html", html(i), [("Content-Type", "text/html")]) for i in range(3)]
    rels = [p.relpath for p in pages_of(read_bytes(warc(records), "c.warc"))]
    assert len(set(rels)) == 3 and rels[0] == "c.warc/000002-x.cn_新闻_文章"
    assert url_slug("https://x.cn/a?id=7&p=2") == "x.cn_a_id-7-p-2"


# --- properties: any bytes -----------------------------------------------------------------

PREFIXES = [b"", b"\x1f\x8b\x08", b"BZh9", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd", b"WARC/1.0\r\n", b'{"html": "', b"filedesc://"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=3000))
def test_any_bytes_give_only_pages_or_load_errors(prefix: bytes, tail: bytes) -> None:
    for item in read_bytes(prefix + tail, "fuzz", max_bytes=4096):
        assert isinstance(item, (RawPage, LoadError))
        if isinstance(item, LoadError):
            assert "\n" not in str(item) and str(item).startswith("fuzz")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.binary(min_size=1, max_size=8))
def test_any_damage_to_a_warc_gz_gives_only_pages_or_errors(at: int, junk: bytes) -> None:
    data = bytearray(warc(crawl(3), compress=True))
    at %= len(data)
    data[at:at + len(junk)] = junk
    items = read_bytes(bytes(data), "c.warc.gz")
    assert all(isinstance(i, (RawPage, LoadError)) for i in items)
    assert len(pages_of(items)) <= 3


# --- the pipeline sees the same pages ---------------------------------------------------------


def test_pipeline_on_warc_records_matches_the_files_themselves(tmp_path: Path) -> None:
    records = [("response", f"https://news.example.com/{p.name}", p.read_bytes(), [("Content-Type", "text/html" if p.suffix == ".html" else "text/plain")]) for p in SAMPLES]
    path = tmp_path / "samples.warc.gz"
    path.write_bytes(warc(records, compress=True))
    from_warc = [process(raw) for raw in iter_inputs([str(path)]) if isinstance(raw, RawPage)]
    direct = [process(RawPage(name=p.name, data=p.read_bytes())) for p in SAMPLES]
    assert len(from_warc) == len(SAMPLES)
    assert [a.body_text for a in from_warc] == [a.body_text for a in direct]
    assert [a.title for a in from_warc] == [a.title for a in direct]
    assert [a.url for a in from_warc] == [f"https://news.example.com/{p.name}" for p in SAMPLES]
