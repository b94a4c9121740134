from hadath.text.sentences import split_sentences


def texts(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_splits_on_arabic_and_latin_terminators():
    assert texts("وصل الوفد. بدأت المحادثات! هل تنجح؟ ننتظر") == [
        "وصل الوفد.", "بدأت المحادثات!", "هل تنجح؟", "ننتظر"]


def test_comma_and_semicolon_do_not_split():
    assert len(texts("قال الوزير، في مؤتمر صحفي؛ إن الوضع مستقر.")) == 1


def test_quoted_full_stops_stay_in_one_sentence():
    text = 'وقال الوزير: "لن نتراجع. سنواصل العمل. هذا وعد". ثم غادر.'
    assert texts(text) == ['وقال الوزير: "لن نتراجع. سنواصل العمل. هذا وعد".', "ثم غادر."]
    text = "وقال: «الوضع صعب. لكننا متفائلون» وأضاف أن الحوار مستمر."
    assert len(texts(text)) == 1


def test_abbreviations_and_decimals():
    assert len(texts("التقى د. أحمد بمراسل أ.ف.ب في الساعة 3.5 مساء.")) == 1


def test_lines_are_sentences_and_unbalanced_quote_does_not_swallow_the_next_line():
    text = 'عنوان الخبر بلا نقطة\nقال إن "الأمر انتهى.\nسطر جديد.'
    assert texts(text) == ["عنوان الخبر بلا نقطة", 'قال إن "الأمر انتهى.', "سطر جديد."]


def test_sentences_cover_text_without_overlap():
    text = "أولا. ثانيا!  ثالثا؟\n\nرابعا"
    spans = split_sentences(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    assert "".join(text[s.start:s.end] for s in spans).replace(" ", "") == text.replace(" ", "").replace("\n", "")
