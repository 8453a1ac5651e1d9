"""Data shaping for the history notebooks (04 agreements, 05 people and roles, 06 commitment ledger).

Small pure functions: tables from `defcoop.load()` in, tidy DataFrames out, ready to display or
plot. Every row keeps the ids (agreement, meeting, article, commitment) it rests on, so any
number in a chart can be checked against the sentence it came from. Unknown dates (NaT),
missing leads and empty tables give empty or partial results, never errors.

>>> parse_period("2025-2029")
(2025, 2029)
"""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

# Display names of agreements.csv kinds, in the order the charts use.
KIND_LABELS = {
    "cooperation_plan": "Cooperation plan", "protocol": "Protocol", "mou": "MoU", "agreement": "Agreement",
    "minutes": "Minutes", "joint_statement": "Joint statement", "twinning": "Twinning",
}
SIGNED = "signed at a reported meeting"
MENTIONED = "mentioned as being implemented"
COUNTRY_ORDER = ("VN", "KH", "LA")
COUNTRY_NAMES = {"VN": "Vietnam", "KH": "Cambodia", "LA": "Laos"}
UNDATED = "undated"

_YEAR = r"(?:19|20)\d\d"
_PERIOD_TEXT = rf"{_YEAR}(?:\s*[-–—]\s*{_YEAR})?"
_PERIOD = re.compile(rf"\b({_YEAR})(?:\s*[-–—]\s*({_YEAR}))?\b")
# A plan or protocol named with its year or period, as the press writes it:
# "protocol on bilateral defence cooperation for 2015-2019", "Protocol for 2020-2024 period",
# "the 2016 plan", "2021 Cooperation Plan", "cooperation plan for 2026".
_DOCUMENT_PATTERNS = (
    ("protocol", re.compile(rf"\bprotocols?\b[^.;:\d]{{0,80}}?\bfor\s+(?:the\s+)?(?P<period>{_PERIOD_TEXT})\b", re.I)),
    ("protocol", re.compile(rf"\b(?P<period>{_PERIOD_TEXT})\s+(?:defence\s+cooperation\s+)?protocols?\b", re.I)),
    ("cooperation_plan", re.compile(rf"\bplans?\b[^.;:\d]{{0,40}}?\bfor\s+(?:the\s+)?(?P<period>{_PERIOD_TEXT})\b", re.I)),
    ("cooperation_plan", re.compile(rf"\b(?P<period>{_PERIOD_TEXT})\s+(?:(?:defence\s+)?cooperation\s+)?plans?\b", re.I)),
)


# --- small helpers -------------------------------------------------------------------------------

def parse_period(text) -> tuple[int | None, int | None]:
    """First and last year of a period written as "2021", "2025-2029" or "2020 – 2024"; (None, None) if none.

    >>> parse_period("2021"), parse_period("for the 2020 – 2024 period"), parse_period("dialogue")
    ((2021, 2021), (2020, 2024), (None, None))
    """
    if text is None or pd.isna(text):
        return None, None
    match = _PERIOD.search(str(text))
    if not match:
        return None, None
    start = int(match.group(1))
    end = int(match.group(2)) if match.group(2) else start
    return (start, end) if end >= start else (None, None)


def decimal_year(dates: pd.Series) -> pd.Series:
    """Dates as fractional years for a year axis (2021-07-02 → about 2021.5); NaT stays NaN.

    >>> decimal_year(pd.Series(pd.to_datetime(["2021-01-01", None]))).round(2).tolist()
    [2021.0, nan]
    """
    dates = pd.to_datetime(dates)
    days_in_year = 365 + dates.dt.is_leap_year.astype(float)
    return (dates.dt.year + (dates.dt.day_of_year - 1) / days_in_year).astype(float)


def theme_labels(themes) -> dict:
    """{theme id: label} from `defcoop.extract.themes.load_codebook().themes`.

    >>> from types import SimpleNamespace as T
    >>> theme_labels([T(id="training", label="Personnel training")])
    {'training': 'Personnel training'}
    """
    return {theme.id: theme.label for theme in themes}


def _meeting_dates(meetings: pd.DataFrame) -> pd.DataFrame:
    return meetings[["meeting_id", "date_start"]].rename(columns={"date_start": "date"})


def _join_ids(values) -> str:
    return ";".join(dict.fromkeys(str(v) for v in values if not pd.isna(v)))


# --- 04 agreements ---------------------------------------------------------------------------------

