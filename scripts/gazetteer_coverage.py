"""How much of ANERcorp's annotated names the gazetteer finds (a measurement, not a test).

    .venv/bin/python scripts/gazetteer_coverage.py [--missed N]

For each gold LOC, ORG and PERS span of ANERcorp-train, counts whether a
gazetteer match ends where the span ends and starts at most a clitic after its
start (ANERcorp words keep their clitics: وسوريا is one LOC token), and whether
the match offers the matching type. Also times `Gazetteer.match`.
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

from hadath.entities.gazetteer import Gazetteer
from hadath.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HADATH_SHARED", ROOT.parent / "shared"))
ANERCORP = SHARED / "data" / "anercorp" / "ANERcorp-train.txt"
TYPES = {"LOC": {"GPE", "LOC"}, "ORG": {"ORG"}, "PERS": {"PER"}}


def sentences(path: Path):
    sentence = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split()
        if len(parts) != 2:
            continue
        sentence.append(parts)
        if parts[0] in (".", "!", "?"):
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def gold_spans(sentence, offsets):
    i = 0
    while i < len(sentence):
        tag = sentence[i][1]
        if tag.startswith("B-") and tag[2:] in TYPES:
            kind, j = tag[2:], i + 1
            while j < len(sentence) and sentence[j][1] == "I-" + kind:
                j += 1
            yield kind, offsets[i][0], offsets[j - 1][1], " ".join(w for w, _ in sentence[i:j])
            i = j
        else:
            i += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--missed", type=int, default=0, help="list the N most frequent missed LOC names")
    args = parser.parse_args()
    if not ANERCORP.exists():
        print(f"{ANERCORP}: not found (set HADATH_SHARED)", file=sys.stderr)
        return 1
    gazetteer = Gazetteer.load()
    total, found, typed = collections.Counter(), collections.Counter(), collections.Counter()
    missed = collections.Counter()
    tokens_seen, match_time = 0, 0.0
    for sentence in sentences(ANERCORP):
        text, offsets = "", []
        for word, _ in sentence:
            offsets.append((len(text), len(text) + len(word)))
            text += word + " "
        tokens = tokenize(text)
        tokens_seen += len(tokens)
        started = time.process_time()
        matches = gazetteer.match(tokens)
        match_time += time.process_time() - started
        by_end = {m.end: m for m in matches}
        for kind, start, end, words in gold_spans(sentence, offsets):
            total[kind] += 1
            m = by_end.get(end)
            if m and start <= m.start < start + 3:
                found[kind] += 1
                typed[kind] += any(c.type in TYPES[kind] for c in m.candidates)
            elif kind == "LOC":
                missed[words] += 1
    for kind in TYPES:
        print(f"{kind}: {found[kind]}/{total[kind]} spans matched ({found[kind] / total[kind]:.1%}), "
              f"{typed[kind] / total[kind]:.1%} with the right type")
    print(f"Gazetteer.match: {tokens_seen / match_time:,.0f} tokens/s (CPU time)")
    for words, count in missed.most_common(args.missed):
        print(count, words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
