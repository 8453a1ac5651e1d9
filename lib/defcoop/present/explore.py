"""Shaping for the explorer notebook (07): a selection in, DataFrames out.

The explorer's controls (themes, mechanism, year range, person, language) make a `Selection`;
these pure functions turn the tables and a selection into what the notebook draws: the
matching meetings, their theme-by-year counts and, for one meeting, the sentences behind it
with article id, url and date precision, so every point can be checked against its text. The
notebook only wires widgets to them, so every number it shows is tested here.

A meeting's themes are the themes of the sentences of the articles that report it
(`sentences.themes` of rows with that `meeting_id`). A meeting falls in a year range when
its date interval overlaps it; undated meetings are shown only when no range is set.

>>> import pandas as pd
>>> tables = example_tables()
>>> select_meetings(tables, Selection(themes=("training",), mechanism="ministerial_talks"))["meeting_id"].tolist()
['2019-03-01-ministerial_talks', '2021-01-08-ministerial_talks']
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from defcoop.present.analysis import _ids, meeting_table

ALL = "(all)"


@dataclass(frozen=True)
class Selection:
    """What the explorer's controls say; empty fields select everything.

    >>> Selection(themes=("training",), years=(2019, 2021)).describe()
    'themes: training; years 2019-2021'
    """

    themes: tuple[str, ...] = ()            # meetings with any of these themes
    mechanism: str | None = None
    years: tuple[int, int] | None = None    # inclusive
    person: str | None = None               # a lead or participant, canonical name
    language: str | None = None             # of a reporting article

    def describe(self) -> str:
        """The selection in words, for chart titles and notes ("all meetings" when empty)."""
        parts = []
        if self.themes:
            parts.append("themes: " + ", ".join(self.themes))
        if self.mechanism:
            parts.append(f"mechanism: {self.mechanism}")
        if self.years:
            parts.append(f"years {self.years[0]}-{self.years[1]}")
        if self.person:
            parts.append(f"with {self.person}")
        if self.language:
            parts.append(f"language: {self.language}")
        return "; ".join(parts) or "all meetings"


def meeting_themes(sentences: pd.DataFrame) -> pd.DataFrame:
    """Tidy (meeting_id, theme) pairs from the sentences linked to each meeting, each once.

    >>> c = pd.DataFrame({"meeting_id": ["m1", "m1", None], "themes": ["training;border_patrol", "training", "trilateral"]})
    >>> meeting_themes(c).values.tolist()
    [['m1', 'border_patrol'], ['m1', 'training']]
    """
    pairs = {(meeting, theme)
             for meeting, cell in zip(sentences["meeting_id"], sentences["themes"])
             if isinstance(meeting, str) and meeting
             for theme in _ids(cell)}
    return pd.DataFrame(sorted(pairs), columns=["meeting_id", "theme"])


def options(tables: dict, theme_order: list[str] | None = None) -> dict:
    """The choices each control offers, from what the tables hold.

    `themes` follow `theme_order` (the codebook's) when given; `years` is (first, last) start
    year of the dated meetings, or None; `people` are the canonical names of leads and
    participants; `languages` the articles' languages.

    >>> o = options(example_tables())
    >>> o["mechanisms"], o["years"], o["people"][:2]
    (['courtesy_call', 'ministerial_talks'], (2019, 2021), ['Hun Sen', 'Ngo Xuan Lich'])
    """
    meetings = tables["meetings"]
    found = set(meeting_themes(tables["sentences"])["theme"])
    themes = [t for t in theme_order if t in found] if theme_order else sorted(found)
    starts = pd.to_datetime(meetings["date_start"]).dropna()
    people = set(tables["participants"]["person"].dropna()) | set(meetings["vn_lead"].dropna()) | set(
        meetings["kh_lead"].dropna())
    languages = sorted(set(tables["articles"]["language"].dropna()))
    return {
        "themes": themes,
        "mechanisms": sorted(set(meetings["mechanism"].dropna())),
        "years": (int(starts.dt.year.min()), int(starts.dt.year.max())) if len(starts) else None,
        "people": sorted(people),
        "languages": languages,
    }


def select_meetings(tables: dict, selection: Selection) -> pd.DataFrame:
    """The meetings the selection keeps (as `analysis.meeting_table` shows them) plus their themes.

    >>> t = example_tables()
    >>> select_meetings(t, Selection(years=(2020, 2021)))["meeting_id"].tolist()
    ['2021-01-08-ministerial_talks']
    >>> select_meetings(t, Selection(person="Hun Sen"))["meeting_id"].tolist()
    ['2019-03-02-courtesy_call']
    """
    meetings = tables["meetings"]
    themes_of = meeting_themes(tables["sentences"]).groupby("meeting_id")["theme"].agg(";".join)
    keep = pd.Series(True, index=meetings.index)
    if selection.mechanism:
        keep &= meetings["mechanism"] == selection.mechanism
    if selection.themes:
        wanted = set(selection.themes)
        keep &= pd.Series([bool(wanted & set(_ids(themes_of.get(m)))) for m in meetings["meeting_id"]],
                          index=meetings.index, dtype=bool)
    if selection.years:
        first, last = selection.years
        start = pd.to_datetime(meetings["date_start"])
        end = pd.to_datetime(meetings["date_end"]).fillna(start)
        keep &= (start.dt.year <= last).fillna(False) & (end.dt.year >= first).fillna(False)
    if selection.person:
        participants = tables["participants"]
        with_person = set(participants.loc[participants["person"] == selection.person, "meeting_id"])
        keep &= ((meetings["vn_lead"] == selection.person) | (meetings["kh_lead"] == selection.person)).fillna(False) \
            | meetings["meeting_id"].isin(with_person)
    if selection.language:
        articles = tables["articles"]
        in_language = set(articles.loc[articles["language"] == selection.language, "article_id"])
        keep &= pd.Series([bool(in_language & set(_ids(cell))) for cell in meetings["article_ids"]],
                          index=meetings.index, dtype=bool)
    chosen = meeting_table(meetings[keep.to_numpy(dtype=bool)])
    chosen["themes"] = [themes_of.get(m, "") for m in chosen["meeting_id"]]
    return chosen


def theme_year_counts(tables: dict, selected: pd.DataFrame) -> pd.DataFrame:
    """Meetings per theme and start year among `selected` (dated ones), every year of the span.

    >>> t = example_tables()
    >>> counts = theme_year_counts(t, select_meetings(t, Selection()))
    >>> counts.loc["training"].tolist(), list(counts.columns)
    ([1, 0, 1], [2019, 2020, 2021])
    """
    dated = selected[pd.to_datetime(selected["date_start"]).notna()]
    if dated.empty:
        return pd.DataFrame(dtype="int64")
    years = pd.to_datetime(dated["date_start"]).dt.year.astype(int)
    pairs = meeting_themes(tables["sentences"])
    pairs = pairs[pairs["meeting_id"].isin(dated["meeting_id"])]
    year_of = dict(zip(dated["meeting_id"], years))
    pairs = pairs.assign(year=[year_of[m] for m in pairs["meeting_id"]])
    span = range(int(years.min()), int(years.max()) + 1)
    counts = pd.crosstab(pairs["theme"], pairs["year"]).reindex(columns=span, fill_value=0)
    counts.index.name, counts.columns.name = "theme", "year"
    return counts.astype("int64")


def meeting_sources(tables: dict, meeting_id: str) -> pd.DataFrame:
    """The sentences behind one meeting: each reporting article's sentences linked to it, with
    article id, url, publication date, the meeting's date precision, and whether the sentence is
    the meeting's evidence sentence (first rows).

    >>> meeting_sources(example_tables(), "2019-03-01-ministerial_talks")[["article_id", "evidence", "sentence"]]
      article_id  evidence                                       sentence
    0         a1      True  The ministers held talks in Hanoi on March 1.
    1         a1     False                 They agreed to boost training.
    """
    columns = ["article_id", "url", "published", "date_precision", "evidence", "kind", "themes", "sentence"]
    meetings = tables["meetings"]
    row = meetings[meetings["meeting_id"] == meeting_id]
    if row.empty:
        return pd.DataFrame(columns=columns)
    meeting = row.iloc[0]
    sentences = tables["sentences"]
    sentences = sentences[sentences["meeting_id"] == meeting_id]
    articles = tables["articles"].set_index("article_id")
    out = pd.DataFrame({
        "article_id": sentences["article_id"].to_numpy(),
        "url": [articles["url"].get(a) for a in sentences["article_id"]],
        "published": [articles["published"].get(a) for a in sentences["article_id"]],
        "date_precision": meeting["date_precision"],
        "evidence": (sentences["sentence"] == meeting["evidence_sentence"]).to_numpy(),
        "kind": sentences["kind"].to_numpy(),
        "themes": sentences["themes"].fillna("").to_numpy(),
        "sentence": sentences["sentence"].to_numpy(),
        "_order": sentences["sentence_index"].to_numpy(),
    })
    out = out.sort_values(["evidence", "article_id", "_order"], ascending=[False, True, True], kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)[columns]


def example_tables() -> dict:
    """Three meetings, two articles: the tiny tables the examples above run on."""
    meetings = pd.DataFrame({
        "meeting_id": ["2019-03-01-ministerial_talks", "2019-03-02-courtesy_call", "2021-01-08-ministerial_talks"],
        "article_ids": ["a1", "a1", "a2"],
        "date_start": pd.to_datetime(["2019-03-01", "2019-03-02", "2021-01-08"]),
        "date_end": pd.to_datetime(["2019-03-01", "2019-03-02", "2021-01-08"]),
        "date_precision": ["day", "day", "day"], "mechanism": ["ministerial_talks", "courtesy_call", "ministerial_talks"],
        "edition": pd.array([None, None, None], dtype="Int64"), "place": ["Hanoi", "Hanoi", None],
        "country": ["VN", "VN", None], "format": ["in_person", "in_person", "online"],
        "vn_lead": ["Ngo Xuan Lich", "Ngo Xuan Lich", "Ngo Xuan Lich"], "kh_lead": ["Tea Banh", "Hun Sen", "Tea Banh"],
        "evidence_sentence": ["The ministers held talks in Hanoi on March 1.", "He called on Hun Sen.",
                              "They held online talks."],
    })
    sentences = pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a2"],
        "meeting_id": ["2019-03-01-ministerial_talks", "2019-03-01-ministerial_talks", None,
                       "2021-01-08-ministerial_talks"],
        "sentence_index": [0, 1, 2, 0],
        "sentence": ["The ministers held talks in Hanoi on March 1.", "They agreed to boost training.",
                     "Trade grew.", "They held online talks on training."],
        "kind": ["statement", "commitment", "statement", "statement"],
        "themes": [None, "training", None, "training"],
    })
    participants = pd.DataFrame({"meeting_id": ["2019-03-02-courtesy_call"], "person": ["Hun Sen"]})
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "url": ["https://example.org/a1", None],
                             "published": pd.to_datetime(["2019-03-02", "2021-01-09"]), "language": ["en", "en"]})
    return {"meetings": meetings, "sentences": sentences, "participants": participants, "articles": articles}