def signed_per_year(agreements: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """Documents signed per year (rows, "undated" last) and kind (columns); the year is the meeting's.

    >>> a = pd.DataFrame({"meeting_id": ["m1", "m1", "m2"], "kind": ["mou", "cooperation_plan", "mou"]})
    >>> m = pd.DataFrame({"meeting_id": ["m1", "m2"], "date_start": pd.to_datetime(["2021-01-08", None])})
    >>> signed_per_year(a, m).to_dict("index")
    {'2021': {'Cooperation plan': 1, 'MoU': 1}, 'undated': {'Cooperation plan': 0, 'MoU': 1}}
    """
    rows = agreements[["meeting_id", "kind"]].merge(_meeting_dates(meetings), on="meeting_id", how="left")
    years = rows["date"].dt.year.astype("Int64")
    rows = rows.assign(year=years.astype("string").fillna(UNDATED))
    kinds = [kind for kind in KIND_LABELS if kind in set(rows["kind"])]
    kinds += sorted(set(rows["kind"].dropna()) - set(kinds))
    table = pd.crosstab(rows["year"], rows["kind"]).reindex(columns=kinds, fill_value=0)
    order = sorted(y for y in table.index if y != UNDATED) + [y for y in table.index if y == UNDATED]
    table = table.reindex(order).rename(columns=lambda k: KIND_LABELS.get(k, k))
    table.index.name, table.columns.name = "year", None
    return table.astype(int)


def signed_list(agreements: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """Every signed document with its meeting's date, earliest first (undated last).

    >>> a = pd.DataFrame({"agreement_id": ["x-A1"], "meeting_id": ["m1"], "article_id": ["x"],
    ...                   "kind": ["mou"], "subject": ["training"]})
    >>> m = pd.DataFrame({"meeting_id": ["m1"], "date_start": pd.to_datetime(["2025-10-29"])})
    >>> signed_list(a, m)[["agreement_id", "date", "kind"]].to_dict("records")
    [{'agreement_id': 'x-A1', 'date': Timestamp('2025-10-29 00:00:00'), 'kind': 'MoU'}]
    """
    columns = ["agreement_id", "date", "meeting_id", "kind", "subject", "article_id"]
    rows = agreements.merge(_meeting_dates(meetings), on="meeting_id", how="left")
    rows = rows.sort_values(["date", "agreement_id"], na_position="last", kind="stable")
    rows = rows.assign(kind=rows["kind"].map(lambda k: KIND_LABELS.get(k, k)))
    return rows[columns].reset_index(drop=True)


def signed_periods(agreements: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """Signed cooperation plans and protocols with the years they cover (from `subject`).

    >>> a = pd.DataFrame({"agreement_id": ["x-A1", "x-A2"], "meeting_id": ["m1", "m1"], "article_id": ["x", "x"],
    ...                   "kind": ["protocol", "mou"], "subject": ["2025-2029", "training"], "sentence": ["s", "s"]})
    >>> m = pd.DataFrame({"meeting_id": ["m1"], "date_start": pd.to_datetime(["2025-10-29"])})
    >>> signed_periods(a, m)[["agreement_id", "period", "start_year", "end_year"]].to_dict("records")
    [{'agreement_id': 'x-A1', 'period': '2025-2029', 'start_year': 2025, 'end_year': 2029}]
    """
    columns = ["agreement_id", "meeting_id", "article_id", "kind", "period", "start_year", "end_year", "date", "sentence"]
    rows = agreements[agreements["kind"].isin(["cooperation_plan", "protocol"])]
    rows = rows.merge(_meeting_dates(meetings), on="meeting_id", how="left")
    spans = [parse_period(subject) for subject in rows["subject"]]
    rows = rows.assign(start_year=pd.array([s for s, _ in spans], dtype="Int64"),
                       end_year=pd.array([e for _, e in spans], dtype="Int64"))
    rows = rows[rows["start_year"].notna()]
    rows = rows.assign(period=_period_label(rows["start_year"], rows["end_year"]))
    return rows[columns].reset_index(drop=True)


def _period_label(starts: pd.Series, ends: pd.Series) -> pd.Series:
    labels = [str(s) if s == e else f"{s}-{e}" for s, e in zip(starts, ends)]
    return pd.Series(labels, index=starts.index, dtype="string")


def find_document_mentions(sentences: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """Plans and protocols named with a period in any sentence, e.g. "the protocol ... for 2015-2019".

    One row per mention, with the commitment (sentence) id, article, meeting and its date.

    >>> c = pd.DataFrame({"sentence_id": ["x-S001"], "article_id": ["x"], "meeting_id": ["m1"],
    ...     "sentence": ["They carried out the Protocol for 2020-2024 period and the 2021 Cooperation Plan."]})
    >>> m = pd.DataFrame({"meeting_id": ["m1"], "date_start": pd.to_datetime(["2021-01-08"])})
    >>> find_document_mentions(c, m)[["kind", "period"]].to_dict("records")
    [{'kind': 'protocol', 'period': '2020-2024'}, {'kind': 'cooperation_plan', 'period': '2021'}]
    """
    columns = ["sentence_id", "article_id", "meeting_id", "kind", "period", "start_year", "end_year", "date", "sentence"]
    found = []
    for row in sentences[["sentence_id", "article_id", "meeting_id", "sentence"]].itertuples(index=False):
        if pd.isna(row.sentence):
            continue
        hits, taken = [], []
        for kind, pattern in _DOCUMENT_PATTERNS:
            for match in pattern.finditer(row.sentence):
                span = match.span("period")
                if any(span[0] < end and start < span[1] for start, end in taken):
                    continue
                taken.append(span)
                start_year, end_year = parse_period(match.group("period"))
                if start_year is not None:
                    hits.append((span[0], kind, start_year, end_year))
        for _, kind, start_year, end_year in sorted(hits):
            found.append({"sentence_id": row.sentence_id, "article_id": row.article_id,
                          "meeting_id": row.meeting_id, "kind": kind, "start_year": start_year,
                          "end_year": end_year, "sentence": row.sentence})
    rows = pd.DataFrame(found, columns=[c for c in columns if c not in ("period", "date")])
    rows = rows.astype({"start_year": "Int64", "end_year": "Int64"})
    rows = rows.merge(_meeting_dates(meetings), on="meeting_id", how="left")
    rows = rows.assign(period=_period_label(rows["start_year"], rows["end_year"]))
    return rows[columns].reset_index(drop=True)


def drop_signings(mentions: pd.DataFrame, signed: pd.DataFrame) -> pd.DataFrame:
    """Mentions minus the ones that report the signing itself (same article, kind and period).

    >>> mentions = pd.DataFrame({"article_id": ["x", "x"], "kind": ["cooperation_plan", "protocol"],
    ...                          "period": ["2021", "2020-2024"]})
    >>> signed = pd.DataFrame({"article_id": ["x"], "kind": ["cooperation_plan"], "period": ["2021"]})
    >>> drop_signings(mentions, signed)["period"].tolist()
    ['2020-2024']
    """
    key = ["article_id", "kind", "period"]
    signed_keys = set(map(tuple, signed[key].astype(str).to_numpy().tolist()))
    keep = [tuple(k) not in signed_keys for k in mentions[key].astype(str).to_numpy().tolist()]
    return mentions[pd.Series(keep, index=mentions.index, dtype=bool)].reset_index(drop=True)


def document_timeline(signed: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per plan or protocol (kind, period), for a Gantt chart of the years it covers.

    `status` is "signed at a reported meeting" when any reported meeting signed it, else
    "mentioned as being implemented". `y` is the chart row (0 = earliest period).
    Pass `mentions` through `drop_signings` first.

    >>> s = pd.DataFrame({"agreement_id": ["x-A1"], "meeting_id": ["m1"], "kind": ["cooperation_plan"],
    ...     "period": ["2021"], "start_year": [2021], "end_year": [2021], "date": pd.to_datetime(["2021-01-08"])})
    >>> m = pd.DataFrame({"sentence_id": ["x-S3"], "kind": ["protocol"], "period": ["2020-2024"],
    ...     "start_year": [2020], "end_year": [2024], "date": pd.to_datetime(["2021-01-08"])})
    >>> document_timeline(s, m)[["document", "status", "y"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'document': 'Protocol 2020-2024', 'status': 'mentioned as being implemented', 'y': 0},
     {'document': 'Cooperation plan 2021', 'status': 'signed at a reported meeting', 'y': 1}]
    """
    columns = ["document", "kind", "period", "start_year", "end_year", "status", "signed_at", "signed_ids",
               "mentioned_in", "first_seen", "y"]
    key = ["kind", "period", "start_year", "end_year"]
    both = pd.concat([signed[key + ["date"]].assign(signed_id=signed["agreement_id"], meeting=signed["meeting_id"]),
                      mentions[key + ["date"]].assign(mention_id=mentions["sentence_id"])], ignore_index=True)
    if both.empty:
        return pd.DataFrame(columns=columns)
    for column in ("signed_id", "meeting", "mention_id"):
        if column not in both:
            both[column] = pd.NA
    rows = []
    for (kind, period, start, end), group in both.groupby(key, sort=False, dropna=False):
        signed_ids = _join_ids(group["signed_id"])
        rows.append({"document": f"{KIND_LABELS.get(kind, kind)} {period}", "kind": kind, "period": period,
                     "start_year": start, "end_year": end, "status": SIGNED if signed_ids else MENTIONED,
                     "signed_at": _join_ids(group["meeting"]), "signed_ids": signed_ids,
                     "mentioned_in": _join_ids(group["mention_id"]), "first_seen": group["date"].min()})
    table = pd.DataFrame(rows, columns=columns[:-1])
    order = {kind: index for index, kind in enumerate(KIND_LABELS)}
    table = table.assign(_order=table["kind"].map(order)).sort_values(["start_year", "end_year", "_order", "period"])
    table = table.drop(columns="_order").reset_index(drop=True)
    table["y"] = range(len(table))
    return table.astype({"start_year": "Int64", "end_year": "Int64"})


def document_marks(timeline: pd.DataFrame, signed: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Points for the Gantt: when each document was signed or mentioned (dated ones only), on its row.

    >>> t = pd.DataFrame({"kind": ["protocol"], "period": ["2020-2024"], "y": [0]})
    >>> m = pd.DataFrame({"sentence_id": ["x-S3"], "kind": ["protocol"], "period": ["2020-2024"],
    ...                   "date": pd.to_datetime(["2021-01-01"])})
    >>> document_marks(t, m.iloc[0:0].assign(agreement_id=[]), m)[["id", "mark", "x", "y"]].to_dict("records")
    [{'id': 'x-S3', 'mark': 'mentioned', 'x': 2021.0, 'y': 0}]
    """
    columns = ["id", "mark", "date", "x", "y"]
    parts = [signed[["kind", "period", "date"]].assign(id=signed["agreement_id"], mark="signed"),
             mentions[["kind", "period", "date"]].assign(id=mentions["sentence_id"], mark="mentioned")]
    points = pd.concat([p for p in parts if not p.empty], ignore_index=True) if any(not p.empty for p in parts) \
        else pd.DataFrame(columns=["kind", "period", "date", "id", "mark"])
    points = points.merge(timeline[["kind", "period", "y"]], on=["kind", "period"], how="inner")
    points = points[points["date"].notna()]
    points = points.assign(date=pd.to_datetime(points["date"]))
    points = points.assign(x=decimal_year(points["date"]))
    return points[columns].reset_index(drop=True)


# --- 05 people and roles ---------------------------------------------------------------------------

def officials_frame(officials, roles: dict | None = None) -> pd.DataFrame:
    """Terms of office (`load_officials().officials`) as a DataFrame; empty term ends become NaT.

    `roles` (`defcoop.extract.people.load_roles()`) adds a short `role_label`; otherwise the role id is used.

    >>> from defcoop.extract.people import Official
    >>> frame = officials_frame([Official("X", "VN", "defence_minister", 6, "Minister", date(2016, 4, 9), None, (), "")])
    >>> frame[["person", "role_label", "term_start"]].to_dict("records")
    [{'person': 'X', 'role_label': 'defence_minister', 'term_start': Timestamp('2016-04-09 00:00:00')}]
    """
    columns = ["person", "country", "role", "role_label", "rank", "title", "term_start", "term_end", "source"]
    rows = [{"person": o.person, "country": o.country, "role": o.role,
             "role_label": roles[o.role].label if roles and o.role in roles else o.role, "rank": o.rank,
             "title": o.title, "term_start": o.term_start, "term_end": o.term_end, "source": o.source}
            for o in officials]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("term_start", "term_end"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[us]")
    return frame.astype({"rank": "Int64"})


def people_at_meetings(meetings: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Everyone at each meeting: the two leads plus the other participants, one row per person.

    >>> m = pd.DataFrame({"meeting_id": ["m1"], "date_start": pd.to_datetime(["2021-01-08"]),
    ...                   "vn_lead": ["Ngo Xuan Lich"], "kh_lead": [pd.NA]})
    >>> p = pd.DataFrame({"meeting_id": ["m1", "m1"], "person": ["Ngo Xuan Lich", "Tea Banh"],
    ...                   "country": ["VN", "KH"], "role": ["defence_minister", "deputy_prime_minister"]})
    >>> people_at_meetings(m, p)[["person", "country", "lead"]].to_dict("records")
    [{'person': 'Ngo Xuan Lich', 'country': 'VN', 'lead': True}, {'person': 'Tea Banh', 'country': 'KH', 'lead': False}]
    """
    columns = ["meeting_id", "date", "person", "country", "role", "lead"]
    leads = pd.concat([meetings[["meeting_id", "vn_lead"]].rename(columns={"vn_lead": "person"}).assign(country="VN"),
                       meetings[["meeting_id", "kh_lead"]].rename(columns={"kh_lead": "person"}).assign(country="KH")])
    leads = leads[leads["person"].notna()].assign(lead=True)
    others = participants[["meeting_id", "person", "country", "role"]]
    others = others[others["person"].notna()].assign(lead=False)
    rows = pd.concat([leads.assign(role=pd.NA), others], ignore_index=True)
    roles = others.dropna(subset=["role"]).drop_duplicates(["meeting_id", "person"]).set_index(["meeting_id", "person"])["role"]
    rows["role"] = [roles.get((m, p), pd.NA) for m, p in zip(rows["meeting_id"], rows["person"])]
    rows = rows.sort_values("lead", ascending=False, kind="stable").drop_duplicates(["meeting_id", "person"])
    order = {meeting: index for index, meeting in enumerate(meetings["meeting_id"])}
    rows = rows.assign(_m=rows["meeting_id"].map(order), _c=rows["country"].map(_country_rank))
    rows = rows.sort_values(["_m", "lead", "_c", "person"], ascending=[True, False, True, True], kind="stable")
    rows = rows.merge(_meeting_dates(meetings), on="meeting_id", how="left")
    return rows[columns].astype({"lead": bool, "role": "string", "country": "string"}).reset_index(drop=True)


def _country_rank(country) -> int:
    return COUNTRY_ORDER.index(country) if country in COUNTRY_ORDER else len(COUNTRY_ORDER)


def timeline_window(dates: pd.Series, as_of: str, pad_years: int = 2) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From 1 January `pad_years` before the first known date to `as_of` (10 years back if none).

    >>> timeline_window(pd.Series(pd.to_datetime(["2016-10-21", None])), "2025-12-31")
    (Timestamp('2014-01-01 00:00:00'), Timestamp('2025-12-31 00:00:00'))
    """
    end = pd.Timestamp(as_of)
    first = pd.to_datetime(dates).min()
    year = (first.year if not pd.isna(first) else end.year - 8) - pad_years
    return pd.Timestamp(year=year, month=1, day=1), end


def people_gantt(officials: pd.DataFrame, appearances: pd.DataFrame, start, end) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Bars (terms of office of the people at meetings, clipped to [start, end]) and meeting marks.

    One chart row (`y`, `row`) per person and role; people ordered by country (VN, KH, others)
    then first appearance. A meeting is marked on the row of the role the person held that day
    (the participant's role, else the highest-ranked term covering the date); people without a
    term on record get a row of their own. `open_start`/`open_end` flag terms that run past the
    window or whose start is unknown.

    >>> o = pd.DataFrame({"person": ["A"], "country": ["VN"], "role": ["defence_minister"],
    ...     "role_label": ["Minister of National Defence"], "rank": [6],
    ...     "term_start": pd.to_datetime(["2016-04-09"]), "term_end": pd.to_datetime([None])})
    >>> a = pd.DataFrame({"meeting_id": ["m1", "m2"], "date": pd.to_datetime(["2021-01-08", "2021-01-08"]),
    ...     "person": ["A", "B"], "country": ["VN", "KH"], "role": [pd.NA, pd.NA], "lead": [True, True]})
    >>> bars, marks = people_gantt(o, a, pd.Timestamp("2015-01-01"), pd.Timestamp("2025-12-31"))
    >>> bars[["row", "open_end", "y"]].to_dict("records")
    [{'row': 'A: Minister of National Defence', 'open_end': True, 'y': 0}]
    >>> marks[["person", "row", "y"]].to_dict("records")
    [{'person': 'A', 'row': 'A: Minister of National Defence', 'y': 0}, {'person': 'B', 'row': 'B: no term on record', 'y': 1}]
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    people = appearances.drop_duplicates("person")
    first_seen = appearances.groupby("person")["date"].min()
    terms = officials[officials["person"].isin(people["person"])]
    terms = terms[(terms["term_start"].isna() | (terms["term_start"] <= end))
                  & (terms["term_end"].isna() | (terms["term_end"] >= start))]
    terms = terms.assign(row=terms["person"] + ": " + terms["role_label"],
                         bar_start=terms["term_start"].clip(lower=start).fillna(start),
                         bar_end=terms["term_end"].clip(upper=end).fillna(end),
                         open_start=terms["term_start"].isna() | (terms["term_start"] < start),
                         open_end=terms["term_end"].isna() | (terms["term_end"] > end))
    marks = []
    for visit in appearances.itertuples(index=False):
        own = terms[terms["person"] == visit.person]
        covering = own[(own["term_start"].isna() | (own["term_start"] <= visit.date))
                       & (own["term_end"].isna() | (own["term_end"] >= visit.date))] if not pd.isna(visit.date) else own.iloc[0:0]
        same_role = covering[covering["role"] == visit.role] if not pd.isna(visit.role) else covering.iloc[0:0]
        chosen = same_role if not same_role.empty else covering.sort_values("rank")
        row = chosen["row"].iloc[0] if not chosen.empty else f"{visit.person}: no term on record"
        marks.append({"meeting_id": visit.meeting_id, "date": visit.date, "person": visit.person,
                      "country": visit.country, "lead": bool(visit.lead), "row": row})
    marks = pd.DataFrame(marks, columns=["meeting_id", "date", "person", "country", "lead", "row"])
    country_of = dict(zip(people["person"], people["country"]))
    labels = list(dict.fromkeys(list(terms.sort_values(["term_start", "rank"], na_position="first")["row"])
                                + list(marks["row"])))
    person_of = {**dict(zip(terms["row"], terms["person"])), **dict(zip(marks["row"], marks["person"]))}
    never = pd.Timestamp.max

    def sort_key(label):
        person = person_of[label]
        seen = first_seen.get(person, pd.NaT)
        return (_country_rank(country_of.get(person)), never if pd.isna(seen) else seen, person)

    labels.sort(key=sort_key)
    y_of = {label: index for index, label in enumerate(labels)}
    bars = terms.assign(y=terms["row"].map(y_of)).sort_values(["y", "bar_start"])
    bars = bars.assign(x_start=decimal_year(bars["bar_start"]), x_end=decimal_year(bars["bar_end"]))
    bar_columns = ["person", "country", "role", "row", "term_start", "term_end", "bar_start", "bar_end",
                   "open_start", "open_end", "x_start", "x_end", "y"]
    marks = marks.assign(y=marks["row"].map(y_of).astype(int), x=decimal_year(marks["date"]))
    return bars[bar_columns].reset_index(drop=True), marks.reset_index(drop=True)


def gantt_rows(bars: pd.DataFrame, marks: pd.DataFrame) -> pd.DataFrame:
    """The chart rows of `people_gantt` (label and `y`), top to bottom, for the tick labels.

    >>> bars = pd.DataFrame({"row": ["A: Minister"], "y": [0]})
    >>> marks = pd.DataFrame({"row": ["A: Minister", "B: no term on record"], "y": [0, 1]})
    >>> gantt_rows(bars, marks)["row"].tolist()
    ['A: Minister', 'B: no term on record']
    """
    rows = pd.concat([bars[["row", "y"]], marks[["row", "y"]]], ignore_index=True).drop_duplicates()
    return rows.astype({"y": int}).sort_values("y").reset_index(drop=True)


def meeting_edges(appearances: pd.DataFrame) -> pd.DataFrame:
    """Who met whom: per meeting an edge between the two leads, and from each other participant
    to the other side's lead (or, with no lead there, everyone on the other side).

    People of unknown country are linked to the leads of both sides.

    >>> a = pd.DataFrame({"meeting_id": ["m1"] * 3, "date": pd.to_datetime(["2021-01-08"] * 3),
    ...     "person": ["A", "B", "C"], "country": ["VN", "KH", "KH"], "lead": [True, True, False]})
    >>> meeting_edges(a)[["person_a", "person_b", "kind"]].to_dict("records")
    [{'person_a': 'A', 'person_b': 'B', 'kind': 'leads'}, {'person_a': 'A', 'person_b': 'C', 'kind': 'participant'}]
    """
    edges = []
    for meeting_id, group in appearances.groupby("meeting_id", sort=False):
        date_ = group["date"].iloc[0]
        leads = group[group["lead"]]
        country = dict(zip(group["person"], group["country"]))
        vn, kh = leads[leads["country"] == "VN"]["person"].tolist(), leads[leads["country"] == "KH"]["person"].tolist()
        for a in vn:
            for b in kh:
                edges.append((meeting_id, date_, a, b, "leads"))
        for person in group[~group["lead"]]["person"]:
            side = country.get(person)
            others = group[group["person"] != person]
            if pd.isna(side):
                partners = leads[leads["person"] != person]["person"].tolist()
            else:
                other_side = others[others["country"].fillna("") != side]
                partners = other_side[other_side["lead"]]["person"].tolist() or other_side["person"].tolist()
            for partner in partners:
                edges.append((meeting_id, date_, partner, person, "participant"))
    rows = []
    for meeting_id, date_, a, b, kind in edges:
        first, second = sorted([a, b], key=lambda p: (_country_rank(country_of_edge(appearances, p)), p))
        rows.append({"meeting_id": meeting_id, "date": date_, "person_a": first, "person_b": second, "kind": kind})
    table = pd.DataFrame(rows, columns=["meeting_id", "date", "person_a", "person_b", "kind"])
    return table.drop_duplicates(["meeting_id", "person_a", "person_b"]).reset_index(drop=True)


def country_of_edge(appearances: pd.DataFrame, person: str):
    """The country a person appears with (first non-empty), else None.

    >>> country_of_edge(pd.DataFrame({"person": ["A"], "country": ["KH"]}), "A")
    'KH'
    """
    known = appearances[(appearances["person"] == person) & appearances["country"].notna()]["country"]
    return known.iloc[0] if not known.empty else None


def network_nodes(appearances: pd.DataFrame) -> pd.DataFrame:
    """People as nodes, placed in columns: Vietnam left (x=0), Cambodia right (x=1), others in the
    middle; within a column, earliest first appearance on top. Counts meetings attended and led.

    >>> a = pd.DataFrame({"meeting_id": ["m1", "m1", "m2"], "date": pd.to_datetime(["2016-10-21"] * 2 + ["2021-01-08"]),
    ...     "person": ["A", "B", "A"], "country": ["VN", "KH", "VN"], "lead": [True, True, False]})
    >>> network_nodes(a)[["person", "meetings", "led", "x", "y"]].to_dict("records")
    [{'person': 'A', 'meetings': 2, 'led': 1, 'x': 0.0, 'y': 0.0}, {'person': 'B', 'meetings': 1, 'led': 1, 'x': 1.0, 'y': 0.0}]
    """
    columns = ["person", "country", "meetings", "led", "first_seen", "meeting_ids", "x", "y"]
    if appearances.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for person, group in appearances.groupby("person", sort=False):
        known = group["country"].dropna()
        rows.append({"person": person, "country": known.iloc[0] if not known.empty else pd.NA,
                     "meetings": group["meeting_id"].nunique(), "led": int(group["lead"].sum()),
                     "first_seen": group["date"].min(), "meeting_ids": _join_ids(group["meeting_id"])})
    nodes = pd.DataFrame(rows)
    nodes["x"] = [0.0 if c == "VN" else 1.0 if c == "KH" else 0.5 for c in nodes["country"]]
    nodes = nodes.sort_values(["x", "first_seen", "person"], na_position="last").reset_index(drop=True)
    nodes["y"] = nodes.groupby("x").cumcount().astype(float)
    return nodes[columns]


def edge_weights(edges: pd.DataFrame) -> pd.DataFrame:
    """One row per pair of people who met, with the number of meetings and their ids.

    `years` lists the meeting years ("undated" for a meeting without a date), for edge labels.

    >>> e = pd.DataFrame({"meeting_id": ["m1", "m2"], "date": pd.to_datetime(["2019-12-04", None]),
    ...                   "person_a": ["A", "A"], "person_b": ["B", "B"], "kind": ["leads", "participant"]})
    >>> edge_weights(e).to_dict("records")
    [{'person_a': 'A', 'person_b': 'B', 'meetings': 2, 'as_leads': 1, 'years': '2019, undated', 'meeting_ids': 'm1;m2'}]
    """
    columns = ["person_a", "person_b", "meetings", "as_leads", "years", "meeting_ids"]
    if edges.empty:
        return pd.DataFrame(columns=columns)
    edges = edges.assign(year=[UNDATED if pd.isna(d) else str(d.year) for d in edges["date"]])
    grouped = edges.groupby(["person_a", "person_b"], sort=False)
    table = grouped.agg(meetings=("meeting_id", "nunique"),
                        as_leads=("kind", lambda kinds: int((kinds == "leads").sum())),
                        years=("year", lambda years: ", ".join(sorted(set(years)))),
                        meeting_ids=("meeting_id", _join_ids)).reset_index()
    return table[columns]


# --- 06 commitment ledger --------------------------------------------------------------------------

def theme_events(sentences: pd.DataFrame, meetings: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Pledges ("commitment" rows) and reported results ("result" rows), one row per theme.

    `date` is the reported meeting's start date, else the article's publication date, else NaT
    (`date_source` says which). Year-precision meetings are dated 1 January of their year.

    >>> c = pd.DataFrame({"sentence_id": ["x-S1", "x-S2"], "article_id": ["x", "x"], "meeting_id": ["m1", "m1"],
    ...                   "kind": ["commitment", "statement"], "themes": ["training;border_patrol", "training"]})
    >>> m = pd.DataFrame({"meeting_id": ["m1"], "date_start": pd.to_datetime(["2021-01-08"])})
    >>> a = pd.DataFrame({"article_id": ["x"], "published": pd.to_datetime([None])})
    >>> theme_events(c, m, a)[["sentence_id", "theme", "kind", "date_source"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'sentence_id': 'x-S1', 'theme': 'training', 'kind': 'commitment', 'date_source': 'meeting'},
     {'sentence_id': 'x-S1', 'theme': 'border_patrol', 'kind': 'commitment', 'date_source': 'meeting'}]
    """
    columns = ["sentence_id", "article_id", "meeting_id", "date", "date_source", "date_precision", "kind", "theme",
               "sentence"]
    rows = sentences[sentences["kind"].isin(["commitment", "result"]) & sentences["themes"].notna()]
    rows = rows.assign(theme=rows["themes"].astype(str).str.split(";")).explode("theme")
    rows = rows[rows["theme"].str.strip() != ""]
    precision = meetings["date_precision"] if "date_precision" in meetings else pd.Series("day", index=meetings.index)
    rows = rows.merge(_meeting_dates(meetings).assign(precision=precision), on="meeting_id", how="left")
    rows = rows.merge(articles[["article_id", "published"]], on="article_id", how="left")
    sources = ["meeting" if not pd.isna(d) else "published" if not pd.isna(p) else "none"
               for d, p in zip(rows["date"], rows["published"])]
    rows["date_source"] = pd.Series(sources, index=rows.index, dtype="string")
    rows["date_precision"] = pd.Series(
        [str(p) if s == "meeting" else "day" if s == "published" else "unknown" for s, p in zip(sources, rows["precision"])],
        index=rows.index, dtype="string")
    rows["date"] = rows["date"].fillna(rows["published"])
    if "sentence" not in rows:
        rows["sentence"] = pd.NA
    return rows[columns].astype({"theme": "string"}).reset_index(drop=True)


def commitment_ledger(events: pd.DataFrame) -> pd.DataFrame:
    """Each pledged theme followed through later articles.

    From the earliest dated pledge of a theme: later articles that pledge it again count as
    repeats, the first later "result" row is the reported result, and the lag is measured
    between their dates (`lag_precision`: the coarser of the two dates' precisions, so a lag
    from a year-precision meeting, dated 1 January, reads as approximate).
    Status: "reported done", "repeated" or "not heard of again".
    Rows with no date cannot be ordered; they are counted in `undated_rows` and left out.

    >>> e = pd.DataFrame({"sentence_id": ["a-S1", "b-S4", "c-S2"], "article_id": ["a", "b", "c"],
    ...     "date": pd.to_datetime(["2016-10-21", "2021-01-08", "2023-11-13"]),
    ...     "kind": ["commitment", "commitment", "result"], "theme": ["training"] * 3})
    >>> commitment_ledger(e)[["times_repeated", "lag_days", "lag_years", "status"]].to_dict("records")
    [{'times_repeated': 1, 'lag_days': 2579, 'lag_years': 7.1, 'status': 'reported done'}]
    """
    columns = ["theme", "first_pledged", "pledge_ids", "times_repeated", "repeat_ids", "first_reported_done",
               "result_ids", "lag_days", "lag_years", "lag_precision", "status", "undated_rows"]
    rows = []
    for theme, group in events.groupby("theme", sort=False):
        dated = group[group["date"].notna()]
        pledges = dated[dated["kind"] == "commitment"].sort_values(["date", "sentence_id"])
        if pledges.empty:
            continue
        first = pledges["date"].iloc[0]
        later = dated[dated["date"] > first]
        repeats = later[later["kind"] == "commitment"]
        results = later[later["kind"] == "result"].sort_values(["date", "sentence_id"])
        done = results["date"].iloc[0] if not results.empty else pd.NaT
        lag = (done - first).days if not pd.isna(done) else pd.NA
        precisions = [pledges["date_precision"].iloc[0] if "date_precision" in pledges else "day"]
        if not pd.isna(done):
            precisions.append(results["date_precision"].iloc[0] if "date_precision" in results else "day")
        rows.append({
            "theme": theme, "first_pledged": first,
            "pledge_ids": _join_ids(pledges[pledges["date"] == first]["sentence_id"]),
            "times_repeated": repeats["article_id"].nunique(), "repeat_ids": _join_ids(repeats["sentence_id"]),
            "first_reported_done": done,
            "result_ids": _join_ids(results[results["date"] == done]["sentence_id"]) if not pd.isna(done) else "",
            "lag_days": lag, "lag_years": round(lag / 365.25, 1) if not pd.isna(lag) else pd.NA,
            "lag_precision": max(precisions, key=_precision_rank) if not pd.isna(lag) else pd.NA,
            "status": "reported done" if not pd.isna(done) else "repeated" if not repeats.empty else "not heard of again",
            "undated_rows": int(group["date"].isna().sum()),
        })
    table = pd.DataFrame(rows, columns=columns)
    table = table.astype({"times_repeated": "Int64", "lag_days": "Int64", "lag_years": "Float64",
                          "lag_precision": "string", "undated_rows": "Int64"})
    for column in ("first_pledged", "first_reported_done"):
        table[column] = pd.to_datetime(table[column])
    return table.sort_values(["first_pledged", "theme"], kind="stable").reset_index(drop=True)


def _precision_rank(precision) -> int:
    order = ("day", "month", "year", "unknown")
    return order.index(precision) if precision in order else len(order)


def ledger_points(events: pd.DataFrame, ledger: pd.DataFrame) -> pd.DataFrame:
    """Dots for the ledger chart: one per (article, theme, kind) on a pledged theme, dated only.

    `y` follows the ledger order (first pledged first); `mark` is "pledge" or "reported result";
    `sentences` counts the rows behind a dot and `ids` lists them.

    >>> e = pd.DataFrame({"sentence_id": ["a-S1", "a-S2"], "article_id": ["a", "a"], "meeting_id": ["m", "m"],
    ...     "date": pd.to_datetime(["2021-01-08"] * 2), "kind": ["commitment"] * 2, "theme": ["training"] * 2})
    >>> ledger_points(e, pd.DataFrame({"theme": ["training"]}))[["mark", "sentences", "ids", "y"]].to_dict("records")
    [{'mark': 'pledge', 'sentences': 2, 'ids': 'a-S1;a-S2', 'y': 0}]
    """
    columns = ["theme", "article_id", "meeting_id", "date", "x", "mark", "sentences", "ids", "y"]
    y_of = {theme: index for index, theme in enumerate(ledger["theme"])}
    rows = events[events["theme"].isin(list(y_of)) & events["date"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    points = rows.groupby(["theme", "article_id", "meeting_id", "date", "kind"], dropna=False, sort=False).agg(
        sentences=("sentence_id", "size"), ids=("sentence_id", _join_ids)).reset_index()
    points = points.assign(mark=points["kind"].map({"commitment": "pledge", "result": "reported result"}),
                           x=decimal_year(points["date"]), y=points["theme"].map(y_of).astype(int))
    return points.sort_values(["y", "date", "mark"]).reset_index(drop=True)[columns]


def events_by_article(events: pd.DataFrame) -> pd.DataFrame:
    """Where the ledger's rows come from: per article, its meeting, date and counts of pledge and result rows.

    >>> e = pd.DataFrame({"sentence_id": ["a-S1", "a-S2"], "article_id": ["a", "a"], "meeting_id": ["m", "m"],
    ...     "date": pd.to_datetime(["2021-01-08"] * 2), "kind": ["commitment", "result"], "theme": ["training"] * 2})
    >>> events_by_article(e)[["article_id", "pledge_rows", "result_rows", "themes"]].to_dict("records")
    [{'article_id': 'a', 'pledge_rows': 1, 'result_rows': 1, 'themes': 'training'}]
    """
    columns = ["article_id", "meeting_id", "date", "pledge_rows", "result_rows", "themes"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for (article, meeting), group in events.groupby(["article_id", "meeting_id"], dropna=False, sort=False):
        rows.append({"article_id": article, "meeting_id": meeting, "date": group["date"].min(),
                     "pledge_rows": int((group["kind"] == "commitment").sum()),
                     "result_rows": int((group["kind"] == "result").sum()),
                     "themes": ";".join(sorted(set(group["theme"])))})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["date", "article_id"], na_position="last").reset_index(drop=True)


def add_labels(frame: pd.DataFrame, labels: dict, column: str = "theme") -> pd.DataFrame:
    """A `label` column right after `column` (the id itself when it has no label).

    >>> add_labels(pd.DataFrame({"theme": ["training", "new"]}), {"training": "Personnel training"}).to_dict("records")
    [{'theme': 'training', 'label': 'Personnel training'}, {'theme': 'new', 'label': 'new'}]
    """
    frame = frame.copy()
    values = pd.Series([labels.get(v, v) for v in frame[column]], index=frame.index, dtype="string")
    frame.insert(frame.columns.get_loc(column) + 1, "label", values)
    return frame


def status_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Themes per ledger status, every status listed (zero included).

    >>> status_counts(pd.DataFrame({"status": ["repeated", "repeated"]}))["themes"].tolist()
    [0, 2, 0]
    """
    statuses = ["reported done", "repeated", "not heard of again"]
    counts = ledger["status"].value_counts().reindex(statuses, fill_value=0)
    return pd.DataFrame({"status": statuses, "themes": counts.astype(int).tolist()})


def lag_segments(ledger: pd.DataFrame) -> pd.DataFrame:
    """For the ledger chart: per theme with a reported result, a segment from the first pledge to it.

    `y` is the ledger row, `x_start`/`x_end` are fractional years.

    >>> l = pd.DataFrame({"theme": ["a", "b"], "first_pledged": pd.to_datetime(["2016-01-01", "2021-01-01"]),
    ...                   "first_reported_done": pd.to_datetime(["2021-01-01", None])})
    >>> lag_segments(l)[["theme", "x_start", "x_end", "y"]].to_dict("records")
    [{'theme': 'a', 'x_start': 2016.0, 'x_end': 2021.0, 'y': 0}]
    """
    rows = ledger.assign(y=range(len(ledger)))
    rows = rows[rows["first_reported_done"].notna()]
    rows = rows.assign(x_start=decimal_year(rows["first_pledged"]), x_end=decimal_year(rows["first_reported_done"]))
    return rows[["theme", "x_start", "x_end", "y"]].reset_index(drop=True)


def trail(events: pd.DataFrame, theme: str) -> pd.DataFrame:
    """Every pledge and result row on one theme, in date order (undated last), with its sentence.

    >>> e = pd.DataFrame({"sentence_id": ["b-S1", "a-S1"], "article_id": ["b", "a"], "meeting_id": ["mb", "ma"],
    ...     "date": pd.to_datetime(["2025-01-01", "2023-11-13"]), "kind": ["commitment"] * 2,
    ...     "theme": ["border_demarcation"] * 2, "sentence": ["later", "first"]})
    >>> trail(e, "border_demarcation")["sentence_id"].tolist()
    ['a-S1', 'b-S1']
    """
    columns = ["date", "sentence_id", "meeting_id", "kind", "sentence"]
    rows = events[events["theme"] == theme].sort_values(["date", "sentence_id"], na_position="last")
    return rows[columns].reset_index(drop=True)
