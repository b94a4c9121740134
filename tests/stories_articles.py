"""Articles written for the stories tests (invented news, not from any corpus).

Story A: Jordan's foreign minister in Baghdad on electricity (three outlets, one a
wire copy with light edits). Story B: floods in southern Iraq, same days (shares
"Iraq" with A, nothing else). Story C: a later visit to Baghdad, two weeks on.
"""
from __future__ import annotations

VISIT_BODY = (
    "وصل وزير الخارجية الأردني أيمن الصفدي إلى بغداد صباح الأحد في زيارة رسمية تستمر يومين "
    "يبحث خلالها مع رئيس الوزراء العراقي محمد شياع السوداني مشروع الربط الكهربائي بين البلدين. "
    "وقال الصفدي في مؤتمر صحفي إن المرحلة الأولى من الخط ستدخل الخدمة قبل نهاية الصيف، "
    "وإن عمان مستعدة لتزويد المحافظات الغربية بالطاقة بأسعار تفضيلية. "
    "وأضاف أن الجانبين ناقشا أيضا تسهيل حركة الشاحنات عبر منفذ طريبيل الحدودي وزيادة التبادل التجاري "
    "الذي بلغ العام الماضي نحو مليار دولار. "
    "من جهته أكد السوداني أن حكومته ماضية في تنويع مصادر الطاقة وتقليل الاعتماد على الغاز المستورد، "
    "مشيرا إلى أن لجنة فنية مشتركة ستجتمع الشهر المقبل لوضع الجدول الزمني للمشروع."
)

# The same wire text as run by a second outlet: new headline, a few words changed,
# the last sentence cut.
VISIT_COPY_BODY = (
    "وصل وزير الخارجية الأردني أيمن الصفدي إلى العاصمة العراقية بغداد صباح الأحد في زيارة رسمية تستمر يومين "
    "يبحث خلالها مع رئيس الوزراء العراقي محمد شياع السوداني مشروع الربط الكهربائي بين البلدين. "
    "وقال الصفدي خلال مؤتمر صحفي إن المرحلة الأولى من الخط ستدخل الخدمة قبل نهاية فصل الصيف، "
    "وإن الأردن مستعد لتزويد المحافظات الغربية بالطاقة بأسعار تفضيلية. "
    "وأضاف أن الجانبين ناقشا كذلك تسهيل حركة الشاحنات عبر منفذ طريبيل الحدودي وزيادة التبادل التجاري "
    "الذي بلغ العام الماضي قرابة مليار دولار."
)

AGREEMENT_BODY = (
    "وقع الأردن والعراق في بغداد يوم الاثنين اتفاقا لتنفيذ المرحلة الأولى من الربط الكهربائي، "
    "في ختام زيارة وزير الخارجية الأردني الصفدي التي التقى فيها رئيس الوزراء السوداني. "
    "وينص الاتفاق على مد خط بطول ثلاثمئة كيلومتر من محطة الريشة إلى الرمادي. "
    "وقال مسؤول في وزارة الكهرباء العراقية إن الخط سيوفر نحو مئتي ميغاواط للمحافظات الغربية."
)

FLOOD_BODY = (
    "أجبرت فيضانات مفاجئة مئات الأسر على النزوح من قرى في محافظة ميسان جنوبي العراق بعد أمطار غزيرة "
    "هطلت طوال الليل. وقال الدفاع المدني إن فرقه أجلت أكثر من ألف شخص وإن المياه غمرت مئات المنازل "
    "والحقول الزراعية. وطالب سكان محليون السلطات بتعويضهم عن خسائر المحاصيل ومواشيهم التي نفقت، "
    "فيما حذرت هيئة الأنواء الجوية من موجة أمطار جديدة خلال الأيام المقبلة."
)

LATER_VISIT_BODY = (
    "عاد وزير الخارجية الأردني أيمن الصفدي إلى بغداد الثلاثاء لمتابعة مشروع الربط الكهربائي بين البلدين "
    "مع رئيس الوزراء العراقي محمد شياع السوداني، بعد أسبوعين من توقيع اتفاق المرحلة الأولى. "
    "وقال الصفدي إن العمل في الخط يسير وفق الجدول الزمني المتفق عليه."
)


