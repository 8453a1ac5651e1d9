"""Generate large, deterministic benchmark corpora from the seed articles.

Each generated article is one seed page (header, captions, menus and trailing story lists
kept, so the cleaner has real work to do) whose body paragraphs are recombined with body
paragraphs of the other seeds, whose years and months are shifted, and whose officials and
places are swapped for others of the same country from ``data/reference``. Every article
gets a distinct text (the build would reject repeats as duplicates) and a publication date:
half in YAML front matter, half as a date stamp at the top of the page. One in ten is a
``.md`` file. Files go 1,000 to a subfolder.

``--kind shifted`` writes the seed pages whole instead, only their dates shifted (and, where a
shift repeats, a reporting-desk line added): every article carries its seed's long teaser lists
and captions, the heaviest cleaning a real archive asks for.

The same ``--seed`` always gives the same bytes, and article *i* does not depend on the
corpus size, so the 1k corpus is the first 1,000 articles of the 10k one. A corpus folder
that was already generated with the same parameters and generator code (see its
``.generated`` stamp) is kept as it is, so ``make bench`` pays for generation once.

    python benchmarks/generate.py --count 10000 --out benchmarks/corpora/10k
    python benchmarks/generate.py --count 300 --out /tmp/c --bad   # plus every kind of bad file
    python benchmarks/generate.py --count 10000 --out benchmarks/corpora/10k-shifted --kind shifted
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
REFERENCE = ROOT / "data" / "reference"
DEFAULT_SEED = 20240521
PER_FOLDER = 1000
STAMP = ".generated"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r")(\s+)(\d{1,2})\b")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)(?!\d)")
# Lines that end the article proper on the seed pages: what follows is not reusable body text.
_STOP_LINES = {"other news", "see more", "recent posts", "trending"}
SOURCES = ["VNA", "VNS", "Khmer Times", "Nhan Dan", "QDND", "VOV"]


@dataclass(frozen=True)
class Seed:
    name: str
    lines: tuple[str, ...]          # the page, line by line, as scraped
    body: tuple[int, ...]           # indexes of body paragraphs (long lines before the stop line)


def _load_seeds() -> list[Seed]:
    seeds = []
    for path in sorted(SEEDS.glob("[0-9]*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        body = []
        for index, line in enumerate(lines):
            if line.strip().lower() in _STOP_LINES:
                break
            if len(line) >= 150 and not line.lstrip().startswith(("-", "|")):
                body.append(index)
        seeds.append(Seed(path.stem, tuple(lines), tuple(body)))
    if not seeds:
        raise SystemExit(f"no seed articles in {SEEDS}")
    return seeds


def _names_by_country(path: Path, key: str) -> dict[str, list[tuple[str, ...]]]:
    """country -> list of (canonical, alias, ...) for every distinct row key of a reference CSV."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = (row.get(key) or "").strip()
            if not name:
                continue
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip() and len(a.strip()) > 5)
            out.setdefault(row["country"], {}).setdefault(name, (name, *aliases))
    return {country: sorted(names.values()) for country, names in sorted(out.items())}


