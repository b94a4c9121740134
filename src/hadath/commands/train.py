"""`hadath train ner`: train the named-entity model from a CoNLL file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "train the named-entity model (ANERcorp-style CoNLL: `token TAG` a line)"
DEFAULT_DATA = Path("..") / "shared" / "data" / "anercorp" / "ANERcorp-train.txt"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", choices=["ner"], help="which model to train")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"training file (default {DEFAULT_DATA})")
    parser.add_argument("--holdout", type=_share, default=0.1,
                        help="share of sentences, from the end, kept out of training and scored "
                             "(default 0.1; 0 trains on everything, as for the shipped model)")
    parser.add_argument("--out", type=Path, help="model file (default: the package's own model)")
    parser.add_argument("--dev-out", type=Path, metavar="PATH",
                        help="also write the held-out sentences there (for score_dev.py ner)")


def _share(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0 <= share < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a share between 0 and 1")
    return share


def run(args: argparse.Namespace) -> int:
    from ..entities.gazetteer import Gazetteer
    from ..entities.ner import MODEL_PATH, NerTagger
    from ..entities.recognizer import match_tags
    from ..entities.train import DataError, evaluate, read_conll, split, train, write_conll

    if not args.data.is_file():
        print(f"hadath: {args.data}: training file not found (give one with --data)", file=sys.stderr)
        return 2
    try:
        sentences = read_conll(args.data)
    except DataError as exc:
        print(f"hadath: {exc}", file=sys.stderr)
        return 2
    gazetteer = Gazetteer.load()

    def gazetteer_tags(tokens):
        return match_tags(gazetteer.match(tokens), len(tokens))

    training, held = split(sentences, args.holdout)
    out = args.out or MODEL_PATH
    print(f"{len(training)} training sentences, {len(held)} held out")
    if args.dev_out and held:
        write_conll(held, args.dev_out)
    train(training, out, gazetteer_tags)
    if held:
        scores = evaluate(held, NerTagger.load(out), gazetteer_tags)
        for kind, (p, r, f) in scores.items():
            print(f"  {kind:4s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0
