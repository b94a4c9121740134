"""RSS/Atom feeds and WARC archives as inputs of `hadath ingest` (and extract)."""
from __future__ import annotations

import io

from hadath.reading import InputProblem, RawArticle, read_inputs

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة المثال</title>
<item><title>لقاء في عمّان</title><link>https://example.org/f1</link><guid>f1</guid>
<pubDate>Tue, 14 Mar 2023 09:00:00 GMT</pubDate>
<description><![CDATA[<p>التقى وزير الخارجية نظيره في عمّان.</p><p>وبحث الجانبان <b>التعاون</b> الاقتصادي.</p>]]></description>
</item>
<item><title>خبر ثان</title><link>https://example.org/f2</link><description>نص قصير للخبر الثاني.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>صحيفة التجربة</title>
<entry><title>افتتاح معرض</title><id>urn:a1</id><link href="https://example.org/a1"/>
<updated>2023-04-02T08:00:00Z</updated><content type="html">&lt;p&gt;افتُتح اليوم معرض الكتاب.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_entries_become_articles(tmp_path):
    (tmp_path / "news.rss").write_text(FEED, encoding="utf-8")
    (tmp_path / "news.atom").write_text(ATOM, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(i, RawArticle) for i in items), items
    first = next(i for i in items if i.id == "f1")
    assert first.title == "لقاء في عمّان" and first.url == "https://example.org/f1"
    assert first.source == "وكالة المثال" and first.published == "2023-03-14"
    assert first.text == "التقى وزير الخارجية نظيره في عمّان.\nوبحث الجانبان التعاون الاقتصادي."
    atom = next(i for i in items if i.id == "urn:a1")
    assert (atom.text, atom.published, atom.source) == ("افتُتح اليوم معرض الكتاب.", "2023-04-02", "صحيفة التجربة")


def test_a_broken_feed_is_one_clear_problem(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("this is not a feed", encoding="utf-8")
    [item] = list(read_inputs([str(path)]))
    assert isinstance(item, InputProblem) and "feed" in item.reason and item.origin == str(path)


def _warc(path, records):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for url, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                                          http_headers=headers))


def test_warc_pages_become_articles(tmp_path):
    paragraph = "أعلنت وزارة الزراعة اليوم خطة لتوسيع زراعة القمح في المحافظات الشمالية خلال الموسم المقبل. "
    page = f"<html><head><title>خطة القمح</title></head><body><article><h1>خطة القمح</h1><p>{paragraph * 3}</p></article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://example.org/wheat", "200 OK", "text/html; charset=utf-8", page),
                 ("https://example.org/logo.png", "200 OK", "image/png", "PNG"),
                 ("https://example.org/missing", "404 Not Found", "text/html", "<html>no</html>")])
    [item] = list(read_inputs([str(tmp_path)]))
    assert isinstance(item, RawArticle), item
    assert item.url == "https://example.org/wheat"
    assert "زراعة القمح" in item.text


def test_a_file_that_is_not_warc_is_one_clear_problem(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_bytes(b"\x00\x01 not an archive")
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], InputProblem)
    assert items[0].origin == str(path)
