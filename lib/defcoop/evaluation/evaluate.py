"""Score built tables against hand-made gold answers (format: shared/eval/GOLD.md).

Meetings are matched within each gold article: a prediction pairs with a gold meeting
when they agree on the mechanism or their dates overlap (best pairs first). Gold meetings
marked `optional` neither reward nor penalise. On matched meetings we report the share
with the exact date (same precision and value), place, each lead, mechanism, edition and
format; the exact date also over only the meetings whose year the page itself gives
(`year_on_page`), as many gold years come from outside the page. Themes are scored per article (the union over its sentences, core ids only) and
agreements per article by kind.

>>> prf(3, 1, 0)
{'precision': 0.75, 'recall': 1.0, 'f1': 0.857}
"""
from __future__ import annotations

import re

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from defcoop.schemas import CORE_THEMES
from defcoop.rules.text import fold

FIELDS = ("date", "date_on_page", "place", "vn_lead", "kh_lead", "both_leads", "mechanism", "edition", "format")


class GoldError(ValueError):
    """The gold file is missing fields or is not the documented format."""


def load_gold(path) -> list[dict]:
    """Read a gold YAML list and check each entry has a doc id and lists."""
    import yaml

    path = Path(path)
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(entries, list):
        raise GoldError(f"{path}: expected a YAML list of articles")
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "doc" not in entry:
            raise GoldError(f"{path}: entry {number} has no 'doc'")
        for key in ("meetings", "agreements", "themes"):
            entry.setdefault(key, [])
            if entry[key] is None:
                entry[key] = []
    return entries


def prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


MISS_CLASSES = ("missed meeting", "extra meeting", "date", "place", "lead", "mechanism", "edition", "format",
                "missed agreement", "extra agreement", "missed theme", "extra theme")


class Miss(NamedTuple):
    """One disagreement with the gold: its article, its class (one of MISS_CLASSES) and what differed.

    >>> str(Miss("a1", "extra theme", "extra theme maritime"))
    'a1: extra theme maritime'
    """

    doc: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.doc}: {self.detail}"


@dataclass
class Report:
    meetings: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)         # field -> (correct, total)
    themes: dict = field(default_factory=dict)
    agreements: dict = field(default_factory=dict)
    agreements_by_kind: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)


