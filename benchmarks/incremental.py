"""Benchmark: the analyst's loop on a large archive (`make bench` runs it; results in results.md).

Everything runs in child processes against a throwaway project copy (DEFCOOP_ROOT), so the
result store starts empty and the project's own data/interim is untouched:

1. first `defcoop.load()` of a one-article corpus in a fresh interpreter: CPU seconds;
2. `defcoop.load()` of the 10k generated corpus with default options (every core), cold, and
   of a 10k corpus of whole seed pages with shifted dates (`generate.py --kind shifted`: every
   page keeps its long teaser lists, the heaviest cleaning);
3. one article added: `defcoop.load()` again, against reading the finished tables back
   (`defcoop.build.tables.read_tables`), each in a fresh interpreter as after a kernel restart;
4. one theme pattern edited: what the next `load()` can reuse.

Usage: python benchmarks/incremental.py [--size 10000] [--write]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

BEGIN, END = "<!-- incremental:begin -->", "<!-- incremental:end -->"

_CHILD = r"""
import json, os, resource, sys, time
started, cpu0 = time.perf_counter(), time.process_time()
import defcoop
from defcoop.build.tables import last_build, read_tables, tables_folder
mode, corpus = sys.argv[1], sys.argv[2]
if mode == "load":
    tables = defcoop.load(corpus)
else:
    tables = read_tables(tables_folder(corpus))
wall = time.perf_counter() - started
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = time.process_time() - cpu0 + children.ru_utime + children.ru_stime
print(json.dumps({"wall": wall, "cpu": cpu, "articles": len(tables["articles"]), "build": last_build()}))
"""


def child(mode: str, corpus: Path, env: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, mode, str(corpus)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["stderr"] = done.stderr
    return result


def best(mode: str, corpus: Path, env: dict, runs: int = 3) -> dict:
    return min((child(mode, corpus, env) for _ in range(runs)), key=lambda r: r["wall"])


def project_copy(folder: Path) -> dict:
    for part in ("data/reference", "data/rules"):
        shutil.copytree(ROOT / part, folder / part)
    (folder / "seeds").mkdir()
    return {**os.environ, "DEFCOOP_ROOT": str(folder)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="articles in the generated corpus")
    parser.add_argument("--write", action="store_true", help="update benchmarks/results.md")
    args = parser.parse_args(argv)
    import generate
    from run import CORPORA, _label, machine, write_results
    from defcoop.build.digests import SETTLED_NS

    source = generate.generate(CORPORA / _label(args.size), args.size)
    with tempfile.TemporaryDirectory(prefix="defcoop-incremental-") as scratch:
        scratch = Path(scratch)
        env = project_copy(scratch / "project")
        one = scratch / "one"
        one.mkdir()
        shutil.copy(next(p for p in sorted(source.rglob("*")) if p.is_file()), one / "article.txt")
        first = child("load", one, env)

        corpus = scratch / "corpus"
        shutil.copytree(source, corpus)
        time.sleep(SETTLED_NS / 1e9)   # an archive's files predate its build; fresher ones are re-hashed every load
        cold = child("load", corpus, env)
        shifted = scratch / "shifted"
        shutil.copytree(generate.generate(CORPORA / f"{_label(args.size)}-shifted", args.size, kind="shifted"),
                        shifted)
        shifted_cold = child("load", shifted, env)
        donor = next(p for p in sorted(corpus.rglob("*")) if p.is_file() and p.suffix in (".txt", ".md"))
        added = corpus / "zz_added" / donor.name
        added.parent.mkdir()
        added.write_text(donor.read_text(encoding="utf-8") + "\nThe two sides also agreed to meet again.\n",
                         encoding="utf-8")
        incremental = child("load", corpus, env)
        read_back = best("read", corpus, env)

        codebook = scratch / "project" / "data" / "rules" / "en" / "themes.yaml"
        text = codebook.read_text(encoding="utf-8")
        codebook.write_text(text.replace("    include:\n", "    include:\n      - 'no such phrase at all'\n", 1),
                            encoding="utf-8")
        theme_edit = child("load", corpus, env)

    ratio = incremental["wall"] / read_back["wall"]
    rate = cold["articles"] / cold["wall"]
    shifted_rate = shifted_cold["articles"] / shifted_cold["wall"]
    lines = [
        f"Incremental loop, `python benchmarks/incremental.py --size {args.size}` on {machine()}; "
        "every figure is one fresh interpreter, as after a kernel restart.",
        "",
        "| step | wall s | CPU s | note |",
        "|---|---|---|---|",
        f"| first `load()` of a 1-article corpus | {first['wall']:.2f} | {first['cpu']:.2f} | "
        "import, rules, one extraction, validation, read back |",
        f"| `load()` of {cold['articles']:,} articles, cold, default options | {cold['wall']:.1f} | "
        f"{cold['cpu']:.1f} | {rate:.0f} articles/s, every core, result store filled |",
        f"| `load()` of {shifted_cold['articles']:,} seed pages with shifted dates, cold | "
        f"{shifted_cold['wall']:.1f} | {shifted_cold['cpu']:.1f} | {shifted_rate:.0f} articles/s (target ≥ 200) |",
        f"| one article added, `load()` | {incremental['wall']:.2f} | {incremental['cpu']:.2f} | "
        f"{_reuse_note(incremental)} |",
        f"| reading the finished tables back | {read_back['wall']:.2f} | {read_back['cpu']:.2f} | "
        "`read_tables`, best of 3 |",
        f"| one theme pattern edited, `load()` | {theme_edit['wall']:.1f} | {theme_edit['cpu']:.1f} | "
        f"{_reuse_note(theme_edit)} |",
        "",
        f"Adding one article costs **{ratio:.1f}×** reading the tables back (target ≤ 5×).",
    ]
    block = "\n".join(lines)
    print(block)
    if args.write:
        write_results(block, BEGIN, END)
    return 0


def _reuse_note(result: dict) -> str:
    """What the load's build reused, e.g. "10000 of 10001 files reused, 1 extracted"."""
    build = result.get("build") or {}
    if not build:
        return "no build: the cached tables were read"
    return f"{build['reused']} of {build['files']} files reused, {build['extracted']} extracted"


if __name__ == "__main__":
    sys.exit(main())
