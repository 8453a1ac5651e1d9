"""The live explorer of notebook 07: ipywidgets controls wired to `defcoop.present.explore`.

Controls: themes (multi-select), mechanism, year range (slider), person (a search box over the
canonical names), language (shown when the corpus has several). Every change redraws the
meetings timeline, the theme-by-year grid, the table of matching meetings and, for the meeting
chosen in the last control, the sentences behind it with article id, url and date precision.
All selecting and counting is done by the pure functions of `defcoop.present.explore`; this module only
builds widgets and draws, so a test can drive it without a browser (set a control, read the table).

>>> from defcoop.present.explore import example_tables
>>> explorer = Explorer(example_tables())          # doctest: +SKIP
>>> explorer.themes.value = ("training",)          # doctest: +SKIP
>>> explorer                                       # doctest: +SKIP
Explorer(themes: training -> 2 meetings)
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from defcoop.present import analysis, charts
from defcoop.present.explore import ALL, Selection, meeting_sources, options, select_meetings, theme_year_counts

SHOWN_COLUMNS = ["meeting_id", "date_start", "date_precision", "mechanism", "place", "vn_lead", "kh_lead",
                 "n_articles", "themes"]
SOURCE_COLUMNS = ["article_id", "url", "published", "date_precision", "evidence", "kind", "sentence"]


class Explorer(widgets.VBox):
    """The explorer: controls on top, then the two charts, the meetings and the sources."""

    def __init__(self, tables: dict, theme_order: list[str] | None = None, theme_labels: dict | None = None,
                 initial: Selection = Selection()):
        self.tables, self.theme_labels = tables, theme_labels or {}
        choices = options(tables, theme_order)
        self.full_years = choices["years"] or (0, 0)
        wide = {"description_width": "90px"}
        self.themes = widgets.SelectMultiple(
            options=[(self.theme_labels.get(t, t), t) for t in choices["themes"]],
            value=tuple(t for t in initial.themes if t in choices["themes"]), description="Themes",
            rows=min(8, max(3, len(choices["themes"]))), style=wide, layout=widgets.Layout(width="420px"))
        self.mechanism = widgets.Dropdown(options=[ALL, *choices["mechanisms"]],
                                          value=initial.mechanism if initial.mechanism in choices["mechanisms"] else ALL,
                                          description="Mechanism", style=wide)
        first, last = initial.years or self.full_years
        self.years = widgets.IntRangeSlider(value=(max(first, self.full_years[0]), min(last, self.full_years[1])),
                                            min=self.full_years[0], max=self.full_years[1], description="Years",
                                            style=wide, disabled=choices["years"] is None,
                                            layout=widgets.Layout(width="420px"))
        self.person = widgets.Combobox(options=choices["people"], value=initial.person or "", ensure_option=True,
                                       placeholder="type a name", description="Person", style=wide)
        self.language = widgets.Dropdown(options=[ALL, *choices["languages"]],
                                         value=initial.language if initial.language in choices["languages"] else ALL,
                                         description="Language", style=wide,
                                         layout=widgets.Layout(display="" if len(choices["languages"]) > 1 else "none"))
        self.meeting = widgets.Dropdown(options=[], description="Meeting", style=wide,
                                        layout=widgets.Layout(width="520px"))
        self.count = widgets.HTML()
        self.timeline_image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.grid_image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.table = widgets.HTML()
        self.sources = widgets.HTML()
        self.selected = select_meetings(tables, Selection())
        controls = widgets.HBox([self.themes, widgets.VBox([self.mechanism, self.years, self.person, self.language])])
        super().__init__([controls, self.count, self.timeline_image, self.grid_image, self.table, self.meeting,
                          self.sources])
        for control in (self.themes, self.mechanism, self.years, self.person, self.language):
            control.observe(self._changed, names="value")
        self.meeting.observe(self._meeting_changed, names="value")
        self.refresh()

    def selection(self) -> Selection:
        """The controls as a `Selection`; the full year range means no year filter (undated meetings stay)."""
        years = tuple(self.years.value)
        return Selection(
            themes=tuple(self.themes.value),
            mechanism=None if self.mechanism.value == ALL else self.mechanism.value,
            years=None if years == tuple(self.full_years) else years,
            person=self.person.value or None,
            language=None if self.language.value == ALL else self.language.value,
        )

    def refresh(self) -> None:
        """Recompute the selection and redraw everything that depends on it."""
        selection = self.selection()
        self.selected = select_meetings(self.tables, selection)
        articles = {a for cell in self.selected["meeting_id"] for a in self._articles_of(cell)}
        self.count.value = (f"<b>{_plural(len(self.selected), 'meeting')}</b> from {_plural(len(articles), 'article')} "
                            f"({html.escape(selection.describe())})")
        self._draw_timeline(len(articles))
        self._draw_grid(len(articles))
        self.table.value = self.selected.reindex(columns=SHOWN_COLUMNS).to_html(index=False, na_rep="",
                                                                                  border=0, classes="defcoop")
        ids = list(self.selected["meeting_id"])
        current = self.meeting.value
        self.meeting.options = ids
        self.meeting.value = current if current in ids else (ids[0] if ids else None)
        self._show_sources()

    def _articles_of(self, meeting_id: str) -> list[str]:
        row = self.tables["meetings"].loc[self.tables["meetings"]["meeting_id"] == meeting_id, "article_ids"]
        return analysis._ids(row.iloc[0]) if len(row) else []

    def _draw_timeline(self, n_articles: int) -> None:
        from matplotlib.figure import Figure

        timeline = analysis.timeline_rows(self.selected)
        fig = Figure(figsize=(11, max(3.0, 1.3 * max(1, timeline["mechanism"].nunique()) + 1.5)))
        ax = fig.subplots()
        charts.meeting_timeline(ax, timeline)
        charts.finish(ax, "Selected meetings by mechanism", "meeting date", "mechanism",
                      charts.sample_note(n_articles, len(timeline)))
        self.timeline_image.value = _png(fig)

    def _draw_grid(self, n_articles: int) -> None:
        from matplotlib.figure import Figure

        counts = theme_year_counts(self.tables, self.selected)
        fig = Figure(figsize=(9, max(2.5, 0.45 * len(counts) + 1.5)))
        ax = fig.subplots()
        charts.theme_year_grid(ax, counts, self.theme_labels)
        charts.finish(ax, "Selected meetings per theme and year", "year of the meeting", "",
                      charts.sample_note(n_articles, int(self.selected["date_start"].notna().sum())))
        self.grid_image.value = _png(fig)

    def _show_sources(self) -> None:
        if self.meeting.value is None:
            self.sources.value = "<i>No meeting in this selection.</i>"
            return
        rows = meeting_sources(self.tables, self.meeting.value).reindex(columns=SOURCE_COLUMNS)
        self.sources.value = (f"<b>Sentences behind {html.escape(self.meeting.value)}</b> (the evidence sentence first)"
                              + rows.to_html(index=False, na_rep="", border=0, classes="defcoop"))

    def _changed(self, _change) -> None:
        self.refresh()

    def _meeting_changed(self, _change) -> None:
        self._show_sources()

    def __repr__(self) -> str:
        return f"Explorer({self.selection().describe()} -> {_plural(len(self.selected), 'meeting')})"


def _png(fig) -> bytes:
    """A figure as PNG bytes (no timestamp in the file: the same chart gives the same bytes)."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def _plural(count: int, noun: str) -> str:
    """The count and the noun, plural unless one.

    >>> _plural(1, "meeting"), _plural(2, "meeting")
    ('1 meeting', '2 meetings')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"
