from hadath.text.clutter import remove_clutter

BODY = ("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين.\n"
        "وأضاف أن الطرفين اتفقا على جدول أعمال يشمل ملفات الأمن والحدود والمياه.")


def test_boilerplate_and_related_links_are_removed():
    text = ("الوزير: المحادثات تستأنف قريبا\n"
            "• الوزير: المحادثات تستأنف قريبا\n"
            + BODY.split("\n")[0] + "\n"
            "اقرأ أيضاً: انفجار في ميناء جنوبي البلاد يوقع إصابات\n"
            "--------------------------\n"
            + BODY.split("\n")[1] + "\n"
            "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من التطبيق\n"
            "اخترنا لك")
    cleaned, removed = remove_clutter(text)
    assert cleaned.split("\n") == ["الوزير: المحادثات تستأنف قريبا"] + BODY.split("\n")
    assert len(removed) == 5


def test_bare_related_headline_between_paragraphs_is_removed_but_subheading_kept():
    first, second = BODY.split("\n")
    text = "\n".join(["عنوان", first, "السلطات تعتقل ناشطين بارزين في العاصمة", second,
                      "خلفية الأزمة", second.replace("الطرفين", "الجانبين")])
    cleaned, removed = remove_clutter(text)
    assert removed == ["السلطات تعتقل ناشطين بارزين في العاصمة"]
    assert "خلفية الأزمة" in cleaned


def test_repeated_lead_is_dropped_once():
    first = BODY.split("\n")[0]
    cleaned, removed = remove_clutter("عنوان\n" + first + "\n" + first)
    assert cleaned.count(first) == 1 and removed == [first]


def test_single_line_is_never_removed():
    assert remove_clutter("اقرأ أيضاً: شيء ما") == ("اقرأ أيضاً: شيء ما", [])


def test_list_lines_are_kept():
    text = "\n".join(["عنوان", BODY.split("\n")[0], "لندن، المملكة المتحدة (2.7 تريليون دولار)",
                      "طوكيو، اليابان (2.5 تريليون دولار)"])
    assert remove_clutter(text)[1] == []


def test_headlines_under_a_link_list_label_go_with_it():
    first, second = BODY.split("\n")
    text = "\n".join(["عنوان", first, "اخترنا لك", "الحكومة تمدد برنامج الإسكان", "افتتاح معرض الكتاب", second])
    cleaned, removed = remove_clutter(text)
    assert removed == ["اخترنا لك", "الحكومة تمدد برنامج الإسكان", "افتتاح معرض الكتاب"]
    assert cleaned.endswith(second)
