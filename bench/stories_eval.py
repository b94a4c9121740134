"""Stories and event de-duplication on real corpus articles: how many events and
stories a week, with and without de-duplication, and a sample to check by hand.

    python bench/stories_eval.py [--weeks 2018-18:2018-21] [--shared ../shared]
                                 [--cache /tmp/stories_eval.jsonl] [--sample 30] [--sample-out FILE]

Takes every ANT corpus article published in the given ISO weeks (weeks 18–21 of
2018 are the last in which all five outlets publish: ~2,700 articles), analyses
them with `hadath extract --workers 2` (the output is cached: later runs reuse
it), builds the stories (hadath.stories.StoryBuilder) and prints, per week of
publication: articles, near-duplicate copies, stories (and those with several
articles), coded event reports, and events after de-duplication.

With --sample-out it writes N random stories of several articles and N random
merged events reported by several articles, with the headlines and sentences
needed to judge by hand whether each merge is right.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from email.utils import parsedate_to_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hadath.stories import StoryBuilder  # noqa: E402


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-{week:02d}"


def corpus_records(shared: Path, first: str, last: str) -> list[dict]:
    rows = []
    with gzip.open(shared / "corpus" / "ant_politics.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            try:
                day = parsedate_to_datetime(d["time"]).date()
            except (TypeError, ValueError):
                continue
            if first <= week_of(day) <= last:
                rows.append({"id": d["id"], "title": d["title"], "text": d["text"], "source": d["source"],
                             "url": d["url"], "published": day.isoformat()})
    return rows


def analysed(records: list[dict], cache: Path) -> list[dict]:
    """Extraction output for the records, from the cache when it was made from them
    (articles the extraction failed on are missing from it)."""
    wanted = {r["id"] for r in records}
    if cache.exists():
        docs = [json.loads(line) for line in cache.open(encoding="utf-8")]
        got = {d["id"] for d in docs}
        if got <= wanted and len(got) >= 0.98 * len(wanted):
            return docs
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    exe = ROOT / ".venv" / "bin" / "hadath"
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "hadath"]
    started = time.monotonic()
    with cache.open("w", encoding="utf-8") as out:
        # exit status 1 when some articles failed: they are reported and left out
        subprocess.run(command + ["extract", "--jsonl", "--workers", "2", f.name], stdout=out)
    print(f"analysed {len(records)} articles in {time.monotonic() - started:.0f} s", file=sys.stderr)
    Path(f.name).unlink()
    return [json.loads(line) for line in cache.open(encoding="utf-8")]


def weekly_table(docs: list[dict], result) -> list[dict]:
    week = {d["id"]: week_of(dt.date.fromisoformat(d["published"])) for d in docs}
    rows: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        w = rows[week[d["id"]]]
        w["articles"] += 1
        w["copies"] += d["id"] in result.duplicate_of
        w["event reports"] += len(d["events"])
    for story in result.stories:
        w = rows[week[story.articles[0]]]
        w["stories"] += 1
        w["stories of 2+ articles"] += story.num_articles > 1
        for event in story.events:
            rows[week[event.mentions[0].article]]["events merged"] += 1
    table = []
    for w in sorted(rows):
        r = rows[w]
        table.append({"week": w, **{k: r[k] for k in ("articles", "copies", "stories", "stories of 2+ articles",
                                                      "event reports", "events merged")}})
    return table


def write_sample(docs: list[dict], result, n: int, path: Path, seed: int) -> None:
    by_id = {d["id"]: d for d in docs}
    rng = random.Random(seed)
    stories = [s for s in result.stories if s.num_articles > 1]
    events = [e for e in result.events if e.num_articles > 1]
    lines = [f"# {n} of {len(stories)} stories with 2+ articles"]
    for i, s in enumerate(rng.sample(stories, min(n, len(stories))), 1):
        lines.append(f"\n## S{i} {s.id} «{s.title}» {s.first_seen}..{s.last_seen} "
                     f"articles={s.num_articles} sources={s.num_sources}")
        for key in s.articles:
            d = by_id[key]
            lines.append(f"  - {d['published']} {d['source']}: {d['title']}")
        for copy, first in s.duplicates.items():
            lines.append(f"  - copy {by_id[copy]['source']}: {by_id[copy]['title']}  (of {by_id[first]['title']})")
    lines.append(f"\n# {n} of {len(events)} merged events with 2+ articles")
    for i, e in enumerate(rng.sample(events, min(n, len(events))), 1):
        d = e.to_dict()
        src, tgt = d["source"], d["target"] or {}
        lines.append(f"\n## E{i} {d['plover']} {d['cameo']} {src['name']}[{src['actor']}] -> "
                     f"{tgt.get('name')}[{tgt.get('actor')}] at {d['location']} on {d['date']} "
                     f"articles={d['num_articles']} sources={d['num_sources']}")
        for m in d["mentions"]:
            text = by_id[m["article"]]["text"]
            s0, s1 = m["sentence"]
            t0, t1 = m["trigger"]
            lines.append(f"  - {m['source']} [{text[t0:t1]}] {text[s0:s1][:260]}".replace("\n", " "))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--weeks", default="2018-18:2018-21", help="first:last ISO week, YYYY-WW:YYYY-WW")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "hadath_stories_eval.jsonl")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--sample-out", type=Path)
    parser.add_argument("--seed", type=int, default=9, help="of the random sample")
    args = parser.parse_args()
    first, last = args.weeks.split(":")
    records = corpus_records(args.shared, first, last)
    docs = [d for d in analysed(records, args.cache) if d.get("published")]
    print(f"{len(records)} corpus articles in weeks {first}..{last}, {len(docs)} analysed", file=sys.stderr)
    started, cpu = time.monotonic(), time.process_time()
    result = StoryBuilder().build(docs)
    took, cpu = time.monotonic() - started, time.process_time() - cpu
    table = weekly_table(docs, result)
    names = list(table[0])
    print(" | ".join(names))
    total = Counter()
    for row in table:
        print(" | ".join(str(row[k]) for k in names))
        total.update({k: v for k, v in row.items() if k != "week"})
    print(" | ".join(["all"] + [str(total[k]) for k in names[1:]]))
    reports, merged = total["event reports"], total["events merged"]
    print(f"\n{len(docs)} articles from {len({d['source'] for d in docs})} outlets; "
          f"{total['copies']} near-duplicate copies ({total['copies'] / len(docs):.1%}); "
          f"{total['stories']} stories "
          f"({(total['articles'] - total['copies']) / max(1, total['stories']):.2f} articles each), "
          f"{total['stories of 2+ articles']} with 2+ articles; "
          f"{reports} event reports → {merged} events ({1 - merged / max(1, reports):.1%} fewer); "
          f"stories built in {took:.1f} s ({cpu:.1f} s CPU)")
    if args.sample_out:
        write_sample(docs, result, args.sample, args.sample_out, args.seed)
        print(f"sample for the hand check: {args.sample_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
