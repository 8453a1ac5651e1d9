"""Shape the defcoop tables for the notebooks: small pure functions, DataFrame in, DataFrame out.

The notebooks only load tables, call these functions and plot, so every number they show
can be tested here on tiny hand-made frames (see ``tests/test_analysis.py``). Nothing in
this module reads files, looks at the clock or changes its inputs. Every function copes
with empty tables, unknown dates (NaT) and missing names, because the notebooks are rerun
on other corpora.

Functions by notebook:

* 01_corpus: `corpus_overview`, `count_by`, `published_range`, `corpus_totals`, `cleaning_summary`,
  `repair_examples`, `removal_examples`, `text_budget`
* 02_meetings_timeline: `meeting_table`, `timeline_rows`, `undated_meetings`,
  `dialogue_editions`, `numbered_editions`, `edition_gaps`, `annual_cadence`
* 03_themes_over_time: `theme_table`, `select_themes`, `article_years`, `articles_per_year`,
  `article_themes`, `theme_year_counts`, `to_long`, `theme_kinds`

>>> import pandas as pd
>>> count_by(pd.DataFrame({"source": ["VNA", None, "VNA"]}), "source")
         source  n
0           VNA  2
1  (not stated)  1
"""
from __future__ import annotations

import pandas as pd

NOT_STATED = "(not stated)"
UNKNOWN = "unknown"
DIALOGUE = "defence_policy_dialogue"
KEPT = "kept (clean text)"
MOVED = "moved to metadata (title, dateline, date)"
OTHER = "other (spacing, front matter)"
OTHER_RULES = "removed by other rules"


def _text(value, default: str = "") -> str:
    """A cell as text: `default` for NA and blank strings."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return default
    text = str(value).strip()
    return text if text else default


def _ids(cell) -> list[str]:
    """Split a `;`-joined cell into its non-empty parts."""
    return [part.strip() for part in _text(cell).split(";") if part.strip()]


# --------------------------------------------------------------------------- 01 corpus

def corpus_overview(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article with what a reader needs to find it: id, title, source, date, size.

    Corpus order is kept; `chars_removed` is what cleaning took away (raw minus clean).

    >>> a = pd.DataFrame({"article_id": ["a1"], "title": ["Talks"], "source": ["VNA"],
    ...                   "published": pd.to_datetime(["2021-01-12"]), "format": ["txt"],
    ...                   "chars_raw": [120], "chars_clean": [100], "n_sentences": [4]})
    >>> corpus_overview(a)[["article_id", "published", "chars_removed"]]
      article_id  published  chars_removed
    0         a1 2021-01-12             20
    """
    columns = ["article_id", "title", "source", "published", "format", "chars_raw", "chars_clean", "n_sentences"]
    out = articles.reindex(columns=columns).reset_index(drop=True)
    out["chars_removed"] = (out["chars_raw"] - out["chars_clean"]).astype("Int64")
    return out


def count_by(frame: pd.DataFrame, column: str, missing: str = NOT_STATED) -> pd.DataFrame:
    """How many rows per value of `column`, most frequent first; empty values count as `missing`.

    >>> count_by(pd.DataFrame({"reason": ["readme", "empty", "readme"]}), "reason")
       reason  n
    0  readme  2
    1   empty  1
    """
    values = [_text(value, missing) for value in frame[column]] if column in frame else []
    counts = pd.Series(values, dtype="object").value_counts()
    out = pd.DataFrame({column: counts.index.astype("object"), "n": counts.to_numpy(dtype="int64")})
    return out.sort_values(["n", column], ascending=[False, True], kind="stable").reset_index(drop=True)


