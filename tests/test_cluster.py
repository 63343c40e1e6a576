"""The Dask engine against a real `LocalCluster` with two worker processes: the same
outcomes, in the same order, as the local batch runner."""
from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed")

from reader import batch, pipeline  # noqa: E402
from reader.cluster import ClusterError, connect, run_on_cluster  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
OPTIONS = pipeline.Options(keep_raw=False, detect_script=True)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as c:
        yield c


def _outcomes(runner) -> list[tuple[int, str, object]]:
    return [(o.seq, o.name, o.result.to_dict() if o.ok else str(o.result)) for o in runner]


def test_cluster_run_equals_the_local_run(cluster) -> None:
    args = [str(REPO / "sample_articles"), str(REPO / "missing.html")]
    local = _outcomes(batch.run(pipeline.iter_pages(args, OPTIONS), OPTIONS, jobs=1))
    remote = _outcomes(run_on_cluster(pipeline.iter_pages(args, OPTIONS), OPTIONS, cluster.scheduler_address))
    assert remote == local
    assert len(local) == len(list((REPO / "sample_articles").iterdir())) + 1


def test_the_cli_prints_the_same_through_the_cluster(cluster, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    folder = str(REPO / "sample_articles")
    assert main(["clean", "-f", "jsonl", folder]) == 0
    local = capsys.readouterr().out
    assert main(["clean", "-f", "jsonl", "--dask", cluster.scheduler_address, folder]) == 0
    assert capsys.readouterr().out == local


def test_an_unreachable_scheduler_is_one_line() -> None:
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        connect("tcp://127.0.0.1:9", timeout=1)
