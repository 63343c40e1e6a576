"""FastWARC vs warcio, and the reader's own WARC path, on a generated WARC.

    python benchmarks/warc_readers.py [--records 1500] [--rounds 5] [--keep DIR]

Writes a WARC 1.1 file of `--records` response records (each with its request
record, so about twice as many records in all) from the real pages of
../shared/eval/html-dev (or sample_articles), GBK and UTF-8, a third of them with
`Content-Encoding: gzip` and a third chunked, once plain and once as `.warc.gz` with
one gzip member per record.  Then, in interleaved rounds (A B C D, A B C D, ...),
times reading every page payload, and prints the median seconds per file and
per record:

  A  warcio.ArchiveIterator, content_stream() (de-chunked, decompressed)
  B  fastwarc ArchiveIterator(auto_decode="all")
  C  reader.containers (own framing and resync, warcio's HTTP parser): what ships
  D  the same framing with FastWARC parsing each record's HTTP message

All four must find the same number of pages, or the run stops.  Needs
`pip install fastwarc` (warcio is a dependency of the reader; FastWARC is not).
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def pages() -> list[bytes]:
    dev = REPO.parent / "shared" / "eval" / "html-dev"
    found = sorted(dev.glob("*.html")) if dev.is_dir() else []
    found = found or sorted((REPO / "sample_articles").iterdir())
    return [p.read_bytes() for p in found]


def build(path: Path, records: int, compress: bool) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bodies = pages()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress, warc_version="WARC/1.1")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "benchmarks/warc_readers.py"}))
        for i in range(records):
            url = f"https://news.example.com/{i // 100}/{i}.html"
            request = StatusAndHeaders(f"GET /{i}.html HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            body = bodies[i % len(bodies)]
            headers = [("Content-Type", "text/html; charset=utf-8")]
            if i % 3 == 1:
                body = gzip.compress(body, compresslevel=1)
                headers.append(("Content-Encoding", "gzip"))
            elif i % 3 == 2:
                body = b"".join(b"%x\r\n%s\r\n" % (len(body[j:j + 8192]), body[j:j + 8192]) for j in range(0, len(body), 8192)) + b"0\r\n\r\n"
                headers.append(("Transfer-Encoding", "chunked"))
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http))
    return 2 * records + 1


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type in ("response", "resource"):
                record.rec_headers.get_header("WARC-Target-URI")
                n += bool(record.content_stream().read())
    return n


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response | WarcRecordType.resource, auto_decode="all"):
            record.headers.get("WARC-Target-URI")
            n += bool(record.reader.read())
    return n


def read_reader(path: Path) -> int:
    from reader.sources import RawPage, iter_inputs

    return sum(isinstance(item, RawPage) for item in iter_inputs([str(path)]))


def fastwarc_http(block: bytes, limit: int) -> tuple[int | None, str, bytes]:
    from fastwarc.warc import WarcRecord

    head = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(block)
    record = WarcRecord.from_bytes(head + block + b"\r\n\r\n")
    record.parse_http(auto_decode="all")
    return record.http_headers.status_code, record.http_headers.get("Content-Type") or "", record.reader.read(limit + 1)


def read_reader_fastwarc_http(path: Path) -> int:
    from reader.containers import warc

    original = warc.http_payload
    warc.http_payload = fastwarc_http
    try:
        return read_reader(path)
    finally:
        warc.http_payload = original


CANDIDATES = {
    "A warcio": read_warcio,
    "B fastwarc": read_fastwarc,
    "C reader (own framing + warcio HTTP)": read_reader,
    "D reader framing + fastwarc HTTP": read_reader_fastwarc_http,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the WARC files here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="warc-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = {"plain": folder / "bench.warc", "gz": folder / "bench.warc.gz"}
    for label, path in files.items():
        total = build(path, args.records, compress=label == "gz")
        print(f"{path.name}: {total} records, {args.records} pages, {path.stat().st_size / 1e6:.1f} MB", flush=True)
    try:
        for label, path in files.items():
            times: dict[str, list[float]] = {name: [] for name in CANDIDATES}
            for _ in range(args.rounds):
                for name, fn in CANDIDATES.items():  # interleaved: A B C D, A B C D, ...
                    start = time.perf_counter()
                    found = fn(path)
                    times[name].append(time.perf_counter() - start)
                    if found != args.records:
                        sys.exit(f"{name} found {found} pages in {path.name}, expected {args.records}")
            best = min(statistics.median(v) for v in times.values())
            print(f"\n{path.name} ({args.rounds} interleaved rounds, median)")
            print(f"| reader | s/file | us/page | x fastest |\n| --- | --- | --- | --- |")
            for name, values in times.items():
                med = statistics.median(values)
                print(f"| {name} | {med:.3f} | {med / args.records * 1e6:.0f} | {med / best:.2f} |")
    finally:
        if args.keep is None:
            for path in files.values():
                path.unlink(missing_ok=True)
            os.rmdir(folder)


if __name__ == "__main__":
    main()