def languages_summary(articles: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """Per language: articles, how many report at least one meeting, and the meetings they
    report (a meeting reported in two languages counts once in each, and once in `all`).

    >>> a = pd.DataFrame({"article_id": ["e1", "e2", "v1"], "language": ["en", "en", "vi"]})
    >>> m = pd.DataFrame({"meeting_id": ["M1", "M2"], "article_ids": ["e1;v1", "e1"]})
    >>> languages_summary(a, m)
      language        name  articles  reporting_a_meeting  meetings
    0       en     English         2                    1         2
    1       vi  Vietnamese         1                    1         1
    2      all           –         3                    2         2
    """
    from defcoop.ingest.language import language_name

    language_of = dict(zip(articles["article_id"], (_text(v, NOT_STATED) for v in articles["language"])))
    reported = {article: set() for article in language_of}
    for meeting_id, cell in zip(meetings["meeting_id"], meetings["article_ids"]):
        for article in _ids(cell):
            reported.setdefault(article, set()).add(meeting_id)
    rows = []
    for language in sorted(set(language_of.values())):
        ids = [article for article, lang in language_of.items() if lang == language]
        rows.append({"language": language, "name": language_name(language), "articles": len(ids),
                     "reporting_a_meeting": sum(bool(reported[a]) for a in ids),
                     "meetings": len(set().union(*(reported[a] for a in ids)))})
    rows.append({"language": "all", "name": "–", "articles": len(language_of),
                 "reporting_a_meeting": sum(bool(reported[a]) for a in language_of),
                 "meetings": len(set().union(*(reported[a] for a in language_of)))})
    return pd.DataFrame(rows, columns=["language", "name", "articles", "reporting_a_meeting", "meetings"])


def published_range(articles: pd.DataFrame) -> pd.DataFrame:
    """First and last publication date, and how many articles state one.

    >>> a = pd.DataFrame({"published": pd.to_datetime(["2021-01-12", None, "2016-10-22"])})
    >>> published_range(a)
           first       last  n_dated  n_undated
    0 2016-10-22 2021-01-12        2          1
    """
    dates = pd.to_datetime(articles["published"]) if "published" in articles else pd.Series([], dtype="datetime64[ns]")
    return pd.DataFrame({"first": [dates.min()], "last": [dates.max()],
                         "n_dated": [int(dates.notna().sum())], "n_undated": [int(dates.isna().sum())]})


def corpus_totals(articles: pd.DataFrame) -> pd.DataFrame:
    """Corpus size in one row: articles, sentences, raw and clean characters, share kept.

    >>> a = pd.DataFrame({"chars_raw": [300, 100], "chars_clean": [200, 100], "n_sentences": [9, 3]})
    >>> corpus_totals(a)
       articles  sentences  chars_raw  chars_clean  share_kept
    0         2         12        400          300        0.75
    """
    raw = int(pd.to_numeric(articles["chars_raw"]).sum()) if len(articles) else 0
    clean = int(pd.to_numeric(articles["chars_clean"]).sum()) if len(articles) else 0
    sentences = int(pd.to_numeric(articles["n_sentences"]).sum()) if len(articles) else 0
    return pd.DataFrame({"articles": [len(articles)], "sentences": [sentences], "chars_raw": [raw],
                         "chars_clean": [clean], "share_kept": [round(clean / raw, 3) if raw else float("nan")]})


def cleaning_summary(cleaning_log: pd.DataFrame) -> pd.DataFrame:
    """Log entries per action and rule, with the characters they cover, biggest first per action.

    >>> log = pd.DataFrame({"action": ["removed", "repaired", "removed"],
    ...                     "rule": ["stop_marker", "glued_words", "stop_marker"],
    ...                     "text": ["See more", "tointensify -> to intensify", "Other News"]})
    >>> cleaning_summary(log)
         action         rule  n  chars
    0   removed  stop_marker  2     18
    1  repaired  glued_words  1     27
    """
    columns = ["action", "rule", "n", "chars"]
    if cleaning_log.empty:
        return pd.DataFrame({name: pd.Series([], dtype="object" if name in ("action", "rule") else "int64")
                             for name in columns})
    log = pd.DataFrame({"action": [_text(v, UNKNOWN) for v in cleaning_log["action"]],
                        "rule": [_text(v, UNKNOWN) for v in cleaning_log["rule"]],
                        "chars": [len(_text(v)) for v in cleaning_log["text"]]})
    out = log.groupby(["action", "rule"], sort=True).agg(n=("chars", "size"), chars=("chars", "sum")).reset_index()
    out = out.sort_values(["action", "n", "chars", "rule"], ascending=[True, False, False, True], kind="stable")
    return out.reset_index(drop=True)[columns]


def repair_examples(cleaning_log: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The first `n` distinct repairs, split into what the page said and what the clean text says.

    >>> log = pd.DataFrame({"article_id": ["a1", "a1"], "action": ["repaired", "removed"],
    ...                     "rule": ["glued_words", "sign_off"], "line": [3, 9],
    ...                     "text": ["tointensify -> to intensify", "VNA"]})
    >>> repair_examples(log)
      article_id  line       before         after
    0         a1     3  tointensify  to intensify
    """
    columns = ["article_id", "line", "before", "after"]
    if cleaning_log.empty:
        return pd.DataFrame(columns=columns)
    repairs = cleaning_log[cleaning_log["action"].astype("object") == "repaired"]
    rows, seen = [], set()
    for row in repairs.itertuples(index=False):
        before, _, after = _text(row.text).partition(" -> ")
        if before in seen:
            continue
        seen.add(before)
        rows.append({"article_id": row.article_id, "line": row.line, "before": before, "after": after})
        if len(rows) == n:
            break
    return pd.DataFrame(rows, columns=columns)


def removal_examples(cleaning_log: pd.DataFrame, width: int = 90) -> pd.DataFrame:
    """One example per removal rule (its first entry), cut to `width` characters on one line.

    >>> log = pd.DataFrame({"article_id": ["a1", "a1"], "action": ["removed", "removed"],
    ...                     "rule": ["sign_off", "sign_off"], "line": [9, 12], "text": ["VNA", "/."]})
    >>> removal_examples(log)
           rule article_id  line example
    0  sign_off         a1     9     VNA
    """
    columns = ["rule", "article_id", "line", "example"]
    if cleaning_log.empty:
        return pd.DataFrame(columns=columns)
    removed = cleaning_log[cleaning_log["action"].astype("object") == "removed"]
    first = removed.drop_duplicates("rule", keep="first")
    examples = []
    for value in first["text"]:
        text = " ".join(_text(value).split())
        examples.append(text if len(text) <= width else text[: width - 1] + "…")
    out = pd.DataFrame({"rule": first["rule"].to_numpy(), "article_id": first["article_id"].to_numpy(),
                        "line": first["line"].to_numpy(), "example": examples}, columns=columns)
    return out.sort_values("rule", kind="stable").reset_index(drop=True)


def text_budget(articles: pd.DataFrame, cleaning_log: pd.DataFrame, max_rules: int = 5) -> pd.DataFrame:
    """Where each article's raw characters went: kept, removed by each rule, moved, other.

    One row per article (index `article_id`, corpus order). The `max_rules` removal rules
    with the most characters are columns, largest first; the rest are summed into one
    column (present only when needed), so a chart needs at most max_rules + 4 colours.
    `other` is whatever no log entry accounts for (blank lines, spacing, front matter),
    never below zero. Repairs are not removals and do not count.

    >>> a = pd.DataFrame({"article_id": ["a1"], "chars_raw": [100], "chars_clean": [60]})
    >>> log = pd.DataFrame({"article_id": ["a1", "a1"], "action": ["removed", "extracted"],
    ...                     "rule": ["stop_marker", "title"], "text": ["x" * 30, "y" * 5]})
    >>> text_budget(a, log).iloc[0].tolist()
    [60, 30, 5, 5]
    """
    ids = [str(value) for value in articles["article_id"]]
    raw = pd.Series(pd.to_numeric(articles["chars_raw"]).fillna(0).to_numpy(dtype="int64"), index=ids)
    clean = pd.Series(pd.to_numeric(articles["chars_clean"]).fillna(0).to_numpy(dtype="int64"), index=ids)
    out = pd.DataFrame({KEPT: clean}, index=pd.Index(ids, name="article_id"))
    if cleaning_log.empty:
        log = pd.DataFrame({"article_id": [], "column": [], "chars": []})
    else:
        action = cleaning_log["action"].astype("object")
        log = pd.DataFrame({
            "article_id": cleaning_log["article_id"].astype("object").to_numpy(),
            "column": [_text(rule, UNKNOWN) if act == "removed" else MOVED
                       for act, rule in zip(action, cleaning_log["rule"])],
            "chars": [len(_text(v)) for v in cleaning_log["text"]],
        })[action.isin(["removed", "extracted"]).to_numpy()]
    wide = log.pivot_table(index="article_id", columns="column", values="chars", aggfunc="sum", fill_value=0)
    rules = [c for c in wide.sum().sort_values(ascending=False, kind="stable").index if c != MOVED]
    for column in [*rules[:max_rules], MOVED]:
        values = wide[column] if column in wide else pd.Series(dtype="int64")
        out[column] = values.reindex(ids).fillna(0).to_numpy(dtype="int64")
    if len(rules) > max_rules:
        rest = wide[rules[max_rules:]].sum(axis=1).reindex(ids).fillna(0).to_numpy(dtype="int64")
        out.insert(max_rules + 1, OTHER_RULES, rest)
    out[OTHER] = (raw - out.sum(axis=1)).clip(lower=0).to_numpy(dtype="int64")
    return out


# ------------------------------------------------------------------ 02 meetings timeline

def meeting_table(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings in date order (unknown dates last) with their leads, place and article count.

    >>> m = pd.DataFrame({"meeting_id": ["undated-other", "2016-10-21-x"],
    ...                   "date_start": pd.to_datetime([None, "2016-10-21"]),
    ...                   "date_end": pd.to_datetime([None, "2016-10-21"]),
    ...                   "mechanism": ["other", "x"], "article_ids": ["a2", "a1;a3"]})
    >>> meeting_table(m)[["meeting_id", "date_start", "n_articles"]]
          meeting_id date_start  n_articles
    0   2016-10-21-x 2016-10-21           2
    1  undated-other        NaT           1
    """
    columns = ["meeting_id", "date_start", "date_end", "date_precision", "mechanism", "edition",
               "place", "country", "vn_lead", "kh_lead", "format"]
    out = meetings.reindex(columns=columns)
    out["n_articles"] = pd.Series([len(_ids(v)) for v in meetings.get("article_ids", pd.Series(index=meetings.index))],
                                  index=meetings.index, dtype="int64")
    out = out.sort_values(["date_start", "meeting_id"], na_position="last", kind="stable")
    return out.reset_index(drop=True)


def timeline_rows(meetings: pd.DataFrame) -> pd.DataFrame:
    """Dated meetings ready for a time axis: a lane per mechanism, a midpoint and a label.

    Lanes are numbered by each mechanism's first meeting. A meeting known only to the month
    or year keeps its whole interval (`is_interval`) so the chart can draw it as a bar.
    Missing leads and places read "?" and "place not stated".

    >>> m = pd.DataFrame({"meeting_id": ["m1", "m2"], "mechanism": ["talks", "dialogue"],
    ...                   "date_start": pd.to_datetime(["2021-01-08", "2025-01-01"]),
    ...                   "date_end": pd.to_datetime(["2021-01-08", "2025-12-31"]),
    ...                   "vn_lead": ["Ngo Xuan Lich", None], "kh_lead": ["Tea Banh", "Tea Seiha"],
    ...                   "place": [None, "Tay Ninh"]})
    >>> timeline_rows(m)[["meeting_id", "lane", "is_interval"]]
      meeting_id  lane  is_interval
    0         m1     0        False
    1         m2     1         True
    >>> timeline_rows(m)["label"].tolist()
    ['Ngo Xuan Lich / Tea Banh\\nplace not stated', '? / Tea Seiha\\nTay Ninh']
    """
    columns = ["meeting_id", "mechanism", "lane", "date_start", "date_end", "midpoint", "is_interval", "label"]
    dated = meetings[pd.to_datetime(meetings["date_start"]).notna()] if len(meetings) else meetings
    if dated.empty:
        return pd.DataFrame(columns=columns)
    dated = dated.sort_values(["date_start", "meeting_id"], kind="stable").reset_index(drop=True)
    start = pd.to_datetime(dated["date_start"])
    end = pd.to_datetime(dated["date_end"]).fillna(start)
    mechanism = [_text(v, "other") for v in dated["mechanism"]]
    lanes = {name: index for index, name in enumerate(dict.fromkeys(mechanism))}
    labels = [f"{_text(vn, '?')} / {_text(kh, '?')}\n{_text(place, 'place not stated')}"
              for vn, kh, place in zip(dated["vn_lead"], dated["kh_lead"], dated["place"])]
    return pd.DataFrame({
        "meeting_id": dated["meeting_id"].astype("object"), "mechanism": mechanism,
        "lane": [lanes[name] for name in mechanism], "date_start": start, "date_end": end,
        "midpoint": start + (end - start) / 2, "is_interval": (end > start).to_numpy(), "label": labels,
    }, columns=columns)


def undated_meetings(meetings: pd.DataFrame) -> pd.DataFrame:
    """Meetings with no known start date, which a time axis cannot show.

    >>> m = pd.DataFrame({"meeting_id": ["undated-other", "2016-10-21-x"],
    ...                   "date_start": pd.to_datetime([None, "2016-10-21"]), "mechanism": ["other", "x"],
    ...                   "article_ids": ["a2", "a1"], "vn_lead": [None, "A"], "kh_lead": [None, "B"]})
    >>> undated_meetings(m)["meeting_id"].tolist()
    ['undated-other']
    """
    columns = ["meeting_id", "mechanism", "vn_lead", "kh_lead", "place", "article_ids"]
    if meetings.empty:
        return pd.DataFrame(columns=columns)
    undated = meetings[pd.to_datetime(meetings["date_start"]).isna()]
    return undated.reindex(columns=columns).reset_index(drop=True)


def dialogue_editions(meetings: pd.DataFrame, mechanism: str = DIALOGUE) -> pd.DataFrame:
    """Every meeting of one mechanism (the Defence Policy Dialogue by default) by edition, then date.

    Meetings whose edition is not stated are kept, after the numbered ones.

    >>> m = pd.DataFrame({"meeting_id": ["d8", "d2", "t"], "mechanism": [DIALOGUE, DIALOGUE, "talks"],
    ...                   "edition": pd.array([8, 2, None], dtype="Int64"),
    ...                   "date_start": pd.to_datetime(["2025-10-29", "2016-10-21", "2021-01-08"]),
    ...                   "place": ["Ho Chi Minh City", "Hanoi", None]})
    >>> dialogue_editions(m)[["edition", "year", "place"]]
       edition  year             place
    0        2  2016             Hanoi
    1        8  2025  Ho Chi Minh City
    """
    columns = ["edition", "date_start", "year", "place", "vn_lead", "kh_lead", "meeting_id"]
    if meetings.empty:
        return pd.DataFrame({"edition": pd.array([], dtype="Int64"), "date_start": pd.Series([], dtype="datetime64[ns]"),
                             "year": pd.array([], dtype="Int64"), "place": [], "vn_lead": [], "kh_lead": [],
                             "meeting_id": []}, columns=columns)
    chosen = meetings[meetings["mechanism"].astype("object") == mechanism].reindex(
        columns=["edition", "date_start", "place", "vn_lead", "kh_lead", "meeting_id"])
    chosen["edition"] = pd.array(chosen["edition"], dtype="Int64")
    chosen["date_start"] = pd.to_datetime(chosen["date_start"])
    chosen["year"] = pd.array(chosen["date_start"].dt.year, dtype="Int64")
    chosen = chosen.sort_values(["edition", "date_start", "meeting_id"], na_position="last", kind="stable")
    return chosen.reset_index(drop=True)[columns]


def numbered_editions(editions: pd.DataFrame) -> pd.DataFrame:
    """The editions (from `dialogue_editions`) that have both a number and a date, first report of each.

    >>> e = pd.DataFrame({"edition": pd.array([2, 2, None], dtype="Int64"),
    ...                   "date_start": pd.to_datetime(["2016-10-21", "2016-10-22", "2019-01-01"])})
    >>> numbered_editions(e)
       edition date_start
    0        2 2016-10-21
    """
    if editions.empty:
        return editions.copy()
    known = editions[editions["edition"].notna() & pd.to_datetime(editions["date_start"]).notna()]
    return known.drop_duplicates("edition", keep="first").reset_index(drop=True)


def edition_gaps(editions: pd.DataFrame) -> pd.DataFrame:
    """Between consecutive known editions (numbered and dated): editions missing from the corpus,
    years apart, the years with no known edition, and the average spacing per edition.

    Takes the output of `dialogue_editions`. `gap_years` is e.g. "2017–2024" (empty when the
    two editions are in consecutive years).

    >>> e = pd.DataFrame({"edition": pd.array([2, 8], dtype="Int64"),
    ...                   "date_start": pd.to_datetime(["2016-10-21", "2025-10-29"]),
    ...                   "year": pd.array([2016, 2025], dtype="Int64")})
    >>> edition_gaps(e).iloc[0].to_dict()
    {'from_edition': 2, 'to_edition': 8, 'from_year': 2016, 'to_year': 2025, 'editions_missing': 5, 'years_apart': 9, 'gap_years': '2017–2024', 'years_per_edition': 1.5}
    """
    columns = ["from_edition", "to_edition", "from_year", "to_year", "editions_missing", "years_apart",
               "gap_years", "years_per_edition"]
    known = numbered_editions(editions)
    rows = []
    for (_, a), (_, b) in zip(known.iloc[:-1].iterrows(), known.iloc[1:].iterrows()):
        first, last = int(a["edition"]), int(b["edition"])
        y1, y2 = int(a["date_start"].year), int(b["date_start"].year)
        steps = last - first
        rows.append({
            "from_edition": first, "to_edition": last, "from_year": y1, "to_year": y2,
            "editions_missing": max(steps - 1, 0), "years_apart": y2 - y1,
            "gap_years": f"{y1 + 1}–{y2 - 1}" if y2 - y1 > 2 else (str(y1 + 1) if y2 - y1 == 2 else ""),
            "years_per_edition": round((y2 - y1) / steps, 2) if steps > 0 else float("nan"),
        })
    return pd.DataFrame(rows, columns=columns)


def annual_cadence(editions: pd.DataFrame) -> pd.DataFrame:
    """Where each edition would fall if the dialogue had met once a year since the first known one.

    A reference line for the editions-versus-dates chart: edition k on the first known
    edition's date plus (k - k0) years, up to the last known edition.

    >>> e = pd.DataFrame({"edition": pd.array([2, 4], dtype="Int64"),
    ...                   "date_start": pd.to_datetime(["2016-10-21", "2019-05-01"])})
    >>> annual_cadence(e)
       edition       date
    0        2 2016-10-21
    1        3 2017-10-21
    2        4 2018-10-21
    """
    known = numbered_editions(editions)
    if known.empty:
        return pd.DataFrame({"edition": pd.Series([], dtype="int64"), "date": pd.Series([], dtype="datetime64[ns]")})
    first = known.iloc[0]
    k0, d0 = int(first["edition"]), pd.Timestamp(first["date_start"])
    ks = list(range(k0, int(known["edition"].max()) + 1))
    return pd.DataFrame({"edition": ks, "date": [d0 + pd.DateOffset(years=k - k0) for k in ks]})


# ------------------------------------------------------------------- 03 themes over time

def theme_table(codebook) -> pd.DataFrame:
    """The codebook's themes as a frame of `id` and `label`, in codebook order.

    >>> from types import SimpleNamespace as T
    >>> theme_table(T(themes=[T(id="training", label="Personnel training")]))
             id               label
    0  training  Personnel training
    """
    return pd.DataFrame([{"id": theme.id, "label": theme.label} for theme in codebook.themes], columns=["id", "label"])


def select_themes(themes: pd.DataFrame, ids) -> pd.DataFrame:
    """The rows of `themes` whose id is in `ids`, in the order of `ids` (unknown ids skipped).

    >>> themes = pd.DataFrame({"id": ["a", "b", "c"], "label": ["A", "B", "C"]})
    >>> select_themes(themes, ["c", "a", "zz"])["id"].tolist()
    ['c', 'a']
    """
    order = {theme: index for index, theme in enumerate(ids)}
    chosen = themes[themes["id"].isin(order)]
    return chosen.iloc[sorted(range(len(chosen)), key=lambda i: order[chosen["id"].iloc[i]])].reset_index(drop=True)


def article_years(articles: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """The year each article counts in: its meeting's start year, else its publication year.

    When an article reports several meetings the earliest dated one is used. `year_from`
    says which rule applied (`meeting`, `published` or `unknown`).

    >>> a = pd.DataFrame({"article_id": ["a1", "a2", "a3"],
    ...                   "published": pd.to_datetime(["2021-01-12", "2019-12-05", None])})
    >>> m = pd.DataFrame({"meeting_id": ["m1", "m2"], "article_ids": ["a1", "a2"],
    ...                   "date_start": pd.to_datetime(["2021-01-08", None])})
    >>> article_years(a, m)
      article_id meeting_id  year  year_from
    0         a1         m1  2021    meeting
    1         a2         m2  2019  published
    2         a3       <NA>  <NA>    unknown
    """
    pairs = [(article, meeting, start) for meeting, ids, start in
             zip(meetings.get("meeting_id", []), meetings.get("article_ids", []), meetings.get("date_start", []))
             for article in _ids(ids)]
    links = pd.DataFrame(pairs, columns=["article_id", "meeting_id", "date_start"])
    links["date_start"] = pd.to_datetime(links["date_start"])
    links = links.sort_values(["date_start", "meeting_id"], na_position="last", kind="stable")
    first = links.drop_duplicates("article_id", keep="first").set_index("article_id")
    rows = []
    for article, published in zip(articles["article_id"], pd.to_datetime(articles["published"])):
        meeting = first["meeting_id"].get(article, pd.NA)
        start = first["date_start"].get(article, pd.NaT)
        if pd.notna(start):
            year, source = start.year, "meeting"
        elif pd.notna(published):
            year, source = published.year, "published"
        else:
            year, source = pd.NA, UNKNOWN
        rows.append({"article_id": article, "meeting_id": meeting, "year": year, "year_from": source})
    out = pd.DataFrame(rows, columns=["article_id", "meeting_id", "year", "year_from"])
    out["meeting_id"] = out["meeting_id"].astype("string")
    out["year"] = pd.array(out["year"], dtype="Int64")
    return out


def articles_per_year(years: pd.DataFrame) -> pd.DataFrame:
    """Articles per year (from `article_years`) over the full span of years, zeros included.

    >>> y = pd.DataFrame({"article_id": ["a", "b", "c"], "year": pd.array([2016, 2018, None], dtype="Int64")})
    >>> articles_per_year(y)
       year  n_articles
    0  2016           1
    1  2017           0
    2  2018           1
    """
    span = _year_span(years)
    counts = years["year"].dropna().astype("int64").value_counts()
    return pd.DataFrame({"year": span, "n_articles": [int(counts.get(year, 0)) for year in span]},
                        columns=["year", "n_articles"]).astype("int64")


def _year_span(years: pd.DataFrame) -> list[int]:
    known = years["year"].dropna() if len(years) else pd.Series([], dtype="Int64")
    return list(range(int(known.min()), int(known.max()) + 1)) if len(known) else []


def article_themes(sentences: pd.DataFrame) -> pd.DataFrame:
    """Which themes each article mentions: one row per (article, theme), from its sentences.

    >>> c = pd.DataFrame({"article_id": ["a1", "a1", "a2"],
    ...                   "themes": ["training;border_patrol", "training", None]})
    >>> article_themes(c)
      article_id          theme
    0         a1       training
    1         a1  border_patrol
    """
    pairs = [(article, theme) for article, cell in zip(sentences.get("article_id", []), sentences.get("themes", []))
             for theme in _ids(cell)]
    return pd.DataFrame(pairs, columns=["article_id", "theme"]).drop_duplicates().reset_index(drop=True)


def theme_year_counts(themes_of_articles: pd.DataFrame, years: pd.DataFrame, themes: pd.DataFrame) -> pd.DataFrame:
    """Articles mentioning each theme, per year: rows are theme labels (codebook order, all of
    `themes`, zeros included), columns every year from the first to the last known one.

    Articles whose year is unknown are left out (count them with `article_years`).

    >>> at = pd.DataFrame({"article_id": ["a1", "a1", "a2"], "theme": ["training", "maritime", "training"]})
    >>> y = pd.DataFrame({"article_id": ["a1", "a2"], "year": pd.array([2016, 2018], dtype="Int64")})
    >>> th = pd.DataFrame({"id": ["training", "maritime"], "label": ["Training", "Maritime"]})
    >>> theme_year_counts(at, y, th)
    year      2016  2017  2018
    theme                     
    Training     1     0     1
    Maritime     1     0     0
    """
    span = _year_span(years)
    known = years.dropna(subset=["year"])
    merged = themes_of_articles.merge(known[["article_id", "year"]], on="article_id", how="inner")
    counts = merged.groupby(["theme", "year"]).size() if len(merged) else pd.Series([], dtype="int64")
    data = [[int(counts.get((theme, year), 0)) for year in span] for theme in themes["id"]]
    out = pd.DataFrame(data, index=pd.Index(list(themes["label"]), name="theme"),
                       columns=pd.Index(span, name="year"), dtype="int64")
    return out


def to_long(counts: pd.DataFrame, value: str = "n") -> pd.DataFrame:
    """A theme-by-year table (from `theme_year_counts`) as rows of theme, year and count.

    >>> wide = pd.DataFrame([[1, 0]], index=pd.Index(["Training"], name="theme"),
    ...                     columns=pd.Index([2016, 2017], name="year"))
    >>> to_long(wide)
          theme  year  n
    0  Training  2016  1
    1  Training  2017  0
    """
    rows = [(theme, int(year), int(counts.loc[theme, year])) for theme in counts.index for year in counts.columns]
    return pd.DataFrame(rows, columns=["theme", "year", value])


def theme_kinds(sentences: pd.DataFrame, themes: pd.DataFrame,
                kinds=("commitment", "result")) -> pd.DataFrame:
    """Sentences per theme and kind: what the sides pledged (`commitment`) versus what they
    report as done (`result`). Rows are theme labels in codebook order, zeros included.

    >>> c = pd.DataFrame({"kind": ["commitment", "result", "statement", "commitment"],
    ...                   "themes": ["training", "training;maritime", "training", None]})
    >>> th = pd.DataFrame({"id": ["training", "maritime"], "label": ["Training", "Maritime"]})
    >>> theme_kinds(c, th)
    kind      commitment  result
    theme                       
    Training           1       1
    Maritime           0       1
    """
    pairs = [(theme, _text(kind, UNKNOWN)) for kind, cell in zip(sentences.get("kind", []), sentences.get("themes", []))
             for theme in _ids(cell)]
    counts = pd.Series(pairs, dtype="object").value_counts() if pairs else pd.Series([], dtype="int64")
    data = [[int(counts.get((theme, kind), 0)) for kind in kinds] for theme in themes["id"]]
    return pd.DataFrame(data, index=pd.Index(list(themes["label"]), name="theme"),
                        columns=pd.Index(list(kinds), name="kind"), dtype="int64")
