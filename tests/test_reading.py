import json

import pytest

from hadath.reading import InputProblem, RawArticle, read_inputs
from hadath.reading.dates import parse_published
from hadath.reading.encoding import DecodeError, decode

ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المحافظات الجنوبية المتضررة من الجفاف."


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
    ("utf-16-le", "utf-16-le"), ("cp1256", "cp1256"), ("iso8859_6", None)])
def test_decodes_the_encodings_of_arabic_sites(encoding, expected):
    text, used = decode(ARABIC.encode(encoding))
    assert text == ARABIC
    if expected:
        assert used == expected


def test_binary_and_empty_data_are_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodeError, match="empty"):
        decode(b"  \n ")


def test_published_dates():
    assert parse_published("2022-09-19") == "2022-09-19"
    assert parse_published("Mon, 19 Feb 2018 00:16:11 +0400") == "2018-02-19"
    assert parse_published("2018-02-19T10:00:00Z") == "2018-02-19"
    for bad in ("0000-01-01", "2999-01-01", "yesterday", 42):
        with pytest.raises(ValueError):
            parse_published(bad)


def _items(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_folder_is_read_recursively_in_order_and_problems_are_named(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_bytes(ARABIC.encode("cp1256"))
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "image.txt").write_bytes(b"\x00\x01\x02binary\x00")
    items = _items([tmp_path, tmp_path / "missing.txt"])
    articles = [i for i in items if isinstance(i, RawArticle)]
    problems = {i.origin.split("/")[-1]: i.reason for i in items if isinstance(i, InputProblem)}
    assert [a.id for a in articles] == ["a", "c"]
    assert articles[1].encoding == "cp1256" and articles[1].text == ARABIC
    assert problems["empty.txt"] == "empty"
    assert "binary" in problems["image.txt"]
    assert problems["missing.txt"] == "no such file or folder"


def test_jsonl_lines_are_validated_one_by_one(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "1", "text": ARABIC, "published": "2018-03-01"}, ensure_ascii=False),
             "{not json",
             json.dumps({"text": ARABIC}, ensure_ascii=False),
             json.dumps({"id": "2", "text": 5}),
             json.dumps(["a list"]),
             json.dumps({"id": 3, "text": ARABIC, "title": "عنوان", "published": "0000-00-00"},
                        ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items([path])
    assert [type(i).__name__ for i in items] == ["RawArticle", "InputProblem", "InputProblem",
                                                  "InputProblem", "InputProblem", "RawArticle"]
    assert items[0].published == "2018-03-01"
    assert "line 2" in items[1].origin and "invalid JSON" in items[1].reason
    assert "missing 'id'" in items[2].reason
    assert "'text' must be a string" in items[3].reason
    assert items[5].id == "3" and items[5].published is None and items[5].warnings


def test_published_default_applies_only_where_missing(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ARABIC}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert _items([path], published="2020-01-02")[0].published == "2020-01-02"


def test_html_main_text_title_and_date(tmp_path):
    page = tmp_path / "page.html"
    body = "".join(f"<p>{ARABIC} الفقرة رقم {i}.</p>" for i in range(4))
    page.write_text(f"""<html><head><title>وزير: خطة جديدة للمزارعين</title>
        <meta property="article:published_time" content="2021-05-04T08:00:00"></head>
        <body><nav><a href="/">الرئيسية</a> <a href="/x">رياضة</a></nav>
        <article><h1>وزير: خطة جديدة للمزارعين</h1>{body}</article>
        <footer>جميع الحقوق محفوظة</footer><script>var x = 1;</script></body></html>""", encoding="utf-8")
    [article] = _items([page])
    assert article.title == "وزير: خطة جديدة للمزارعين"
    assert article.published == "2021-05-04"
    assert ARABIC in article.text and "الرئيسية" not in article.text and "var x" not in article.text


def test_json_file_with_a_list(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "text": ARABIC}, {"text": ARABIC}], ensure_ascii=False),
                    encoding="utf-8")
    items = _items([path])
    assert [i.id for i in items] == ["a", "batch-2"]


def test_an_endless_line_stops_the_input_with_a_message():
    items = list(read_inputs(["/dev/zero"], jsonl=True))
    assert len(items) == 1 and isinstance(items[0], InputProblem)
    assert "rest of the input skipped" in items[0].reason
