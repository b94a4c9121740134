"""The text core on real news text from ../shared/corpus (skipped when absent)."""
from hadath.pipeline import analyse_text, make_document
from hadath.reading import RawArticle
from hadath.text.clutter import remove_clutter
from hadath.text.language import detect_language


def _doc(row):
    return make_document(RawArticle(id=row["id"], text=row["text"], title=row["title"], origin=row["id"]))


def test_real_articles_are_arabic(corpus_articles):
    assert all(detect_language(r["title"] + "\n" + r["text"]) == "ar" for r in corpus_articles)


def test_sentences_and_tokens_point_into_the_text(corpus_articles):
    for row in corpus_articles:
        doc = _doc(row)
        analyse_text(doc)
        assert doc.sentences, row["id"]
        previous_end = 0
        for s in doc.sentences:
            assert previous_end <= s.start < s.end <= len(doc.text)
            previous_end = s.end
            for t in doc.sentence_tokens(s):
                assert s.start <= t.start and t.end <= s.end
                assert doc.text[t.start:t.end] == t.text
                assert t.start <= t.core_start < t.core_end == t.end


def test_clutter_removal_on_real_bodies(corpus_articles):
    removed_total = kept_total = 0
    for row in corpus_articles:
        cleaned, removed = remove_clutter(row["title"] + "\n" + row["text"])
        assert cleaned.startswith(row["title"].strip()[:20])
        assert "يمكنكم استلام إشعارات" not in cleaned and "يمكنكم تسلم إشعارات" not in cleaned
        assert "اقرأ أيضا" not in cleaned.replace("ً", "")
        removed_total += len(removed)
        kept_total += cleaned.count("\n") + 1
    # clutter is the exception, not the rule
    assert removed_total < 0.15 * kept_total


def test_quoted_statements_with_full_stops_stay_whole(corpus_articles):
    """In real text, no sentence starts inside a «…» or "…" quotation."""
    import re

    checked = 0
    for row in corpus_articles:
        doc = _doc(row)
        analyse_text(doc)
        starts = [s.start for s in doc.sentences]
        for m in re.finditer(r'«[^«»\n]{1,500}»|"[^"\n]{1,500}"', doc.text):
            assert not any(m.start() < st < m.end() for st in starts), m.group()
            checked += ". " in m.group()
    assert checked > 0  # the sample does contain quotations with full stops inside
