"""Benchmark the full build on generated corpora and write benchmarks/results.md.

For each size (default 1k, 10k and 100k articles) the corpus is generated once
(`generate.py`, fixed seed), then ``python -m defcoop build`` runs as a child process
and is measured from outside: wall and CPU seconds, articles per second, and peak memory,
both as the largest single process (``getrusage(RUSAGE_CHILDREN)``) and as the sum over the
build and its worker processes of the proportional set size (PSS: pages shared by forked
workers are split between them, not counted again in each), polled (processes found with psutil) every
200 ms from /proc/PID/smaps_rollup. The scaling exponent
is the slope of log(wall) against log(articles). Every run also checks that articles
plus rejects account for every file, and for the smaller sizes that ``--jobs 1`` and
``--jobs N`` write byte-identical tables.

Only the block between the ``run.py`` markers in results.md is rewritten, so the notes
around it (profiles, before/after figures) stay.

    python benchmarks/run.py                          # what `make bench` runs
    python benchmarks/run.py --sizes 1000 --repeat 3  # a quick look
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

CORPORA = HERE / "corpora"
OUTPUTS = CORPORA / "_out"          # git-ignored with the corpora
RESULTS = HERE / "results.md"
BEGIN, END = "<!-- run.py:begin -->", "<!-- run.py:end -->"
TABLES = ("articles", "rejects", "cleaning_log", "meetings", "participants", "agreements", "sentences",
          "overrides_log")


def _label(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 and count >= 1000 else str(count)


def _pss_bytes(pid: int) -> int | None:
    """Proportional set size of one process from /proc/PID/smaps_rollup (one summary line:
    cheap enough to poll; psutil's full smaps walk cost the machine ~18 % of a core)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _tree_rss(process) -> int:
    """Memory of a process and all its descendants, in bytes (0 once it is gone)."""
    import psutil

    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        # PSS counts pages shared with forked workers once (split between them); plain RSS
        # would count the parent's reference data again in every worker.
        pss = _pss_bytes(member.pid)
        if pss is not None:
            total += pss
            continue
        try:
            info = member.memory_full_info() if hasattr(member, "memory_full_info") else member.memory_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return total


def run_build(corpus: Path, out: Path, jobs: int) -> dict:
    """Run one build as a child process; return wall seconds and peak memory figures."""
    import psutil

    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "defcoop", "build", "--corpus", str(corpus), "--out", str(out),
               "--jobs", str(jobs), "--quiet", "--no-store"]   # cold: nothing reused
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watched = psutil.Process(child.pid)
    peak_tree = 0
    while child.poll() is None:
        peak_tree = max(peak_tree, _tree_rss(watched))
        time.sleep(0.2)
    wall = time.perf_counter() - started
    stdout, stderr = child.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise SystemExit(f"build failed ({child.returncode}):\n{stderr.decode(errors='replace')[-3000:]}")
    return {
        "wall": wall,
        "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "max_process_mb": after.ru_maxrss / 1024,   # largest single process so far (kB on Linux)
        "peak_tree_mb": peak_tree / 2**20,
    }


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _tables_digest(out: Path) -> str:
    digest = hashlib.sha256()
    for name in TABLES:
        digest.update(hashlib.sha256((out / f"{name}.csv").read_bytes()).digest())
    return digest.hexdigest()


def _count_files(corpus: Path) -> int:
    return sum(1 for path in corpus.rglob("*") if path.is_file())