def _norm(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return fold(str(value)).strip() or None


def _norm_place(value) -> str | None:
    """A place compared by its gazetteer name: a gold that writes an alias ("Tbong Khmum") names
    the place the extractor writes canonically ("Tboung Khmum"); a name the gazetteer lacks is
    compared as written.

    >>> _norm_place("Tbong Khmum") == _norm_place("Tboung Khmum"), _norm_place("Atlantis")
    (True, 'atlantis')
    """
    folded = _norm(value)
    if folded is None:
        return None
    return _place_names().get(" ".join(folded.split()), folded)


@lru_cache(maxsize=1)
def _place_names() -> dict[str, str]:
    """Folded name or alias -> folded gazetteer name, for every place of places.csv."""
    from defcoop.extract.places import load_places

    names: dict[str, str] = {}
    for name, place in sorted(load_places().places.items()):
        canonical = " ".join(fold(name).split())
        for alias in (name, *place.aliases):
            names.setdefault(" ".join(fold(alias).split()), canonical)
    return names


def _norm_name(value) -> str | None:
    """A person's name compared without the spaces and hyphens between its syllables: Khmer
    names are transliterated with syllables joined or apart ("Saingyun" / "Saing Yun", "PhanNa" /
    "Phan Na"), and a name that differs only so is the same person.

    >>> _norm_name("Tac PhanNa") == _norm_name("Tac Phan Na") == _norm_name("Tắc Phan-Na")
    True
    >>> _norm_name("Tea Banh") == _norm_name("Tea Seiha"), _norm_name(None)
    (False, None)
    """
    folded = _norm(value)
    return None if folded is None else re.sub(r"[\s-]+", "", folded)


def _pred_date(row) -> tuple[str, str | None]:
    precision = row["date_precision"]
    start = row["date_start"]
    if start is None or _norm(start) is None:
        return precision, None
    text = str(start)[:10]
    return precision, {"day": text, "month": text[:7], "year": text[:4]}.get(precision)


def _gold_interval(gold: dict) -> tuple[str, str]:
    text = str(gold["date"])
    if len(text) == 4:
        return f"{text}-01-01", f"{text}-12-31"
    if len(text) == 7:
        return f"{text}-01", f"{text}-31"
    return text, text


def _overlaps(gold: dict, row) -> bool:
    if _norm(row["date_start"]) is None:
        return False
    start, end = _gold_interval(gold)
    return str(row["date_start"])[:10] <= end and str(row["date_end"])[:10] >= start


def _date_hit(gold: dict, precision: str, value: str | None) -> bool:
    """Same precision and value; a gold date left null (the text does not give it) is matched by
    a meeting left undated, not by any date.

    >>> _date_hit({"date": "2019-11-14", "precision": "day"}, "day", "2019-11-14")
    True
    >>> _date_hit({"date": None, "precision": None}, "unknown", None), _date_hit({"date": None}, "year", "2019")
    (True, False)
    """
    if gold.get("date") is None:
        return value is None
    return precision == gold.get("precision") and value == str(gold.get("date"))


def year_on_page(article: dict, meeting: dict) -> bool:
    """Whether the page itself gives the gold meeting's year: written in the text
    (`date_from_text`), or the year of the page's date line (`published`) or of its URL. Not
    so for a year the annotator took from another report, an article-id order or general
    knowledge, which no reading of the page can find. A meeting the gold leaves undated counts
    as on the page (nothing was brought in from outside).

    >>> year_on_page({"published": None, "url": "https://x.vn/2019/12/talks"}, {"date": "2019-12-20"})
    True
    >>> year_on_page({"published": None, "url": "https://x.vn/talks-1.html"},
    ...              {"date": "2019-12-20", "date_from_text": False})
    False
    """
    from defcoop.extract.dates import url_date

    if meeting.get("date") is None or meeting.get("date_from_text"):
        return True
    year = str(meeting["date"])[:4]
    if article.get("published") is not None and str(article["published"])[:4] == year:
        return True
    from_url = url_date(article.get("url"))
    return from_url is not None and str(from_url[0].year) == year


def _field_hits(gold: dict, row, on_page: bool = True) -> dict[str, bool]:
    """Which fields of a matched row agree with the gold meeting; ``date_on_page`` is left out
    when the gold year is not on the page (`year_on_page`)."""
    precision, value = _pred_date(row)
    hits = {
        "date": _date_hit(gold, precision, value),
        "place": _norm_place(gold.get("place")) == _norm_place(row["place"]),
        "vn_lead": _norm_name(gold.get("vn_lead")) == _norm_name(row["vn_lead"]),
        "kh_lead": _norm_name(gold.get("kh_lead")) == _norm_name(row["kh_lead"]),
        "mechanism": gold.get("mechanism") == row["mechanism"],
        "edition": _norm(gold.get("edition")) == _norm(row["edition"]),
        "format": gold.get("format", "in_person") == row["format"],
    }
    hits["both_leads"] = hits["vn_lead"] and hits["kh_lead"]
    if on_page:
        hits["date_on_page"] = hits["date"]
    return hits


def _match(golds: list[dict], rows: list) -> list[tuple[int, int]]:
    """Greedy best-first pairs (gold index, row index) that agree on mechanism or date."""
    scored = []
    for g, gold in enumerate(golds):
        for r, row in enumerate(rows):
            same_mechanism = gold.get("mechanism") == row["mechanism"]
            overlap = _overlaps(gold, row)
            if same_mechanism or overlap:
                hits = _field_hits(gold, row)
                scored.append((-(2 * same_mechanism + overlap + hits["vn_lead"] + hits["kh_lead"]), g, r))
    pairs, used_g, used_r = [], set(), set()
    for _score, g, r in sorted(scored):
        if g not in used_g and r not in used_r:
            pairs.append((g, r))
            used_g.add(g)
            used_r.add(r)
    return pairs


def evaluate(gold: list[dict], tables: dict) -> Report:
    """Compare tables with gold; returns counts and the list of misses."""
    meetings = tables["meetings"]
    report = Report(fields={name: [0, 0] for name in FIELDS})
    m_tp = m_fp = m_fn = 0
    t_tp = t_fp = t_fn = 0
    a_tp = a_fp = a_fn = 0
    by_kind: dict[str, list[int]] = {}
    for entry in gold:
        doc = entry["doc"]
        rows = [row for _, row in meetings.iterrows() if doc in str(row["article_ids"]).split(";")]
        golds = entry["meetings"]
        pairs = _match(golds, rows)
        matched_g = {g for g, _ in pairs}
        matched_r = {r for _, r in pairs}
        for g, r in pairs:
            if golds[g].get("optional"):
                continue
            m_tp += 1
            on_page = year_on_page(entry, golds[g])
            for name, hit in _field_hits(golds[g], rows[r], on_page).items():
                report.fields[name][0] += hit
                report.fields[name][1] += 1
                if not hit and name not in ("both_leads", "date_on_page"):
                    kind = "lead" if name.endswith("_lead") else name
                    outside = " (the gold year is not on the page)" if name == "date" and not on_page else ""
                    report.misses.append(Miss(doc, kind, f"meeting {name}: gold {_gold_value(golds[g], name)!r}, "
                                                         f"got {_row_value(rows[r], name)!r}{outside}"))
        for g, gold_meeting in enumerate(golds):
            if g not in matched_g and not gold_meeting.get("optional"):
                m_fn += 1
                report.misses.append(Miss(doc, "missed meeting", "missed meeting " + _describe_gold(gold_meeting)))
        for r, row in enumerate(rows):
            if r not in matched_r:
                m_fp += 1
                report.misses.append(Miss(doc, "extra meeting", "extra meeting " + _describe_row(row)))

        predicted = _article_themes(tables["sentences"], doc)
        expected = set(entry["themes"]) & set(CORE_THEMES)
        t_tp += len(predicted & expected)
        t_fp += len(predicted - expected)
        t_fn += len(expected - predicted)
        report.misses += [Miss(doc, "extra theme", f"extra theme {t}") for t in sorted(predicted - expected)]
        report.misses += [Miss(doc, "missed theme", f"missed theme {t}") for t in sorted(expected - predicted)]

        got = Counter(tables["agreements"].loc[tables["agreements"]["article_id"] == doc, "kind"].tolist())
        want = Counter(a["kind"] for a in entry["agreements"])
        for kind in sorted(set(got) | set(want)):
            tp, fp, fn = min(got[kind], want[kind]), max(0, got[kind] - want[kind]), max(0, want[kind] - got[kind])
            counts = by_kind.setdefault(kind, [0, 0, 0])
            counts[0] += tp
            counts[1] += fp
            counts[2] += fn
            a_tp, a_fp, a_fn = a_tp + tp, a_fp + fp, a_fn + fn
            report.misses += ([Miss(doc, "extra agreement", f"extra agreement {kind}")] * fp
                              + [Miss(doc, "missed agreement", f"missed agreement {kind}")] * fn)
    report.meetings = prf(m_tp, m_fp, m_fn) | {"tp": m_tp, "fp": m_fp, "fn": m_fn}
    report.themes = prf(t_tp, t_fp, t_fn) | {"tp": t_tp, "fp": t_fp, "fn": t_fn}
    report.agreements = prf(a_tp, a_fp, a_fn) | {"tp": a_tp, "fp": a_fp, "fn": a_fn}
    report.agreements_by_kind = {kind: prf(*counts) for kind, counts in sorted(by_kind.items())}
    return report


def _describe_gold(gold: dict) -> str:
    return (f"{gold.get('mechanism')} {gold.get('date')} at {gold.get('place')} "
            f"({gold.get('vn_lead')} / {gold.get('kh_lead')})")


def _describe_row(row) -> str:
    precision, value = _pred_date(row)
    return (f"{row['meeting_id']}: {row['mechanism']} {value} ({precision}) at {_row_value(row, 'place')} "
            f"({_row_value(row, 'vn_lead')} / {_row_value(row, 'kh_lead')})")


def _gold_value(gold: dict, name: str):
    if name == "date":
        return f"{gold.get('date')} ({gold.get('precision')})"
    if name == "both_leads":
        return (gold.get("vn_lead"), gold.get("kh_lead"))
    return gold.get(name)


def _row_value(row, name: str):
    if name == "date":
        precision, value = _pred_date(row)
        return f"{value} ({precision})"
    if name == "both_leads":
        return (row["vn_lead"], row["kh_lead"])
    value = row[name]
    return None if _norm(value) is None else str(value)


def _article_themes(sentences, doc: str) -> set[str]:
    themes = sentences.loc[sentences["article_id"] == doc, "themes"].dropna()
    return {t for value in themes for t in str(value).split(";") if t} & set(CORE_THEMES)


def accuracy(report: Report, name: str) -> float:
    correct, total = report.fields[name]
    return correct / total if total else 1.0


def format_report(report: Report, verbose: bool = False) -> str:
    """A plain-text table of the scores; with `verbose`, every miss after it."""
    lines = ["metric                          precision  recall     f1"]
    for label, scores in (("meetings", report.meetings), ("themes (article level)", report.themes),
                          ("agreements", report.agreements)):
        lines.append(f"{label:<30}  {scores['precision']:>9.3f}  {scores['recall']:>6.3f}  {scores['f1']:>5.3f}")
    for kind, scores in report.agreements_by_kind.items():
        lines.append(f"  agreements: {kind:<17}  {scores['precision']:>9.3f}  {scores['recall']:>6.3f}  {scores['f1']:>5.3f}")
    lines.append("")
    lines.append("on matched meetings             accuracy  (n)")
    for name in FIELDS:
        correct, total = report.fields[name]
        lines.append(f"{name:<30}  {accuracy(report, name):>9.3f}  ({correct}/{total})")
    if verbose:
        lines.append("")
        lines.append(f"misses ({len(report.misses)}), by class:")
        if not report.misses:
            lines.append("  (none)")
        for kind in MISS_CLASSES:
            group = [miss for miss in report.misses if miss.kind == kind]
            if group:
                lines.append(f"  {kind} ({len(group)}):")
                lines += [f"    - {miss}" for miss in group]
    return "\n".join(lines)


def select_docs(gold: list[dict], docs: set[str]) -> list[dict]:
    """The gold entries of `docs` only (to score one batch of a development set)."""
    return [entry for entry in gold if entry["doc"] in docs]


SUMMARY_COLUMNS = ("articles", "meetings P", "meetings R", "meetings F1", "exact date", "date, year on page",
                   "place", "VN lead", "KH lead", "themes F1", "agreements F1")


def summary_row(report: Report, articles: int) -> dict:
    """The headline figures of one report, as one row of a per-batch table."""
    return {
        "articles": articles, "meetings P": report.meetings["precision"], "meetings R": report.meetings["recall"],
        "meetings F1": report.meetings["f1"], "exact date": round(accuracy(report, "date"), 3),
        "date, year on page": round(accuracy(report, "date_on_page"), 3),
        "place": round(accuracy(report, "place"), 3), "VN lead": round(accuracy(report, "vn_lead"), 3),
        "KH lead": round(accuracy(report, "kh_lead"), 3), "themes F1": report.themes["f1"],
        "agreements F1": report.agreements["f1"],
    }


def format_summary(rows: dict[str, dict]) -> str:
    """A markdown table with one row per group (e.g. per batch of a development set).

    >>> print(format_summary({"all": summary_row(Report(meetings=prf(1, 0, 0), themes=prf(1, 0, 0),
    ...     agreements=prf(0, 0, 0), fields={name: [1, 1] for name in FIELDS}), 1)}))
    | group | articles | meetings P | meetings R | meetings F1 | exact date | date, year on page | place | VN lead | KH lead | themes F1 | agreements F1 |
    |---|---|---|---|---|---|---|---|---|---|---|---|
    | all | 1 | 1.0 | 1.0 | 1.0 | 1.0 | 1.0 | 1.0 | 1.0 | 1.0 | 1.0 | 1.0 |
    """
    lines = ["| group | " + " | ".join(SUMMARY_COLUMNS) + " |", "|---" * (len(SUMMARY_COLUMNS) + 1) + "|"]
    for name, row in rows.items():
        lines.append(f"| {name} | " + " | ".join(str(row[column]) for column in SUMMARY_COLUMNS) + " |")
    return "\n".join(lines)
