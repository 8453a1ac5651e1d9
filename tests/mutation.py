"""Mutation testing of the extraction modules: `make mutation` (not part of `make test`).

mutmut changes one thing at a time in a module (a comparison, a constant, a regex flag...) and
runs the tests that reach the changed function; a change no test notices is a "surviving"
mutant, a place where the tests say less than their names suggest. The score of a module is
killed / (killed + survived + timeouts).

mutmut only supports ./, src/ or source/ layouts and imports the package from its `mutants/`
copy, so the run happens in a throwaway copy of the project with lib/ renamed src/ (the
project itself is untouched). Tests that build through a subprocess import the installed
package, not the mutant, and are left out of the run (they cannot see a mutant).

Usage: python tests/mutation.py [--modules clean,dates,...] [--jobs N] [--keep DIR] [--write]
       python tests/mutation.py --report DIR   (the scores of a kept run, also one stopped early)
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Modules of the ingest and extract stages and their shared matching machinery, as paths below
# lib/defcoop without ".py"; --modules also takes the last part alone ("dates").
EXTRACTION = ("ingest/corpus", "ingest/clean", "extract/dates", "extract/people", "extract/places", "extract/themes",
              "extract/meetings", "extract/agreements", "extract/sentences", "extract/article", "rules/reference",
              "rules/patterns", "rules/text")


def module_path(name: str) -> str:
    """'dates' -> 'extract/dates' (a path below lib/defcoop without '.py')."""
    if "/" in name:
        return name
    found = [p.relative_to(ROOT / "lib" / "defcoop").with_suffix("").as_posix()
             for p in (ROOT / "lib" / "defcoop").rglob(f"{name}.py")]
    if len(found) != 1:
        raise SystemExit(f"--modules: {name!r} names {len(found)} modules of lib/defcoop: {found}")
    return found[0]


# Build through a subprocess (they run the installed package, not the mutant), only time/IO, or
# read the source files as text.
NOT_IN_RUN = ("tests/e2e", "tests/test_notebooks.py", "tests/test_robustness.py", "tests/test_cli.py",
              "tests/test_benchmarks.py", "tests/test_tables.py", "tests/test_store.py", "tests/test_export.py",
              "tests/test_explorer.py", "tests/test_datapackage.py",
              # read the source as text, which mutmut rewrites (trampolines, mutated literals)
              "tests/test_cue_literals.py", "tests/test_imports.py")
KILLED_STATUSES = {"killed"}
COUNTED = {"killed", "survived", "timeout", "suspicious"}
BEGIN, END = "<!-- mutation:begin -->", "<!-- mutation:end -->"
README = ROOT / "tests" / "README.md"


def copy_project(target: Path) -> Path:
    """The tracked files of the project, with lib/ as src/."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if not source.is_file():
            continue
        relative = Path(name)
        if relative.parts[0] == "lib":
            relative = Path("src", *relative.parts[1:])
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / relative)
    return target


def configure(project: Path, modules: list[str]) -> None:
    """Append the mutmut configuration to the copy's pyproject.toml."""
    ignores = ", ".join(f'"--ignore={path}"' for path in NOT_IN_RUN)
    only = ", ".join(f'"src/defcoop/{module}.py"' for module in modules)
    with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write(f"""
[tool.mutmut]
source_paths = ["src"]
only_mutate = [{only}]
also_copy = ["data", "seeds", "tests", "benchmarks", "notebooks"]
pytest_add_cli_args_test_selection = ["tests/", "src/defcoop"]
pytest_add_cli_args = ["-q", "-p", "no:cacheprovider", "--doctest-modules", {ignores}]
""")


def run(project: Path, jobs: int) -> None:
    # The mutants' folder must exist before mutmut starts: Python remembers a missing sys.path
    # entry, and would then import the installed (unmutated) package.
    (project / "mutants" / "src").mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(project / "mutants" / "src")}
    mutmut = Path(sys.executable).with_name("mutmut")
    subprocess.run([str(mutmut), "run", "--max-children", str(jobs)], cwd=project, env=env, check=True)


def scores(project: Path, modules: list[str]) -> dict[str, Counter]:
    """Counts of mutant statuses per module, from mutmut's .meta files."""
    from mutmut.stats import status_by_exit_code

    counts = {}
    for module in modules:
        meta = project / "mutants" / "src" / "defcoop" / f"{module}.py.meta"
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"] if meta.exists() else {}
        counts[module] = Counter(status_by_exit_code[code] for code in codes.values())
    return counts


def survivors(project: Path) -> list[str]:
    mutmut = Path(sys.executable).with_name("mutmut")
    done = subprocess.run([str(mutmut), "results"], cwd=project, capture_output=True, text=True)
    return [line.strip().split(":")[0] for line in done.stdout.splitlines() if line.strip().endswith("survived")]


def table(counts: dict[str, Counter]) -> list[str]:
    """The score table; `not run` counts mutants a stopped run (`--report`) did not reach."""
    lines = ["| module | mutants | not run | killed | survived | timeout | no tests | score |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for module, count in counts.items():
        counted = sum(count[s] for s in COUNTED)
        score = f"{count['killed'] / counted:.0%}" if counted else "–"
        lines.append(f"| {module} | {sum(count.values())} | {count['not checked']} | {count['killed']} | "
                     f"{count['survived']} | {count['timeout']} | {count['no tests']} | {score} |")
    return lines


def write_readme(block: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else "# tests\n"
    if BEGIN not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n{block.rstrip()}\n{END}{tail}", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", default=",".join(EXTRACTION), help="comma-separated modules of lib/defcoop")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", default=None, help="run in this folder and keep it (default: a temporary one)")
    parser.add_argument("--write", action="store_true", help="write the score table into tests/README.md")
    parser.add_argument("--report", default=None, metavar="DIR",
                        help="only report the scores of the run kept in DIR (also of a run stopped early)")
    args = parser.parse_args(argv)
    modules = [module_path(m.strip()) for m in args.modules.split(",") if m.strip()]
    if args.report:
        counts = scores(Path(args.report) / "project", modules)
        print("\n".join(table(counts)))
        return 0
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="defcoop-mutation-"))
    try:
        project = copy_project(folder / "project")
        configure(project, modules)
        run(project, args.jobs)
        counts = scores(project, modules)
        lines = table(counts)
        left = survivors(project)
        block = "\n".join([f"Mutation scores from `python tests/mutation.py --modules {','.join(modules)}` "
                           f"(mutmut, {sum(sum(c.values()) for c in counts.values())} mutants):", "", *lines])
        print(block)
        print(f"\n{len(left)} surviving mutants (`mutmut show NAME` in {project} when run with --keep):")
        print("\n".join(left))
        if args.write:
            write_readme(block)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