def import_seconds(runs: int = 7) -> float:
    """Median extra wall time of `python -c "import defcoop"` over a bare interpreter start."""
    def timed(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        return time.perf_counter() - started

    base = statistics.median(timed("pass") for _ in range(runs))
    full = statistics.median(timed("import defcoop") for _ in range(runs))
    return max(0.0, full - base)


def import_self_seconds() -> float:
    """Cumulative import time of the `defcoop` package itself, from ``-X importtime``."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import defcoop"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    for line in done.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "defcoop":
            return int(parts[1]) / 1e6
    return float("nan")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    load = ", load average at start {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{memory}, "
            f"Python {platform.python_version()}{load}")


def exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) over log(articles)."""
    if len(points) < 2:
        return float("nan")
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def write_results(block: str, begin: str = BEGIN, end: str = END) -> None:
    """Replace the text between the `begin` and `end` markers of results.md (added at the end if missing)."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if begin not in text or end not in text:
        text = text.rstrip("\n") + f"\n\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    RESULTS.write_text(f"{head}{begin}\n{block.rstrip()}\n{end}{tail}", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for the build")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size up to 10k (median reported)")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs per size above 10k")
    parser.add_argument("--check-jobs-upto", type=int, default=10000,
                        help="compare --jobs 1 with --jobs N byte for byte up to this size")
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = time.perf_counter()
    env_note = machine()

    rows, points, checks = [], [], []
    for count in sizes:
        label = _label(count)
        t0 = time.perf_counter()
        corpus = generate.generate(CORPORA / label, count)
        generated = time.perf_counter() - t0
        files = _count_files(corpus)
        out = OUTPUTS / label
        repeat = args.repeat if count <= 10000 else args.repeat_large
        runs = [run_build(corpus, out, args.jobs) for _ in range(repeat)]
        manifest = _manifest(out)
        n_articles, n_rejects = manifest["rows"]["articles"], manifest["rows"]["rejects"]
        if n_articles + n_rejects != files:
            raise SystemExit(f"{label}: {n_articles} articles + {n_rejects} rejects != {files} files")
        wall = statistics.median(r["wall"] for r in runs)
        row = {
            "label": label, "articles": n_articles, "files": files, "runs": repeat, "wall": wall,
            "wall_min": min(r["wall"] for r in runs), "wall_max": max(r["wall"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs),
            "rate": n_articles / wall,
            "peak_tree_mb": max(r["peak_tree_mb"] for r in runs),
            "max_process_mb": max(r["max_process_mb"] for r in runs),
            "generate": generated,
        }
        rows.append(row)
        points.append((n_articles, wall))
        print(f"bench {label}: {wall:.1f} s wall, {row['rate']:.0f} articles/s, "
              f"peak {row['peak_tree_mb']:.0f} MB (all processes)", file=sys.stderr, flush=True)
        if count <= args.check_jobs_upto and args.jobs != 1:
            reference = _tables_digest(out)
            single = OUTPUTS / f"{label}-jobs1"
            run_build(corpus, single, 1)
            same = _tables_digest(single) == reference
            checks.append(f"{label}: --jobs 1 and --jobs {args.jobs} tables "
                          f"{'byte-identical' if same else 'DIFFERENT'}")
            if not same:
                raise SystemExit(checks[-1])

    imp_wall, imp_self = import_seconds(), import_self_seconds()
    lines = [
        f"Run of {time.strftime('%Y-%m-%d %H:%M')} by `benchmarks/run.py` (`make bench`), "
        f"{time.perf_counter() - started:.0f} s in all including corpus generation.",
        "",
        f"Machine: {env_note}. **The machine was shared** with other jobs during the run, so "
        "wall times are noisy; medians are quoted (min–max in brackets).",
        "",
        f"Build: `python -m defcoop build --jobs {args.jobs} --quiet`, tables written to a fresh folder.",
        "",
        "| corpus | articles | files | runs | wall s (min–max) | CPU s | articles/s | peak memory, all processes (PSS) | peak RSS, largest process |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['label']} | {r['articles']:,} | {r['files']:,} | {r['runs']} | {r['wall']:.1f} "
            f"({r['wall_min']:.1f}–{r['wall_max']:.1f}) | {r['cpu']:.1f} | {r['rate']:,.0f} | "
            f"{r['peak_tree_mb']:,.0f} MB | {r['max_process_mb']:,.0f} MB |")
    lines += ["", f"Scaling exponent (slope of log wall over log articles, all sizes): {exponent(points):.2f}"]
    for (n1, s1), (n2, s2) in zip(points, points[1:]):
        lines.append(f"- {_label(n1)} → {_label(n2)}: {math.log(s2 / s1) / math.log(n2 / n1):.2f}")
    lines += ["", f"`import defcoop`: {imp_wall * 1000:.0f} ms over a bare interpreter start "
                  f"(median of 7); package itself {imp_self * 1000:.1f} ms by `-X importtime`."]
    if checks:
        lines += ["", "Checks: every file is accounted for (articles + rejects = files) at every size; "
                      + "; ".join(checks) + "."]
    lines += ["", "Corpus generation (first time only; cached by its stamp): "
              + ", ".join(f"{r['label']} {r['generate']:.1f} s" for r in rows) + "."]
    block = "\n".join(lines)
    print(block)
    if not args.no_write:
        write_results(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
