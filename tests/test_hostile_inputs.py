"""Hostile and broken inputs, generated here: `hadath extract` names every bad item and the
reason on one line, analyses every good one, never prints a traceback, exits 1 when
something failed, and keeps its memory bounded on huge inputs."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tracemalloc

import pytest

from hadath.reading import InputProblem, RawArticle, read_inputs
from hadath.schema import validate_article

STORY = ("قال وزير الخارجية إن المحادثات مع الأردن ستستأنف الأسبوع المقبل في القاهرة "
         "بمشاركة وفود من دول المنطقة.\nوأضاف أن الحكومة تدعم الحل السلمي للأزمة.\n")
BIDI = ("قال \u202bالرئيس\u202c Emmanuel Macron \u2067في باريس\u2069 إن \u200fفرنسا\u200e "
        "تدعم \u202eالاتفاق\u202c مع مصر \u2066(Egypt)\u2069 بشكل كامل.\n")
DEEP = 5000


def _hadath(*args: str, stdin=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hadath", *args], stdin=stdin,
                          capture_output=True, text=True, timeout=120)


def _jsonl(path, rows) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False))
            out.write("\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A folder of good and bad inputs; `good` maps the id of each good article to the
    text it must contain, `bad` each bad item (as named in messages) to words of the reason."""
    root = tmp_path_factory.mktemp("hostile")
    noise = random.Random(8).randbytes  # fixed bytes: warcio prints warnings for some random ones
    good: dict[str, str] = {}
    bad: dict[str, str] = {}

    def put(name: str, data: bytes) -> str:
        (root / name).write_bytes(data)
        return str(root / name)

    bad[put("a-empty.txt", b"")] = "empty"
    bad[put("a-blank.txt", b" \n\r\n\t  \n")] = "empty"
    bad[put("b-binary.txt", bytes(range(256)) * 40)] = "binary"
    bad[put("b-random.txt", noise(4000).replace(b"\x00", b"\x01"))] = "not text"
    bad[put("c-nul.txt", STORY.encode() + b"\x00\x00\x00" + STORY.encode())] = "binary"
    bad[put("d-invalid-utf8.txt", b"\xff\xfe\xfa\xc3\x28\xa0\xa1" * 50)] = "not text"
    good["e-cp1256"] = "وزير الخارجية"
    put("e-cp1256.txt", STORY.encode("cp1256"))
    good["e-iso8859-6"] = "المحادثات"
    put("e-iso8859-6.txt", STORY.encode("iso8859_6"))
    good["e-utf16"] = "القاهرة"
    put("e-utf16.txt", STORY.encode("utf-16"))
    good["e-utf16le-nobom"] = "الحكومة"
    put("e-utf16le-nobom.txt", STORY.encode("utf-16-le"))
    good["e-utf8-bom"] = "الأردن"
    put("e-utf8-bom.txt", b"\xef\xbb\xbf" + STORY.encode())
    # 50 MB on one line: refused by size before it is read.
    with (root / "f-huge.txt").open("w", encoding="utf-8") as out:
        for _ in range(50):
            out.write("كلمة " * 111_112)
    bad[str(root / "f-huge.txt")] = "too large"
    good["g-page"] = "المحادثات"
    put("g-page.html", ("<!doctype html><html><head><title>عنوان الخبر</title>"
                        "<style>p{color:red} /* الأسلوب */</style>"
                        "<script>var secret='<p>سرّ المخطوطة</p>'; alert(1)</script></head><body>"
                        "<nav><a href='/'>الرئيسية</a></nav><article><h1>عنوان الخبر</h1>"
                        + "".join(f"<p>{line}</p>" for line in STORY.splitlines())
                        + "<script>document.write('حقن')</script></article></body></html>").encode())
    good["g-deep"] = "وزير الخارجية"
    put("g-deep.html", ("<html><head><title>صفحة عميقة</title></head><body>" + "<div>" * DEEP
                        + "".join(f"<p>{line}</p>" for line in STORY.splitlines() * 2)
                        + "</div>" * DEEP + "</body></html>").encode())
    bad[put("g-scripts-only.html", b"<html><head><script>var a = 1;</script><style>b{}</style>"
                                   b"</head><body><script>alert(2)</script></body></html>")] = "no article text"
    good["h-bidi"] = "Macron"
    put("h-bidi.txt", BIDI.encode())
    good["i-quotes-only"] = "«"
    put("i-quotes-only.txt", ("«»\"\"“”„‟‹›'' " * 40).encode())
    good["i-digits-only"] = "١٢٣"
    put("i-digits-only.txt", ("١٢٣٤٥٦٧ 2024 ۱۲۳ 0.5 " * 40).encode())
    bad[put("j-broken.json", b'{"id": "x", "text": ')] = "invalid JSON"

    # Feeds and web archives: random bytes, a damaged record, external and nested entities.
    bad[put("l-random.rss", noise(3000))] = "not an RSS or Atom feed"
    bad[put("l-random.warc", b"\x8f\x00" + noise(3000))] = "not a WARC file"
    bad[put("l-damaged.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc")] = "WARC"
    entities = "".join(f'<!ENTITY e{k} "{f"&e{k - 1};" * 10}">' for k in range(1, 10))
    put("m-entities.rss", (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "lol">' + entities
        + '<!ENTITY leak SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel>'
        + '<item><title>&e9;</title><link>https://example.org/a</link>'
        + f"<description>&leak; {STORY}</description></item></channel></rss>").encode())
    good["https://example.org/a"] = "المحادثات"

    lines = root / "k-lines.jsonl"
    rows = [
        {"id": "ok-1", "text": STORY, "published": "2023-03-01"},
        '{"id": "broken", "text": "نص مقطوع',
        {"text": STORY},
        {"id": "ok-1", "text": STORY + "مكرر"},
        {"id": ["list"], "text": STORY},
        {"id": True, "text": STORY},
        {"id": "wrong-text", "text": 12345},
        {"id": "wrong-title", "text": STORY, "title": {"a": 1}},
        {"id": "wrong-url", "text": STORY, "url": 7},
        "[1, 2, 3]",
        "null",
        {"id": "empty-text", "text": "   "},
        {"id": "ok-future", "text": STORY, "published": "2999-12-31"},
        {"id": "ok-year-zero", "text": STORY, "published": "0000-01-01"},
        {"id": "ok-year-one", "text": STORY, "published": "0001-01-01T00:00:00Z"},
        {"id": "ok-date-number", "text": STORY, "published": 20230301},
        {"id": 42, "text": BIDI},
        "",
        {"id": "ok-quotes", "text": "«««»»» “” \"\" " * 30},
    ]
    _jsonl(lines, rows)
    for n, reason in ((2, "invalid JSON"), (3, "missing 'id'"), (4, "duplicate id"),
                      (5, "'id' must be"), (6, "'id' must be"), (7, "'text' must be a string"),
                      (8, "'title' must be a string"), (9, "'url' must be a string"),
                      (10, "expected a JSON object"), (11, "expected a JSON object"), (12, "empty text")):
        bad[f"{lines} line {n}"] = reason
    for doc_id in ("ok-1", "ok-future", "ok-year-zero", "ok-year-one", "ok-date-number"):
        good[doc_id] = "المحادثات"
    good["42"] = "Macron"
    good["ok-quotes"] = "«"

    # A device has no size to check first: it must be read in bounded steps too.
    devices = ["/dev/zero"] if os.path.exists("/dev/zero") else []
    bad.update({device: "too large" for device in devices})
    paths = [str(root), *devices]
    result = _hadath("extract", *paths)
    return {"root": root, "paths": paths, "good": good, "bad": bad, "result": result,
            "docs": [json.loads(line) for line in result.stdout.splitlines()]}


