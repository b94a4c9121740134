import json
import subprocess
import sys

from hadath.schema import validate_article

ARTICLE = """وزير الخارجية: المحادثات مع الجيران تستأنف قريبا

أكد وزير الخارجية الأردني، اليوم الإثنين، أن "المحادثات ستستأنف الأسبوع المقبل في عمّان".
وقال الوزير خلال مؤتمر صحفي إن الطرفين اتفقا على جدول أعمال يشمل الأمن والمياه.

اخترنا لك"""


def hadath(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "hadath", *args], input=stdin,
                          capture_output=True, timeout=120)


def outputs(proc):
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


def test_extract_prints_one_valid_object_per_article_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE.replace("الأردني", "المصري"), encoding="utf-8")
    proc = hadath("extract", str(tmp_path / "b.txt"), str(tmp_path / "a.txt"), "--published", "2022-09-19")
    assert proc.returncode == 0, proc.stderr
    objs = outputs(proc)
    assert [o["id"] for o in objs] == ["b", "a"]
    for o in objs:
        validate_article(o)
        assert o["published"] == "2022-09-19" and o["language"] == "ar"
        assert o["text"].startswith("وزير الخارجية:") and "اخترنا لك" not in o["text"]


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    proc = hadath("extract", str(tmp_path / "empty.txt"), str(good), str(tmp_path / "bin.txt"),
                  str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert [o["id"] for o in outputs(proc)] == ["good"]
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert "empty.txt: empty" in err and "bin.txt:" in err and "nope.txt: no such file" in err


def test_jsonl_on_standard_input_keeps_ids_and_reports_duplicates():
    records = [{"id": "x1", "text": ARTICLE}, {"id": "x1", "text": ARTICLE}, {"id": 7, "text": ARTICLE}]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    proc = hadath("extract", "--jsonl", "-", stdin=data)
    assert [o["id"] for o in outputs(proc)] == ["x1", "7"]
    assert proc.returncode == 1 and b"duplicate id" in proc.stderr


def test_non_arabic_is_reported_not_analysed(tmp_path):
    persian = tmp_path / "fa.txt"
    persian.write_text("رئیس جمهور ایران گفت که این کشور برای مذاکره آماده است و این موضوع را پیگیری می کند.",
                       encoding="utf-8")
    proc = hadath("extract", str(persian))
    [obj] = outputs(proc)
    assert obj["language"] == "fa" and obj["entities"] == [] and obj["events"] == []
    assert b"not Arabic" in proc.stderr


def test_legacy_encoding_is_named(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    proc = hadath("extract", str(path))
    [obj] = outputs(proc)
    assert obj["encoding"] == "cp1256" and "وزير الخارجية" in obj["text"]
    assert b"decoded as cp1256" in proc.stderr


def test_bad_published_argument_is_a_usage_error():
    proc = hadath("extract", "-", "--published", "yesterday", stdin=b"x")
    assert proc.returncode == 2 and b"not a date" in proc.stderr and b"Traceback" not in proc.stderr
