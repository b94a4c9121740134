"""A Dask partition that fails is retried; one that keeps failing is reported and
counted, never dropped: new + failed == inputs, and the others load in input order."""
import functools
import io
import json

import pytest

pytest.importorskip("distributed")

from hadath.commands.extract import Report  # noqa: E402
from hadath.scale import cluster  # noqa: E402
from hadath.scale.processes import chunks  # noqa: E402

STORY = "قال وزير الخارجية الأردني إن المحادثات مع الجانب المصري ستستأنف في عمان يوم {n}."


def flaky(attempts_dir, articles, debug):
    """Fails once on the partition starting with a0, always on the one starting with a8."""
    first = articles[0].id
    marker = attempts_dir / f"{first}-{len(list(attempts_dir.glob(first + '-*')))}"
    marker.touch()
    if first == "a0" and marker.name == "a0-0":
        raise ConnectionError("worker lost")
    if first == "a8":
        raise MemoryError("partition too large")
    return cluster.extract_partition(articles, debug)


class ListWriter:
    def __init__(self):
        self.docs = []

    def push(self, doc):
        self.docs.append(doc)


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as local, Client(local) as c:
        c.register_plugin(cluster.PipelineOnWorker(), name=cluster.PLUGIN_NAME)
        yield c


def test_failed_partitions_are_retried_then_reported_and_counted(client, tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": STORY.format(n=i)}, ensure_ascii=False) for i in range(20)]
    lines.insert(5, "[1, 2]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    attempts = tmp_path / "attempts"
    attempts.mkdir()
    stream = io.StringIO()
    report, writer = Report(stream), ListWriter()
    loader = cluster.ShardLoader(tmp_path / "shards", writer, report, retries=2)
    (tmp_path / "shards").mkdir()

    cluster.ingest_on_dask(client, chunks([str(path)], True, None, 4), loader, retries=2,
                           extract=functools.partial(flaky, attempts))

    assert sorted(p.name for p in attempts.iterdir()) == ["a0-0", "a0-1", "a12-0", "a16-0", "a4-0",
                                                         "a8-0", "a8-1", "a8-2"]
    stored = [d["id"] for d in writer.docs]
    assert stored == [f"a{i}" for i in range(20) if not 8 <= i < 12]
    messages = stream.getvalue().splitlines()
    assert len(messages) == 2
    assert "line 6: expected a JSON object" in messages[0]
    assert "line 10 ... " in messages[1] and "line 13" in messages[1]
    assert "4 articles) failed after 2 retries" in messages[1] and "MemoryError" in messages[1]
    assert report.failed == 1 + 4
    assert loader.inputs == 21 == len(stored) + report.failed
    assert loader.failed_partitions == 1 and len(list((tmp_path / "shards").glob("*.parquet"))) == 4
