"""CPU cost of each build stage per article, and the throughput ceiling it implies.

The full-build benchmark (`run.py`) says how fast the build is; this says where a faster
build would have to come from. It runs the stages a worker runs, one article at a time in
this process (after ``tables.warm_up()``, as the workers start), on the generated 1k corpus,
and times each with ``time.process_time`` (CPU, so a busy machine inflates it less):

- read: ``corpus.read_file`` (decode, front matter, HTML text);
- clean: ``clean.clean_article`` (line labels, glued words, sentences);
- extract: ``extract.extract_article`` (meetings, people, agreements, commitments, themes);
- encode: ``tables.encode_article`` (rows to CSV text for the parent).

"Ceiling" is the articles/s the machine's cores could reach if that stage and those before
it were all a build did (perfect parallel scaling, a parent that costs nothing). The parent
process (merge, validation, writing) is not in these figures; ``run.py`` measures it with
the rest.

    python benchmarks/stages.py                  # `make bench` runs this after run.py
    python benchmarks/stages.py --size 1000 --repeat 3 --no-write
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
from run import CORPORA, _label, write_results  # noqa: E402

BEGIN, END = "<!-- stages.py:begin -->", "<!-- stages.py:end -->"
STAGES = ("read", "clean", "extract", "encode")


def stage_seconds(corpus: Path) -> tuple[dict[str, float], int]:
    """CPU seconds spent in each stage over every file of `corpus`, and the article count."""
    from defcoop.build import tables
    from defcoop.ingest.clean import clean_article
    from defcoop.ingest.corpus import list_corpus_files, read_file
    from defcoop.extract.article import extract_article
    from defcoop.schemas import required_columns

    tables.warm_up()
    required_columns("articles")        # pandera is imported once in a build, not per article
    clock = time.process_time
    spent = dict.fromkeys(STAGES, 0.0)
    articles = 0
    for path in list_corpus_files(corpus):
        started = clock()
        raws, _rejects = read_file(path, corpus)
        spent["read"] += clock() - started
        for raw in raws:
            started = clock()
            cleaned = clean_article(raw)
            spent["clean"] += clock() - started
            started = clock()
            records = extract_article(cleaned, raw)
            spent["extract"] += clock() - started
            started = clock()
            tables.encode_article(raw, records)
            spent["encode"] += clock() - started
            articles += 1
    return spent, articles


def table(per_article_ms: dict[str, float], cores: int) -> list[str]:
    """Markdown rows: ms per article, share, and the cumulative ceiling on `cores` cores.

    >>> table({"read": 0.5, "clean": 1.5, "extract": 0.0, "encode": 0.0}, 2)[2]
    '| read | 0.50 | 25 % | 4,000 |'
    """
    total = sum(per_article_ms.values())
    lines = ["| stage | CPU ms per article | share | ceiling, articles/s on "
             f"{cores} cores, if the build were only this stage and those above |",
             "|---|---:|---:|---:|"]
    cumulative = 0.0
    for stage in STAGES:
        ms = per_article_ms[stage]
        cumulative += ms
        ceiling = f"{cores * 1000 / cumulative:,.0f}" if cumulative else "—"
        lines.append(f"| {stage} | {ms:.2f} | {ms / total:.0%} | {ceiling} |".replace("%", " %"))
    lines.append(f"| **all** | **{total:.2f}** | 100 % | **{cores * 1000 / total:,.0f}** |")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="articles in the generated corpus")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus (median per stage)")
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    args = parser.parse_args(argv)
    corpus = generate.generate(CORPORA / _label(args.size), args.size)
    passes = []
    articles = 0
    for number in range(args.repeat):
        spent, articles = stage_seconds(corpus)
        passes.append(spent)
        print(f"stages pass {number + 1}/{args.repeat}: {sum(spent.values()):.1f} CPU s", file=sys.stderr, flush=True)
    per_article_ms = {stage: statistics.median(p[stage] for p in passes) / articles * 1000 for stage in STAGES}
    cores = os.cpu_count() or 1
    lines = [f"Run of {time.strftime('%Y-%m-%d %H:%M')} by `benchmarks/stages.py` (`make bench`): "
             f"{articles:,} articles of the {_label(args.size)} corpus, one process, median of "
             f"{args.repeat} passes.", "", *table(per_article_ms, cores)]
    block = "\n".join(lines)
    print(block)
    if not args.no_write:
        write_results(block, BEGIN, END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
