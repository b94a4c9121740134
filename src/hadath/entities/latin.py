"""Readable Latin transliteration of Arabic names not in the gazetteer.

Arabic writes long vowels only, so a letter-by-letter transcription
(`محمد` → `mhmd`) is unreadable. `transliterate` uses the spellings of common
name parts (Muhammad, Abdul, al-) and otherwise writes consonants with an `a`
breaking consonant clusters and و/ي as vowels between consonants. It aims at a
name a reader recognises, not at a reversible scheme.
"""
from __future__ import annotations

import re

from ..text.normalize import normalize

# Conventional spellings of frequent name parts (normalised Arabic → Latin).
KNOWN_WORDS = {
    "محمد": "Mohammed", "احمد": "Ahmed", "محمود": "Mahmoud", "مصطفي": "Mustafa",
    "علي": "Ali", "حسن": "Hassan", "حسين": "Hussein", "عمر": "Omar", "عثمان": "Othman",
    "خالد": "Khaled", "يوسف": "Youssef", "ابراهيم": "Ibrahim", "اسماعيل": "Ismail",
    "عبد": "Abdel", "الله": "Allah", "عبدالله": "Abdullah", "الرحمن": "Rahman",
    "عبدالعزيز": "Abdulaziz", "العزيز": "Aziz", "سلمان": "Salman", "فيصل": "Faisal",
    "سعد": "Saad", "سعيد": "Said", "صالح": "Saleh", "جمال": "Jamal", "كمال": "Kamal",
    "نبيه": "Nabih", "بري": "Berri", "ميشال": "Michel", "ميشيل": "Michel", "عون": "Aoun",
    "بشار": "Bashar", "الاسد": "al-Assad", "حافظ": "Hafez", "رجب": "Recep", "طيب": "Tayyip",
    "اردوغان": "Erdogan", "فلاديمير": "Vladimir", "بوتين": "Putin", "دونالد": "Donald",
    "ترامب": "Trump", "جو": "Joe", "بايدن": "Biden", "نيكولاي": "Nikolai",
    "سيرغي": "Sergei", "سيرجي": "Sergei", "لافروف": "Lavrov", "شي": "Xi", "جين": "Jin",
    "بينغ": "Ping", "بنيامين": "Benjamin", "نتنياهو": "Netanyahu", "ابو": "Abu",
    "بن": "bin", "ابن": "Ibn", "بنت": "bint", "الدين": "al-Din", "نور": "Nour",
    "فاطمه": "Fatima", "عايشه": "Aisha", "مريم": "Maryam", "زينب": "Zainab",
    "جون": "John", "جورج": "George", "ديفيد": "David", "مايكل": "Michael",
    "مايك": "Mike", "بومبيو": "Pompeo", "ايمانويل": "Emmanuel", "ماكرون": "Macron",
}

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ء": "'", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}
_LONG = {"ا": "a", "و": "u", "ي": "i"}
_WORD = re.compile(r"[\u0621-\u064A\u067E\u0686\u06A4\u06AF]+")


def transliterate(arabic: str) -> str:
    """`'نيكولاي باتروشيف'` → `'Nikulay Batrushif'`; non-Arabic text is kept."""
    return _WORD.sub(lambda m: _word(m.group()), normalize(arabic)).strip()


def _word(word: str) -> str:
    if word in KNOWN_WORDS:
        return KNOWN_WORDS[word]
    if word.startswith("ال") and len(word) > 3:
        rest = word[2:]
        if rest in KNOWN_WORDS:
            return "al-" + KNOWN_WORDS[rest]
        # Sun letters assimilate the article in speech, but names keep "al-".
        return "al-" + _spell(rest).capitalize()
    return _spell(word).capitalize()


def _spell(word: str) -> str:
    # Letter pairs that transcribe one foreign sound (تشي → chi, بينغ → ping).
    word = word.replace("تش", "چ")
    if word.endswith("نغ"):
        word = word[:-1] + "گ"
    out: list[str] = []
    run = 0        # consonants written since the last vowel
    for i, ch in enumerate(word):
        last = i == len(word) - 1
        if ch == "ه" and last and i > 0:
            out.append("a")          # ta marbuta (folded to ه) reads as -a
            run = 0
        elif ch == "ا" or (ch in _LONG and run and i > 0):
            out.append(_LONG[ch])    # و ي after a consonant are long vowels
            run = 0
        elif ch in _LONG or ch in _CONSONANTS:
            # Arabic leaves short vowels unwritten: break clusters no speaker says.
            if run >= (1 if len(out) == run else 2):
                out.append("a")
                run = 0
            out.append(_CONSONANTS.get(ch) or ("w" if ch == "و" else "y"))
            run += 1
    return "".join(out).replace("''", "'").strip("'")