class Swapper:
    """Replaces every known official and place name by another of the same country."""

    def __init__(self):
        self.groups = {"person": _names_by_country(REFERENCE / "officials.csv", "person"),
                       "place": _names_by_country(REFERENCE / "places.csv", "place")}
        self.lookup: dict[str, tuple[str, str, int, int]] = {}   # written form -> (kind, country, index, alias no.)
        for kind, by_country in self.groups.items():
            for country, names in by_country.items():
                for index, forms in enumerate(names):
                    for alias_no, form in enumerate(forms):
                        self.lookup.setdefault(form, (kind, country, index, alias_no))
        forms = sorted(self.lookup, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")

    def swap(self, text: str, rng: random.Random) -> str:
        choice: dict[tuple[str, str, int], tuple[str, ...]] = {}

        def replace(match: re.Match) -> str:
            kind, country, index, alias_no = self.lookup[match.group()]
            key = (kind, country, index)
            if key not in choice:
                pool = self.groups[kind][country]
                choice[key] = pool[rng.randrange(len(pool))] if rng.random() < 0.7 else pool[index]
            forms = choice[key]
            return forms[alias_no] if alias_no < len(forms) else forms[0]

        return self.pattern.sub(replace, text)


def _shift_dates(text: str, years: int, months: int) -> str:
    def month_day(match: re.Match) -> str:
        month = MONTHS[(MONTHS.index(match.group(1)) + months) % 12]
        day = min(int(match.group(3)), 28)
        return f"{month}{match.group(2)}{day}"

    text = _MONTH_DAY.sub(month_day, text)   # a month without a day names a period: left alone
    return _YEAR.sub(lambda m: str(int(m.group()) + years), text)


def _text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


KINDS = ("recombined", "shifted")


class Generator:
    def __init__(self, seed: int = DEFAULT_SEED, kind: str = "recombined"):
        if kind not in KINDS:
            raise ValueError(f"unknown corpus kind {kind!r} (one of {', '.join(KINDS)})")
        self.seed, self.kind = seed, kind
        self.seeds = _load_seeds()
        self.pool = [(s.name, i) for s in self.seeds for i in s.body]
        self.swapper = Swapper()
        self.seen: set[str] = set()

    def _shifted(self, rng: random.Random) -> tuple[Seed, str]:
        base = self.seeds[rng.randrange(len(self.seeds))]
        return base, _shift_dates("\n".join(base.lines), rng.randint(-9, 3), rng.randrange(12))

    def _body(self, rng: random.Random) -> tuple[Seed, str]:
        if self.kind == "shifted":
            return self._shifted(rng)
        base = self.seeds[rng.randrange(len(self.seeds))]
        by_name = {s.name: s for s in self.seeds}
        lines = list(base.lines)
        first = base.body[0] if base.body else None
        for index in base.body:
            if index == first:
                continue   # the lead names the meeting: keep it
            roll = rng.random()
            if roll < 0.45:
                name, other = self.pool[rng.randrange(len(self.pool))]
                lines[index] = by_name[name].lines[other]
            elif roll < 0.55:
                lines[index] = ""
        if base.body and rng.random() < 0.5:
            name, other = self.pool[rng.randrange(len(self.pool))]
            last = base.body[-1]
            lines[last] = lines[last] + ("\n\n" if "" in base.lines else "\n") + by_name[name].lines[other]
        text = "\n".join(lines)
        text = _shift_dates(text, rng.randint(-9, 3), rng.randrange(12))
        return base, self.swapper.swap(text, rng)

    def article(self, number: int) -> tuple[str, str]:
        """(file name, file content) of article `number`; distinct from every earlier one."""
        rng = random.Random(f"{self.seed}:{number}")
        for attempt in range(1000):
            base, body = self._body(rng)
            if attempt:
                body += f"\n\nReporting by desk {rng.randrange(10**6)}."
            key = _text_key(body)
            if key not in self.seen:
                self.seen.add(key)
                break
        else:  # pragma: no cover - cannot happen with the seeds' variety
            raise RuntimeError(f"could not make article {number} distinct")
        suffix = ".md" if rng.random() < 0.1 else ".txt"
        year = int(_YEAR.findall(body)[0]) if _YEAR.search(body) else 2020
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        if rng.random() < 0.5:
            meta = {
                "title": next((l.strip() for l in body.split("\n") if 20 <= len(l.strip()) <= 100), "Defence talks"),
                "published": f"{year}-{month:02d}-{day:02d}",
                "source": SOURCES[rng.randrange(len(SOURCES))],
                "url": f"https://news.example.org/defence/{number}",
                "language": "en",
            }
            front = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items()) + "---\n"
            body = front + body
        else:  # the page's own date stamp, as on VNS pages
            body = f"{MONTHS[month - 1]} {day}, {year} - {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}\n\n" + body
        name = f"gen{number:06d}_{key[:10]}{suffix}"
        return name, body


