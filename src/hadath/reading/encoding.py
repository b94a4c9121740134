"""Bytes to text: UTF-8 (with or without BOM), UTF-16, Windows-1256 and ISO-8859-6.

Arabic sites still serve the two legacy Arabic code pages. UTF-8 is tried first
(it almost never decodes anything else by accident); UTF-16 is recognised by its
BOM or by its zero bytes; everything else goes to charset-normalizer, limited to
the encodings Arabic pages actually use so that it cannot pick an exotic one.
"""
from __future__ import annotations

import codecs
import unicodedata

# charset-normalizer names of the legacy encodings we accept.
_CANDIDATES = ["cp1256", "iso8859_6", "cp720", "mac_arabic", "cp1252", "latin_1"]
_SAMPLE = 1 << 16


class DecodeError(ValueError):
    """The bytes are not text in any encoding we read."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeError for binary or empty data."""
    if not data.strip(b" \t\r\n\x00"):
        raise DecodeError("empty")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data[:_SAMPLE]:
        raise DecodeError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare input that is not UTF-8

    best = from_bytes(data[:_SAMPLE] if len(data) > _SAMPLE else data,
                      cp_isolation=_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise DecodeError("not text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6")
    return _strict(data, best.encoding), best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    # Arabic in UTF-16 has a 0x06 high byte rather than zero: check those too.
    even_six = sample[0::2].count(6) / (len(sample) / 2)
    odd_six = sample[1::2].count(6) / (len(sample) / 2)
    if odd_zero + odd_six > 0.6 and even_zero < 0.1:
        return "utf-16-le"
    if even_zero + even_six > 0.6 and odd_zero < 0.1:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"invalid {encoding} data ({exc.__class__.__name__})") from None
    if "\x00" in text or not _looks_like_text(text):
        raise DecodeError("binary data, not text")
    return text


def _looks_like_text(text: str) -> bool:
    """Decoding can succeed on binary data (any byte pair is UTF-16): check
    that the result reads like prose, with words, spaces and few control characters."""
    sample = text[:4000]
    if len(sample) >= 80 and not any(ch.isspace() for ch in sample):
        return False
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")
              and ch not in "\t\n\r\f")
    return odd <= len(sample) // 100
