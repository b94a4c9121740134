"""`hadath extract --workers N`: same output and messages as one process, in input order,
with the inputs read only a bounded distance ahead of the output."""
import json
import subprocess
import sys

import pytest

from hadath.commands.extract import Report

STORY = ("أعلن وزير الخارجية المصري أن بلاده ستستضيف اجتماعا للجنة الوزارية في القاهرة "
         "يوم الخميس {n}. وقال الوزير في مؤتمر صحفي إن \"الحوار هو الطريق الوحيد\". "
         "واتهمت الحكومة جماعات مسلحة بمهاجمة قافلة إغاثة قرب الحدود.")


def records(n: int) -> list[dict]:
    return [{"id": f"a{i}", "text": STORY.format(n=i), "published": "2023-05-04"} for i in range(n)]


def hadath(*args):
    return subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True, timeout=120)


@pytest.fixture
def mixed_inputs(tmp_path):
    """Good articles around every kind of message: duplicate ids, broken lines,
    an English article, an unreadable file."""
    rows = [json.dumps(r, ensure_ascii=False) for r in records(45)]
    rows.insert(3, "{not json")
    rows.insert(20, json.dumps({"id": "a5", "text": "نص مكرر"}, ensure_ascii=False))
    rows.insert(30, json.dumps({"id": "en", "text": "The minister said talks would resume next week in Cairo."}))
    rows.insert(31, json.dumps({"title": "بلا معرف"}, ensure_ascii=False))
    (tmp_path / "many.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "one.txt").write_text(STORY.format(n=99), encoding="utf-8")
    return [str(tmp_path / "many.jsonl"), str(tmp_path / "empty.txt"), str(tmp_path / "one.txt"),
            str(tmp_path / "missing.txt")]


def test_workers_give_the_single_process_output_and_messages_in_order(mixed_inputs):
    single = hadath("extract", *mixed_inputs)
    parallel = hadath("extract", "--workers", "2", *mixed_inputs)
    assert single.returncode == parallel.returncode == 1
    ids = [json.loads(line)["id"] for line in parallel.stdout.decode("utf-8").splitlines()]
    in_file = [f"a{i}" for i in range(45)]
    in_file.insert(in_file.index("a28"), "en")  # after the insertions above, "en" is row 30
    assert ids == in_file + ["one"]
    assert parallel.stdout == single.stdout
    assert parallel.stderr == single.stderr
    err = parallel.stderr.decode("utf-8")
    assert "Traceback" not in err
    for expected in ("line 4: invalid JSON", "duplicate id 'a5'", "not Arabic", "missing 'id'",
                     "empty.txt", "missing.txt: no such file"):
        assert expected in err


def test_workers_must_be_a_positive_number():
    proc = hadath("extract", "--workers", "0", "x.txt")
    assert proc.returncode == 2
    assert b"whole number of processes" in proc.stderr and b"Traceback" not in proc.stderr


def test_inputs_are_read_a_bounded_distance_ahead_of_the_output(tmp_path, monkeypatch):
    from hadath.scale import processes

    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records(150)) + "\n",
                    encoding="utf-8")
    pulled = []

    def counted(*args):
        for article in reading(*args):
            pulled.append(article.id)
            yield article

    reading = processes.articles
    monkeypatch.setattr(processes, "articles", counted)
    lines = processes.extracted_lines([str(path)], True, None, Report(None), workers=2, chunk_size=4)
    first = json.loads(next(lines))
    in_flight_limit = 2 * processes.CHUNKS_IN_FLIGHT_PER_WORKER * 4
    assert first["id"] == "a0"
    assert len(pulled) <= in_flight_limit + 4
    rest = [json.loads(line)["id"] for line in lines]
    assert [first["id"]] + rest == [f"a{i}" for i in range(150)]
    assert len(pulled) == 150
