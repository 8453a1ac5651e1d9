"""Command line: `python -m defcoop build`, `evaluate`, `export`, `devset`, `report` and `cache`.

Errors a user can fix (a missing corpus, a bad override row, a broken codebook) print one
line naming the file and the problem and exit with status 2; nothing is written.

>>> main(["build", "--corpus", "seeds", "--out", "data/processed"])   # doctest: +SKIP
0
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from defcoop.paths import DEFAULT_CORPUS, PROCESSED_DIR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m defcoop", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the tables from a corpus folder")
    build.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus folder (default: seeds)")
    build.add_argument("--out", default=str(PROCESSED_DIR), help="output folder (default: data/processed)")
    build.add_argument("--jobs", type=int, default=None,
                       help="worker processes (default: every core; same output for any N)")
    build.add_argument("--overrides", default=None, help="analyst corrections CSV (default: data/overrides.csv)")
    build.add_argument("--quiet", action="store_true", help="no progress on stderr")
    build.add_argument("--no-store", action="store_true",
                       help="extract every article, neither reading nor writing the result store")

    export = commands.add_parser("export", help="write the built tables as an Excel workbook or Parquet files")
    export.add_argument("--format", dest="fmt", required=True, choices=("xlsx", "parquet"),
                        help="xlsx: one sheet per table and a README sheet; parquet: one typed file per table")
    export.add_argument("--tables", default=str(PROCESSED_DIR), help="folder with the built CSVs")
    export.add_argument("--out", required=True, help="file (xlsx) or folder (parquet) to write")

    cache = commands.add_parser("cache", help="report the size of the result store, cached tables and corpus digest memos")
    cache.add_argument("--clear", action="store_true", help="empty them (the next build extracts every article)")

    evaluate = commands.add_parser("evaluate", help="score the tables against hand-made gold answers")
    evaluate.add_argument("--gold", required=True, help="gold YAML (format: shared/eval/GOLD.md)")
    evaluate.add_argument("--tables", default=str(PROCESSED_DIR), help="folder with the built CSVs")
    evaluate.add_argument("--verbose", action="store_true", help="list every miss, grouped by class")
    evaluate.add_argument("--manifest", default=None,
                          help="a development set's manifest.yaml: also print the scores of each batch")
    evaluate.add_argument("--batch", type=int, action="append", default=None,
                          help="score only this batch of the manifest (repeatable; needs --manifest)")
    evaluate.add_argument("--built-only", action="store_true",
                          help="score only the gold articles the tables hold (after `devset --skip-unusable`); "
                               "the others are named, not counted as missed")

    devset = commands.add_parser("devset", help="check a real-article set's cached texts and write its corpus")
    devset.add_argument("--set", dest="set_dir", default="eval/real", help="set folder with manifest.yaml and .cache/")
    devset.add_argument("--out", default=None, help="corpus folder to write (default: SET/.cache/corpus)")
    devset.add_argument("--batch", type=int, action="append", default=None, help="only this batch (repeatable)")
    devset.add_argument("--skip-unusable", action="store_true",
                        help="leave out articles whose cached text is missing or differs from the manifest (named on stderr)")

    report = commands.add_parser("report", help="execute every notebook and write HTML pages and figures")
    report.add_argument("--notebooks", default="notebooks", help="folder of numbered notebooks")
    report.add_argument("--out", default="reports", help="output folder (figures go to OUT/figures)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "report":
            return _report(args)
        if args.command == "devset":
            return _devset(args)
        if args.command == "cache":
            return _cache(args)
        if args.command == "export":
            return _export(args)
        return _evaluate(args)
    except UserFacingError as error:
        print(f"defcoop: error: {error}", file=sys.stderr)
        return 2


def _user_errors() -> tuple[type[Exception], ...]:
    from defcoop.ingest.corpus import CorpusError
    from defcoop.evaluation.devset import DevsetError
    from defcoop.build.export import ExportError
    from defcoop.evaluation.evaluate import GoldError
    from defcoop.build.overrides import OverridesError
    from defcoop.rules.reference import ReferenceDataError
    from defcoop.schemas import SchemaError
    from defcoop.extract.themes import CodebookError

    return (CorpusError, DevsetError, ExportError, GoldError, OverridesError, ReferenceDataError, SchemaError,
            CodebookError, FileNotFoundError)


class UserFacingError(Exception):
    """Wraps an input problem so `main` prints it on one line."""


def _build(args) -> int:
    from defcoop.build.tables import build_to_folder, corpus_digests, inputs_hash, store_path

    corpus = Path(args.corpus)
    try:
        if not corpus.is_dir():
            raise FileNotFoundError(f"corpus folder not found: {corpus}")
        jobs = None if args.jobs is None else max(1, args.jobs)
        digests = corpus_digests(corpus, remember=not args.no_store)
        counts = build_to_folder(corpus, args.out, jobs=jobs, progress=not args.quiet,
                                 overrides=args.overrides, inputs_hash=inputs_hash(corpus, digests),
                                 store=None if args.no_store else store_path(), file_digests=digests)
    except _user_errors() as error:
        raise UserFacingError(str(error)) from error
    if not args.quiet:
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        print(f"defcoop: wrote {args.out}: {summary}", file=sys.stderr)
    return 0


def _evaluate(args) -> int:
    from defcoop.evaluation.devset import load_manifest
    from defcoop.evaluation.evaluate import evaluate, format_report, format_summary, load_gold, select_docs, summary_row
    from defcoop.build.tables import read_tables

    try:
        if args.batch and not args.manifest:
            raise UserFacingError("--batch needs --manifest (the file that says which article is in which batch)")
        gold = load_gold(args.gold)
        tables = read_tables(args.tables)
        entries = load_manifest(args.manifest) if args.manifest else []
    except _user_errors() as error:
        raise UserFacingError(str(error)) from error
    if args.batch:
        gold = select_docs(gold, {entry.doc for entry in entries if entry.batch in args.batch})
    if args.built_only:
        built = set(tables["articles"]["article_id"])
        absent = [entry["doc"] for entry in gold if entry["doc"] not in built]
        if absent:
            print(f"defcoop: scoring {len(gold) - len(absent)} of {len(gold)} gold articles; not built, left out: "
                  + ", ".join(absent), file=sys.stderr)
        gold = select_docs(gold, built)
    report = evaluate(gold, tables)
    if entries:
        batches = sorted({entry.batch for entry in entries if not args.batch or entry.batch in args.batch})
        rows = {}
        for batch in batches:
            part = select_docs(gold, {entry.doc for entry in entries if entry.batch == batch})
            rows[f"batch {batch}"] = summary_row(evaluate(part, tables), len(part))
        rows["all"] = summary_row(report, len(gold))
        print(format_summary(rows) + "\n")
    print(format_report(report, verbose=args.verbose))
    return 0


def _devset(args) -> int:
    from defcoop.evaluation.devset import prepare

    out = Path(args.out) if args.out else Path(args.set_dir) / ".cache" / "corpus"
    try:
        entries, left_out = prepare(args.set_dir, out, set(args.batch or ()), skip_unusable=args.skip_unusable)
    except _user_errors() as error:
        raise UserFacingError(str(error)) from error
    for problem in left_out:
        print(f"defcoop: left out {problem}", file=sys.stderr)
    print(f"defcoop: wrote {len(entries)} articles to {out}"
          + (f" ({len(left_out)} left out: their cached texts are unusable)" if left_out else ""), file=sys.stderr)
    return 0


def _report(args) -> int:
    from defcoop.present.report import render_reports

    pages = render_reports(args.notebooks, args.out)
    print(f"defcoop: wrote {len(pages)} pages to {args.out}", file=sys.stderr)
    return 0


def _cache(args) -> int:
    from defcoop.build.store import cache_report, clear_cache
    from defcoop.build.tables import INTERIM_DIR

    if args.clear:
        print(clear_cache(INTERIM_DIR))
    else:
        print(cache_report(INTERIM_DIR))
    return 0


def _export(args) -> int:
    from defcoop.build.export import export_tables

    try:
        written = export_tables(args.tables, args.out, args.fmt)
    except _user_errors() as error:
        raise UserFacingError(str(error)) from error
    print(f"defcoop: wrote {written}", file=sys.stderr)
    return 0
