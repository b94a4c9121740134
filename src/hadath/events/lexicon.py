"""The Arabic event lexicon: words and phrases that assert an event, and the words
that make its code more specific.

Entries are written by the project in `resources/events/lexicon.txt` (its header
explains the format); verbs are given as one past and one present form and every
conjugation is generated here, so the file stays readable. Everything is
normalised with `hadath.text.normalize` and looked up by dictionary, once per token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

from ..text.normalize import normalize


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    kind: str                  # "v" verb, "n" noun, "p" phrase
    lemma: str                 # the form as written in the lexicon, for reading matches
    weak: bool = False
    protest: bool = False
    sym: bool = False
    object: bool = False
    arms: bool = False         # names a weapon: a deal or a test of it is no attack
    need: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(slots=True)
class Modifier:
    bases: frozenset[str]
    pattern: re.Pattern
    code: str


@dataclass(slots=True)
class Lexicon:
    words: dict[str, list[Entry]] = field(default_factory=dict)
    # first word of a phrase → [(remaining words, entry)], longest first
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    modifiers: list[Modifier] = field(default_factory=list)
    # present-tense verbs in the first person (نتظاهر، أزور): speakers' stances and plans
    first_person: set[str] = field(default_factory=set)
    present: set[str] = field(default_factory=set)
    # passives that the script shows without vowels (اغتيل، اختيرت)
    passive: set[str] = field(default_factory=set)

    @classmethod
    def load(cls) -> "Lexicon":
        lexicon = cls()
        for line in _read("lexicon.txt"):
            lexicon._add_line(line)
        for words in lexicon.phrases.values():
            words.sort(key=lambda pair: -len(pair[0]))
        for line in _read("modifiers.txt"):
            bases, words, code = line.split("\t")
            alternatives = "|".join(re.escape(normalize(w)) for w in words.split("|"))
            pattern = re.compile(r"(?:^|\s)[وفبلك]{0,2}(?:" + alternatives + ")")
            lexicon.modifiers.append(Modifier(frozenset(bases.split("|")), pattern, code))
        return lexicon

    def _add_line(self, line: str) -> None:
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"lexicon.txt: malformed line {line!r}")
        code, kind, forms = parts[:3]
        flags = parts[3].split(",") if len(parts) > 3 and parts[3] else []
        options = {"need": (), "exclude": ()}
        for flag in flags:
            if flag.startswith("need="):
                options["need"] = tuple(normalize(w) for w in flag[5:].split("|"))
            elif flag.startswith("not="):
                options["exclude"] = tuple(normalize(w) for w in flag[4:].split("|"))
        entry = Entry(code, kind, forms.split("|")[0], weak="weak" in flags,
                      protest="protest" in flags, sym="sym" in flags, object="object" in flags,
                      arms="arms" in flags,
                      **options)
        if kind == "v":
            past, present = forms.split("|")
            present_form = normalize(present) if present != "-" else None
            surface = verb_forms(normalize(past) if past != "-" else None, present_form,
                                 bare="nobare" not in flags)
            passives = hollow_passives(normalize(past)) if past != "-" else set()
            surface |= passives
            self.passive |= passives
            if present_form:
                self.present |= verb_forms(None, present_form)
                self.first_person |= {"ن" + present_form[1:], "ا" + present_form[1:]} - surface_past(
                    normalize(past) if past != "-" else None)
        else:
            surface = {normalize(f) for f in forms.split("|")}
        for form in surface:
            words = form.split()
            if len(words) > 1:
                self.phrases.setdefault(words[0], []).append((tuple(words[1:]), entry))
            else:
                self.words.setdefault(form, []).append(entry)

    def lookup(self, form: str) -> list[Entry]:
        return self.words.get(form, [])

    def refine(self, code: str, complement: str) -> str:
        """The more specific code that the words following a trigger call for."""
        for modifier in self.modifiers:
            if code in modifier.bases and modifier.pattern.search(complement):
                return modifier.code
        return code


def _read(name: str) -> list[str]:
    text = resources.files("hadath").joinpath(f"resources/events/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def surface_past(past: Optional[str]) -> set[str]:
    return verb_forms(past, None) if past else set()


def hollow_passives(past: str) -> set[str]:
    """The passive past of a derived hollow verb: its long ا turns into ي (اغتال → اغتيل،
    اغتيلت، اغتيلوا); shorter stems (زار، قاد) are left alone, their passives being rare."""
    if len(past) < 5 or past[-2] != "ا":
        return set()
    stem = past[:-2] + "ي" + past[-1]
    return {stem, stem + "ت", stem + "وا", stem + "ا", stem + "تا"}


def verb_forms(past: Optional[str], present: Optional[str], bare: bool = True) -> set[str]:
    """Conjugations of a verb from its normalised 3rd person masculine singular past
    and present forms: `زار`, `يزور` → زارت، زاروا، زارا، تزور، يزورون، نزور...

    Unvocalised Arabic writes most passives like the active (اعتقل، يعتقل), so they
    come with these forms; telling them apart is the coder's job."""
    forms: set[str] = set()
    if past:
        if past[-1] in "يا" and len(past) > 2:     # defective: التقى، دعا، أعفى
            base = past[:-1]
            forms |= {past, base + "ت", base + "وا", base + "يا", base + "تا", base + "ينا",
                      base + "يت"}
        else:
            forms |= {past, past + "ت", past + "وا", past + "ا", past + "تا", past + "نا",
                      past + "تم", past + "ن"}
        if not bare:
            forms.discard(past)
    if not present:
        return forms
    stem = present[1:]
    for prefix in "يتنا":
        forms.add(prefix + stem)
    if stem[-1] in "يو":                           # يلتقي → يلتقون، يدعو → يدعون
        weak = stem[:-1]
        forms |= {p + weak + s for p in "يت" for s in ("ون", "وا")} | {p + stem + "ان" for p in "يت"}
    else:
        forms |= {p + stem + s for p in "يت" for s in ("ون", "وا", "ان", "ا", "ين")}
        forms.add("ي" + stem + "ن")
    return forms