def test_exit_status_says_something_failed_and_no_traceback(hostile):
    result = hostile["result"]
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.replace("internal error", "")
    for line in result.stderr.splitlines():
        assert line.startswith("hadath: "), line


def test_every_bad_item_is_named_with_its_reason(hostile):
    messages = hostile["result"].stderr.splitlines()
    for origin, reason in hostile["bad"].items():
        named = [m for m in messages if m.startswith(f"hadath: {origin}: ")]
        assert len(named) == 1, (origin, messages)
        assert reason in named[0], named[0]
    assert not any("internal error" in m for m in messages)


def test_every_good_item_is_analysed_in_order(hostile):
    docs = hostile["docs"]
    ids = [d["id"] for d in docs]
    assert sorted(ids) == sorted(hostile["good"]), ids
    assert len(set(ids)) == len(ids)
    # Folder order (file names), then line order inside the JSON Lines file.
    assert ids.index("e-cp1256") < ids.index("g-deep") < ids.index("ok-1") < ids.index("ok-quotes")
    for doc in docs:
        validate_article(doc)
        assert hostile["good"][doc["id"]] in doc["text"], doc["id"]


def test_encodings_are_decoded_and_named(hostile):
    messages = hostile["result"].stderr
    docs = {d["id"]: d for d in hostile["docs"]}
    for doc_id in ("e-cp1256", "e-utf16", "e-utf16le-nobom", "e-utf8-bom"):
        assert docs[doc_id]["text"].strip() == STORY.strip(), doc_id
    assert "e-cp1256.txt: decoded as cp1256" in messages
    assert "e-utf16le-nobom.txt: decoded as utf-16-le" in messages
    assert "e-utf8-bom.txt" not in messages  # UTF-8 needs no note, BOM or not


def test_html_keeps_the_story_not_the_scripts(hostile):
    docs = {d["id"]: d for d in hostile["docs"]}
    page, deep = docs["g-page"], docs["g-deep"]
    for doc in (page, deep):
        assert doc["language"] == "ar"
        assert "alert" not in doc["text"] and "<" not in doc["text"] and "color:red" not in doc["text"]
    assert "سرّ المخطوطة" not in page["text"] and "حقن" not in page["text"]
    assert page["title"] == "عنوان الخبر" and deep["title"] == "صفحة عميقة"


