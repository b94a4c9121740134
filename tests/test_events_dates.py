"""Event dates resolved against the publication date."""
import datetime as dt

import pytest

from hadath.events.dates import gregorian_to_hijri, hijri_to_gregorian, resolve_date

MONDAY = dt.date(2022, 9, 19)


@pytest.mark.parametrize("text, expected", [
    ("أكد الوزير اليوم الإثنين أن", "2022-09-19"),
    ("وصل الوفد الجمعة إلى", "2022-09-16"),
    ("اجتمع الطرفان الإثنين الماضي", "2022-09-12"),
    ("قال أمس إن", "2022-09-18"),
    ("قصفت الطائرات الليلة الماضية", "2022-09-18"),
    ("وقعت الاشتباكات أول من أمس", "2022-09-17"),
    ("في 5 يوليو/تموز 2021", "2021-07-05"),
    ("في 14 جويلية", "2022-07-14"),
    ("يوم 3 يوليوز", "2022-07-03"),
    ("في 2 كانون الثاني", "2022-01-02"),
])
def test_dates_resolve(text, expected):
    assert resolve_date(text, MONDAY) == expected


@pytest.mark.parametrize("text", ["التقى الوزيران لبحث الأزمة", "أكد قبل أيام أن",
                                  "في الأسبوع الماضي"])
def test_undated_or_vague_gives_none(text):
    assert resolve_date(text, MONDAY) is None


def test_relative_dates_need_a_publication_date():
    assert resolve_date("قال أمس", None) is None
    assert resolve_date("في 5 يوليو 2021", None) == "2021-07-05"


def test_hijri_dates_land_within_a_day_of_the_observed_calendar():
    # 1 Ramadan 1443 was observed on 2 April 2022; 10 Dhu al-Hijjah 1443 on 9 July 2022.
    ramadan = dt.date.fromisoformat(resolve_date("بدأ في 1 رمضان 1443", MONDAY))
    assert abs((ramadan - dt.date(2022, 4, 2)).days) <= 1
    adha = dt.date.fromisoformat(resolve_date("يوم 10 ذو الحجة", MONDAY))
    assert abs((adha - dt.date(2022, 7, 9)).days) <= 1


def test_hijri_round_trip():
    for day in (dt.date(2022, 9, 19), dt.date(2018, 6, 15), dt.date(2000, 1, 1)):
        assert hijri_to_gregorian(*gregorian_to_hijri(day)) == day