# Other news of the same days: a collection of one story alone would make every
# word look distinctive (the weights of story words come from how rare they are).
BACKGROUND = [
    ("bg1", "tv", "2024-03-10", "المنتخب الأردني يفوز على نظيره الكويتي في تصفيات كأس العالم",
     "حقق المنتخب الأردني لكرة القدم فوزا ثمينا على نظيره الكويتي بهدفين مقابل هدف في المباراة التي "
     "جرت مساء السبت ضمن التصفيات الآسيوية المؤهلة إلى كأس العالم، ليتصدر مجموعته برصيد عشر نقاط."),
    ("bg2", "daily", "2024-03-11", "ارتفاع أسعار الذهب إلى مستوى قياسي مع تراجع الدولار",
     "صعدت أسعار الذهب في تعاملات الاثنين إلى أعلى مستوى لها على الإطلاق مدفوعة بتراجع الدولار "
     "وتوقعات خفض أسعار الفائدة، فيما ارتفعت الفضة بنسبة اثنين في المئة."),
    ("bg3", "wire", "2024-03-11", "البرلمان اللبناني يفشل مجددا في انتخاب رئيس للجمهورية",
     "فشل مجلس النواب اللبناني للمرة الثالثة عشرة في انتخاب رئيس للجمهورية بعد أن عجز أي مرشح "
     "عن الحصول على الأغلبية المطلوبة، وأرجأ رئيس المجلس الجلسة إلى موعد لم يحدد."),
    ("bg4", "tv", "2024-03-12", "عاصفة رملية تعطل حركة الطيران في مطارات الخليج",
     "تسببت عاصفة رملية كثيفة في تأخير عشرات الرحلات الجوية وإغلاق طرق رئيسية في عدة دول خليجية، "
     "وحذرت هيئات الأرصاد السكان من الخروج إلا للضرورة."),
]


def article(id, source, published, title, body, entities=(), events=()):
    """An article object as `hadath extract` prints it; entities are
    (id, type, name, latin, actor, country) found by their name in the text,
    events are dicts whose actors and trigger are given by the words they cover."""
    text = title + "\n" + body
    entity_dicts = []
    for eid, etype, name, latin, actor, country in entities:
        mentions, start = [], text.find(name)
        while start >= 0:
            mentions.append([start, start + len(name)])
            start = text.find(name, start + 1)
        assert mentions, name
        entity_dicts.append({"id": eid, "type": etype, "name": name, "latin": latin,
                             "mentions": mentions, "country": country, "actor": actor,
                             "geo": None, "role": None})
    event_dicts = []
    for ev in events:
        trigger = text.index(ev["trigger"])
        sentence_end = text.find(".", trigger)
        event_dicts.append({
            "plover": ev["plover"], "mode": None, "cameo": ev.get("cameo", "040"),
            "goldstein": ev.get("goldstein", 1.0), "quad_class": ev.get("quad_class", 1),
            "source": _actor(text, ev["source"]),
            "target": _actor(text, ev["target"]) if ev.get("target") else None,
            "trigger": [trigger, trigger + len(ev["trigger"])],
            "sentence": [0 if trigger < len(title) else len(title) + 1,
                         sentence_end + 1 if sentence_end > 0 else len(text)],
            "date": ev.get("date"), "location": ev.get("location"), "negated": False,
            "reported_by": None, "confidence": 0.8})
    return {"id": id, "url": f"https://{source}.example/{id}", "source": source, "title": title,
            "published": published, "language": "ar", "encoding": None, "text": text,
            "entities": entity_dicts, "quotes": [], "events": event_dicts}


def _actor(text, actor):
    entity, code, country, words = actor
    start = text.index(words)
    return {"entity": entity, "actor": code, "country": country, "text": words,
            "span": [start, start + len(words)]}