def bad_files() -> dict[str, bytes]:
    """One file of every kind a real archive throws at the build, by relative path.

    Each becomes a row of rejects.csv, except the truncated UTF-8 file and the cp1252 file,
    which are read (the broken last character dropped; the bytes decoded as cp1252).
    """
    good = "Hanoi (VNA) – Vietnam and Cambodia agreed to boost defence cooperation on Monday.\n"
    return {
        "bad/empty.txt": b"",
        "bad/blank.txt": b"  \n\n \t\n",
        "bad/front_matter_only.md": b"---\ntitle: Nothing below\n---\n",
        "bad/binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "bad/huge.txt": (good * 70_000).encode("utf-8")[: 5 * 1024 * 1024 + 100],
        "bad/mixed_encoding.txt": "Việt Nam ".encode("utf-8") + b"caf\xe9 \x81\x8d talks\n",
        "bad/cp1252.txt": "Caf\u00e9 talks \u2013 Vietnam and Cambodia agreed to hold joint patrols.\n".encode("cp1252"),
        "bad/truncated_utf8.txt": (good + "Lê Minh Hương").encode("utf-8")[:-1],
        "bad/unclosed_front_matter.md": b"---\ntitle: Talks\n\nVietnam and Cambodia agreed.\n",
        "bad/broken_yaml.txt": b"---\ntitle: [unclosed\npublished: 2021-01-12\n---\n" + good.encode(),
        "bad/bad_date.txt": b"---\ntitle: Talks\npublished: not a date\n---\n" + good.encode(),
        "bad/list_title.md": b"---\ntitle:\n  - a\n  - b\n---\n" + good.encode(),
        "bad/utf16_odd.txt": b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00",
        "bad/records.jsonl": (
            json.dumps({"id": "jsonl-good", "text": good + "The two sides agreed on joint patrols."}) + "\n"
            + "{not json\n" + json.dumps({"id": 7, "text": "x"}) + "\n" + json.dumps(["a"]) + "\n"
        ).encode("utf-8"),
        "bad/image.png": b"\x89PNG\r\n\x1a\n",
        "bad/.hidden.txt": good.encode(),
        "bad/README.md": b"# Bad files\n",
    }


def _stamp(count: int, seed: int, bad: bool, kind: str = "recombined") -> str:
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return json.dumps({"count": count, "seed": seed, "bad": bad, "generator": code, "kind": kind,
                       "seeds": sorted(p.name for p in SEEDS.glob("[0-9]*.txt"))}, sort_keys=True)


def generate(out, count: int, *, seed: int = DEFAULT_SEED, bad: bool = False, force: bool = False,
             kind: str = "recombined") -> Path:
    """Write `count` distinct articles (plus `bad_files()` when `bad`) under `out`; return `out`."""
    out = Path(out)
    stamp = _stamp(count, seed, bad, kind)
    if not force and (out / STAMP).is_file() and (out / STAMP).read_text(encoding="utf-8") == stamp:
        return out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    generator = Generator(seed, kind)
    for number in range(count):
        name, content = generator.article(number)
        folder = out / f"part{number // PER_FOLDER:03d}"
        if number % PER_FOLDER == 0:
            folder.mkdir()
        (folder / name).write_bytes(content.encode("utf-8"))
    if bad:
        for relpath, data in bad_files().items():
            path = out / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    (out / STAMP).write_text(stamp, encoding="utf-8")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of distinct articles")
    parser.add_argument("--out", required=True, help="corpus folder to (re)create")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (same seed, same bytes)")
    parser.add_argument("--bad", action="store_true", help="add one file of every kind of bad input")
    parser.add_argument("--force", action="store_true", help="regenerate even if the stamp matches")
    parser.add_argument("--kind", choices=KINDS, default="recombined",
                        help="recombined seed paragraphs (default) or whole seed pages with shifted dates")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    generate(args.out, args.count, seed=args.seed, bad=args.bad, force=args.force, kind=args.kind)
    print(f"generate: {args.count} articles in {args.out} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
