"""Web archives (WARC, plain or gzipped, through warcio): one article per HTML
page or plain-text resource, with the archived URL."""
from __future__ import annotations

import zlib
from pathlib import Path
from typing import Iterator, Optional

CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(path: Path, published: Optional[str]) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .encoding import DecodeError, decode
    from .html import extract_html
    from .inputs import MAX_ARTICLE_BYTES, InputProblem, _article

    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputProblem(origin, f"cannot read ({exc.strerror or exc})")
        return
    with stream:
        n = 0
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{origin} record {n}" + (f" ({url})" if url else "")
                headers = record.http_headers if record.rec_type == "response" else None
                if headers is not None and not (headers.get_statuscode() or "").startswith("2"):
                    continue
                content_type = ((headers.get_header("Content-Type") if headers else None)
                                or record.rec_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(CONTENT_TYPES):
                    continue
                data = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
                if len(data) > MAX_ARTICLE_BYTES:
                    yield InputProblem(where, "too large for one article")
                    continue
                try:
                    text, encoding = decode(data)
                except DecodeError as exc:
                    yield InputProblem(where, str(exc))
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or url or f"{path.stem}-{n}"
                if content_type.startswith("text/plain"):
                    yield _article({"id": record_id, "text": text, "url": url}, where, published, encoding)
                    continue
                page = extract_html(text)
                if page is None or not page.text.strip():
                    yield InputProblem(where, "HTML page has no article text")
                    continue
                yield _article({"id": record_id, "text": page.text, "title": page.title,
                                "url": url or page.url, "source": page.sitename, "published": page.date},
                               where, published, encoding)
        except ArchiveLoadFailed as exc:
            # (warcio's message quotes the file's first bytes: binary garbage for a terminal)
            yield InputProblem(origin, f"not a WARC file ({str(exc).split(',')[0].strip()[:80]})")
            return
        except (AttributeError, ValueError, EOFError, OSError, zlib.error) as exc:
            # warcio trips over damaged records (e.g. a response without a target URI)
            yield InputProblem(origin, f"damaged WARC file after record {n} ({type(exc).__name__})")
            return
        if n == 0:
            yield InputProblem(origin, "WARC file holds no response or resource records")
