from hadath.text.language import detect_language


def test_arabic():
    assert detect_language("قال الرئيس في كلمة ألقاها أمام البرلمان إن الحكومة ستواصل الإصلاحات الاقتصادية.") == "ar"


def test_persian_is_not_arabic():
    assert detect_language("رئیس جمهور ایران گفت که این کشور برای مذاکره آماده است و این موضوع را پیگیری می کند.") == "fa"


def test_urdu_is_not_arabic():
    assert detect_language("وزیر اعظم نے کہا کہ حکومت عوام کے مسائل حل کرنے کے لیے پرعزم ہے اور یہ کام جاری رہے گا۔") == "ur"


def test_latin_and_empty():
    assert detect_language("The minister said that the talks will resume in the capital next week.") == "en"
    assert detect_language("12345 !!!") == "und"


def test_arabic_with_a_persian_name_stays_arabic():
    text = "هذا المقال بقلم کاملیا انتخابی فرد، والآراء الواردة أدناه تعبر عن رأي الكاتبة وحدها ولا تعكس بالضرورة وجهة نظر الشبكة."
    assert detect_language(text) == "ar"