SAFADI = ("e1", "PER", "أيمن الصفدي", "Ayman Safadi", "JORGOV", "JOR")
SAFADI_SHORT = ("e1", "PER", "الصفدي", None, "JORGOV", "JOR")
SUDANI = ("e2", "PER", "محمد شياع السوداني", "Mohammed Shia al-Sudani", "IRQGOV", "IRQ")
SUDANI_SHORT = ("e2", "PER", "السوداني", None, "IRQGOV", "IRQ")
BAGHDAD = ("e3", "GPE", "بغداد", "Baghdad", None, "IRQ")
IRAQ = ("e4", "GPE", "العراق", "Iraq", "IRQ", "IRQ")
JORDAN = ("e5", "GPE", "الأردن", "Jordan", "JOR", "JOR")
MAYSAN = ("e6", "GPE", "ميسان", "Maysan", None, "IRQ")

MEETING = {"plover": "CONSULT", "cameo": "040", "trigger": "يبحث",
           "source": ("e1", "JORGOV", "JOR", "أيمن الصفدي"),
           "target": ("e2", "IRQGOV", "IRQ", "محمد شياع السوداني"), "location": "e3"}


def visit_stories() -> list[dict]:
    """Stories A, B and C, in a shuffled order (the builder sorts by date)."""
    a1 = article("a1", "wire", "2024-03-10", "الصفدي يصل إلى بغداد لبحث الربط الكهربائي مع العراق",
                 VISIT_BODY, [SAFADI, SUDANI, BAGHDAD], [{**MEETING, "date": "2024-03-10"}])
    a2 = article("a2", "daily", "2024-03-10", "وزير الخارجية الأردني في العراق لبحث ملف الطاقة",
                 VISIT_COPY_BODY, [SAFADI, SUDANI, BAGHDAD], [{**MEETING, "date": "2024-03-10"}])
    a3 = article("a3", "tv", "2024-03-11", "الأردن والعراق يوقعان اتفاق الربط الكهربائي خلال زيارة الصفدي لبغداد",
                 AGREEMENT_BODY, [SAFADI_SHORT, SUDANI_SHORT, BAGHDAD, JORDAN, IRAQ],
                 [{"plover": "CONSULT", "cameo": "040", "trigger": "التقى",
                   "source": ("e1", "JORGOV", "JOR", "الصفدي"),
                   "target": ("e2", "IRQGOV", "IRQ", "السوداني"), "location": "e3",
                   "date": "2024-03-11"},
                  {"plover": "AGREE", "cameo": "057", "trigger": "وقع",
                   "source": ("e5", "JOR", "JOR", "الأردن"), "target": ("e4", "IRQ", "IRQ", "والعراق"),
                   "location": "e3", "date": "2024-03-11"},
                  {"plover": "CONSULT", "cameo": "040", "trigger": "زيارة",
                   "source": ("e1", "JORGOV", "JOR", "الصفدي"),
                   "target": ("e2", "IRQGOV", "IRQ", "السوداني"), "location": "e3",
                   "date": "2024-03-14"}])
    b1 = article("b1", "daily", "2024-03-10", "فيضانات في جنوب العراق تجبر مئات الأسر على النزوح",
                 FLOOD_BODY, [MAYSAN, IRAQ],
                 [{"plover": "DEMAND", "cameo": "100", "trigger": "وطالب",
                   "source": (None, "IRQCVL", "IRQ", "سكان محليون"), "location": "e6"}])
    c1 = article("c1", "wire", "2024-03-26", "الصفدي يعود إلى بغداد لمتابعة الربط الكهربائي",
                 LATER_VISIT_BODY, [SAFADI, SUDANI, BAGHDAD],
                 [{"plover": "CONSULT", "cameo": "040", "trigger": "لمتابعة",
                   "source": ("e1", "JORGOV", "JOR", "أيمن الصفدي"),
                   "target": ("e2", "IRQGOV", "IRQ", "محمد شياع السوداني"), "location": "e3",
                   "date": "2024-03-26"}])
    background = [article(*fields) for fields in BACKGROUND]
    return [c1, a3, b1, a1, a2, *background]