def test_bidi_controls_keep_offsets_exact(hostile):
    docs = {d["id"]: d for d in hostile["docs"]}
    for doc in (docs["h-bidi"], docs["42"]):
        text = doc["text"]
        assert doc["entities"], "names between bidi controls are still found"
        for entity in doc["entities"]:
            for start, end in entity["mentions"]:
                assert 0 <= start < end <= len(text)
                assert text[start:end].strip() == text[start:end]


def test_feed_entities_are_not_expanded(hostile):
    [doc] = [d for d in hostile["docs"] if d["id"] == "https://example.org/a"]
    assert "root:" not in doc["text"] and "lollol" not in doc["text"] and len(doc["text"]) < 2 * len(STORY)


def test_bad_dates_are_dropped_with_a_note_and_the_article_kept(hostile):
    docs = {d["id"]: d for d in hostile["docs"]}
    assert docs["ok-1"]["published"] == "2023-03-01"
    for doc_id in ("ok-future", "ok-year-zero", "ok-year-one", "ok-date-number"):
        assert docs[doc_id]["published"] is None, doc_id
    messages = hostile["result"].stderr
    lines = str(hostile["root"] / "k-lines.jsonl")
    for n in (13, 14, 15, 16):
        assert f"{lines} line {n}: published" in messages


def test_quotation_marks_and_digits_alone_are_harmless(hostile):
    docs = {d["id"]: d for d in hostile["docs"]}
    for doc_id in ("i-quotes-only", "i-digits-only", "ok-quotes"):
        doc = docs[doc_id]
        assert doc["events"] == [] and doc["quotes"] == [], doc_id


def _peak_rss_kb(args: list[str], stdin_path=None) -> tuple[int, subprocess.CompletedProcess]:
    """Peak resident memory of `hadath ARGS` alone, measured by a wrapper process whose
    only child it is (getrusage(RUSAGE_CHILDREN) is a maximum over all children)."""
    wrapper = ("import resource, subprocess, sys\n"
               "stdin = open(sys.argv[1], 'rb') if sys.argv[1] else None\n"
               "run = subprocess.run([sys.executable, '-m', 'hadath', *sys.argv[2:]], stdin=stdin,\n"
               "                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
               "sys.stdout.buffer.write(run.stdout)\n"
               "sys.stderr.buffer.write(run.stderr)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
               "sys.exit(run.returncode)\n")
    result = subprocess.run([sys.executable, "-c", wrapper, str(stdin_path or ""), *args],
                            capture_output=True, text=True, timeout=120)
    *messages, peak = result.stderr.rstrip("\n").split("\n")
    result.stderr = "\n".join(messages)
    return int(peak), result


def test_a_50_mb_line_is_refused_in_bounded_memory(tmp_path):
    small = tmp_path / "small.jsonl"
    _jsonl(small, [{"id": "before", "text": STORY}])
    baseline, _ = _peak_rss_kb(["extract", str(small)])

    huge = tmp_path / "huge.jsonl"
    with huge.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "before", "text": STORY}, ensure_ascii=False) + "\n")
        out.write('{"id": "huge", "text": "' + "كلمة " * 5_600_000 + '"}\n')  # about 56 MB
        out.write(json.dumps({"id": "after", "text": STORY}, ensure_ascii=False) + "\n")
    assert huge.stat().st_size > 50_000_000
    # The same file as a path and on standard input.
    peak, result = _peak_rss_kb(["extract", "--jsonl", str(huge), "-"], stdin_path=huge)
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["before", "after"]
    assert result.stderr.splitlines() == [
        f"hadath: {huge} line 2: line too long (over 2 MB)",
        f"hadath: <stdin> line 1: duplicate id 'before' (an earlier article has it)",
        "hadath: <stdin> line 2: line too long (over 2 MB)",
        "hadath: <stdin> line 3: duplicate id 'after' (an earlier article has it)",
    ]
    # Holding the line (56 MB of bytes, more as text) would show; reading it in 2 MB steps does not.
    assert peak - baseline < 40_000, (peak, baseline)


def test_100000_tiny_lines_stream_through_the_reader(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(100_000):
            out.write('{"id": "b%d", "text": ' % n if n % 10_000 == 9_999 else
                      '{"id": "t%d", "text": "خبر %d"}\n' % (n, n))
            if n % 10_000 == 9_999:
                out.write("\n")
    articles = problems = 0
    last = -1
    for item in read_inputs([str(path)]):
        if isinstance(item, RawArticle):
            number = int(item.id[1:])
            assert number > last and item.text == f"خبر {number}"
            last = number
            articles += 1
        else:
            assert isinstance(item, InputProblem) and "invalid JSON" in item.reason
            problems += 1
    assert (articles, problems) == (99_990, 10)
    # Streaming: the first thousand articles come before the 3 MB file is held in memory.
    tracemalloc.start()
    items = read_inputs([str(path)])
    for _ in range(1000):
        next(items)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1_000_000, f"the reader held {peak / 1e6:.1f} MB: it must stream"


def test_workers_give_the_same_output_and_messages(hostile):
    parallel = _hadath("extract", "--workers", "2", *hostile["paths"])
    assert parallel.returncode == hostile["result"].returncode
    assert parallel.stdout == hostile["result"].stdout
    assert parallel.stderr == hostile["result"].stderr
