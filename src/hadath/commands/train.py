"""`hadath train ner`: train the named-entity model from a CoNLL file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = ("train the named-entity model (`ner`, from ANERcorp-style CoNLL: `token TAG` a line), "
        "the word classes it uses (`clusters`, from unlabelled news) or its neural second "
        "opinion (`neural`: word vectors from unlabelled news, then the network; needs hadath[train])")
DEFAULT_DATA = Path("..") / "shared" / "data" / "anercorp" / "ANERcorp-train.txt"
DEFAULT_CORPUS = Path("..") / "shared" / "corpus" / "ant_politics.jsonl.gz"
DEFAULT_WRITTEN = Path("data") / "ner" / "written-news.jsonl"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", choices=["ner", "clusters", "neural"], help="what to train")
    parser.add_argument("--data", type=Path,
                        help=f"training file (default {DEFAULT_DATA}; for clusters, "
                             f"JSON Lines articles, default {DEFAULT_CORPUS})")
    parser.add_argument("--written", type=Path,
                        help=f"ner, neural: the project's own annotated sentences (JSON Lines), "
                             f"trained on, never held out (for ner, default {DEFAULT_WRITTEN} when "
                             f"there; 'none' leaves them out; the network trains on ANERcorp alone "
                             f"unless given them)")
    parser.add_argument("--holdout", type=_share, default=0.1,
                        help="share of sentences, from the end, kept out of training and scored "
                             "(default 0.1; 0 trains on everything, as for the shipped model)")
    parser.add_argument("--out", type=Path, help="output file (default: the package's own)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"neural: unlabelled JSON Lines news for the word vectors (default {DEFAULT_CORPUS})")
    parser.add_argument("--vectors-from", type=Path, metavar="NPZ",
                        help="neural: take the word vectors of an earlier neural model instead of "
                             "learning them again (about 12 minutes)")
    parser.add_argument("--crf", type=Path,
                        help="neural: the CRF model it completes, scored with it on the held-out "
                             "sentences (default: the package's own)")
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


def _written_path(given: Path | None, model: str) -> Path | None:
    # The network trains on ANERcorp alone by default: trained on the written
    # sentences too, it scored below on held-out data (0.801 against 0.813 with
    # the same CRF), the two models then erring more alike.
    if given is None:
        return DEFAULT_WRITTEN if model == "ner" else None
    return None if str(given) == "none" else given


def run(args: argparse.Namespace) -> int:
    from ..entities.gazetteer import Gazetteer
    from ..entities.ner import CLUSTERS_PATH, MODEL_PATH, NerTagger, load_clusters, write_word_table
    from ..entities.recognizer import match_tags
    from ..entities.train import (DataError, build_clusters, evaluate, read_conll, read_written, split,
                                  train, write_conll)

    data = args.data or (DEFAULT_CORPUS if args.model == "clusters" else DEFAULT_DATA)
    if not data.is_file():
        print(f"hadath: {data}: training file not found (give one with --data)", file=sys.stderr)
        return 2
    if args.model == "clusters":
        build_clusters(data, args.out or CLUSTERS_PATH)
        return 0
    if args.model == "neural" and not (args.vectors_from or args.corpus).is_file():
        print(f"hadath: {args.vectors_from or args.corpus}: "
              f"{'earlier model' if args.vectors_from else 'unlabelled news'} not found "
              f"(give it with {'--vectors-from' if args.vectors_from else '--corpus'})", file=sys.stderr)
        return 2
    args.data = data
    written_path = _written_path(args.written, args.model)
    if args.written and written_path and not written_path.is_file():
        print(f"hadath: {written_path}: annotated sentences not found", file=sys.stderr)
        return 2
    try:
        sentences = read_conll(args.data)
        written = read_written(written_path) if written_path and written_path.is_file() else []
    except DataError as exc:
        print(f"hadath: {exc}", file=sys.stderr)
        return 2
    gazetteer = Gazetteer.load()

    def gazetteer_tags(tokens):
        return match_tags(gazetteer.match(tokens), len(tokens))

    training, held = split(sentences, args.holdout)
    print(f"{len(training)} training sentences, {len(held)} held out, "
          f"and {len(written)} of the project's own ({written_path if written else 'none'})")
    training += written
    if args.model == "neural":
        return _train_neural(args, training, held, gazetteer_tags)
    out = args.out or MODEL_PATH
    if args.dev_out and held:
        write_conll(held, args.dev_out)
    clusters = load_clusters()
    train(training, out, clusters, gazetteer_tags)
    print(f"precomputed word scores: {write_word_table(out)}")
    if held:
        scores = evaluate(held, NerTagger.load(out, clusters), gazetteer_tags)
        for kind, (p, r, f) in scores.items():
            print(f"  {kind:4s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0


def _train_neural(args: argparse.Namespace, training, held, gazetteer_tags) -> int:
    from ..entities.ner import MODEL_PATH, NerTagger, neural_path
    from ..entities.train import evaluate

    try:
        from ..entities.train_neural import train_network, vectors_of, word_vectors
    except ImportError as exc:
        print(f"hadath: training the neural model needs PyTorch and gensim "
              f"(pip install 'hadath[train]'): {exc}", file=sys.stderr)
        return 2
    crf = args.crf or MODEL_PATH
    out = args.out or neural_path(crf)
    words, vectors = vectors_of(args.vectors_from) if args.vectors_from else word_vectors(args.corpus)
    train_network(training, words, vectors, out, gazetteer_tags)
    print(f"written: {out}")
    if held and crf.exists():
        print(f"held out, with the CRF {crf}:")
        for label, neural in (("CRF alone", None), ("CRF + neural", out)):
            scores = evaluate(held, NerTagger.load(crf, neural=neural), gazetteer_tags)
            p, r, f = scores["ALL"]
            print(f"  {label:12s} P={p:.3f} R={r:.3f} F1={f:.3f}  "
                  + " ".join(f"{k} {v[2]:.3f}" for k, v in scores.items() if k != "ALL"))
    return 0
