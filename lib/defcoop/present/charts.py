"""One chart style for every notebook: colour-blind-safe colours, titles, sample sizes.

The corpus is small, so every chart says how many articles and meetings it rests on;
`finish` adds that note under the axes so nobody reads a trend into five articles.

The notebooks' larger charts are functions here (`meeting_timeline`, `terms_of_office`, ...):
each takes an `ax` and frames already shaped by `defcoop.present.analysis` / `defcoop.present.history`,
draws, and returns the ax, so a notebook cell is `plt.subplots`, one call and `finish`.
matplotlib is imported inside the functions, to keep `import defcoop` fast.

>>> palette(["border_patrol", "training"])["training"]
'#E69F00'
"""
from __future__ import annotations

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#999999")

HEADLINE_THEMES = ("border_patrol", "training", "remains_repatriation", "trilateral")


def palette(keys) -> dict:
    """A stable colour per key, in the order given (cycles after nine keys)."""
    return {key: OKABE_ITO[index % len(OKABE_ITO)] for index, key in enumerate(keys)}


def use_style() -> None:
    """Deterministic, readable defaults for notebook figures (PNG, fixed size and DPI)."""
    import matplotlib
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook", palette=list(OKABE_ITO))
    matplotlib.rcParams.update({
        "figure.figsize": (9, 4.5), "figure.dpi": 100, "savefig.dpi": 100,
        "axes.titleweight": "bold", "axes.titlesize": 13, "svg.hashsalt": "defcoop",
    })


def sample_note(articles: int, meetings: int | None = None) -> str:
    """The caption every chart carries.

    >>> sample_note(5, 5)
    'n = 5 articles, 5 meetings. A small sample: read counts, not trends.'
    """
    parts = [f"{articles} article{'s' if articles != 1 else ''}"]
    if meetings is not None:
        parts.append(f"{meetings} meeting{'s' if meetings != 1 else ''}")
    return f"n = {', '.join(parts)}. A small sample: read counts, not trends."


def finish(ax, title: str, xlabel: str, ylabel: str, note: str) -> None:
    """Title, axis labels and the sample-size note under the plot."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.text(0.01, -0.02, note, ha="left", va="top", fontsize=9, color="#555555")


def _no_data(ax, message: str) -> None:
    """Say in the middle of empty axes that there is nothing to draw."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)


def finish_panels(fig, title: str, xlabel: str, ylabel: str, note: str) -> None:
    """`finish` for a grid of panels: figure title, shared axis labels and the sample-size note."""
    fig.suptitle(title, fontweight="bold")
    fig.supxlabel(xlabel)
    fig.supylabel(ylabel)
    fig.text(0.01, -0.02, note, ha="left", va="top", fontsize=9, color="#555555")


# --- 02 meetings timeline -----------------------------------------------------------------------

def meeting_timeline(ax, timeline):
    """Every dated meeting on a time axis, one lane per mechanism (`analysis.timeline_rows`).

    One point per meeting, labelled with the leads and the place (labels alternate above and
    below so neighbours do not overlap); a meeting known only to the month or year gets a bar
    over that interval. Lanes are listed top to bottom in order of first meeting, so the chart
    shows at a glance which mechanisms meet and how often.

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> from defcoop.present.analysis import timeline_rows
    >>> rows = timeline_rows(pd.DataFrame({"meeting_id": ["m1"], "mechanism": ["ministerial_talks"],
    ...     "date_start": pd.to_datetime(["2021-01-08"]), "date_end": pd.to_datetime(["2021-01-08"]),
    ...     "vn_lead": ["Phan Van Giang"], "kh_lead": ["Tea Banh"], "place": ["Hanoi"]}))
    >>> [label.get_text() for label in meeting_timeline(Figure().subplots(), rows).get_yticklabels()]
    ['ministerial talks']
    """
    import pandas as pd

    colours = palette(timeline["mechanism"].unique())
    lanes = timeline.drop_duplicates("mechanism")
    for i, row in enumerate(timeline.itertuples()):
        colour = colours[row.mechanism]
        if row.is_interval:
            ax.plot([row.date_start, row.date_end], [row.lane, row.lane], color=colour, lw=7, alpha=0.35,
                    solid_capstyle="butt")
        ax.scatter([row.midpoint], [row.lane], color=colour, s=70, edgecolor="black", linewidth=0.6, zorder=3)
        ax.annotate(row.label, (row.midpoint, row.lane), xytext=(0, 12 if i % 2 == 0 else -14),
                    textcoords="offset points", ha="center", va="bottom" if i % 2 == 0 else "top", fontsize=8)
    if timeline.empty:
        _no_data(ax, "no dated meetings in this corpus")
    else:
        pad = pd.Timedelta(days=365)
        ax.set_xlim(timeline["date_start"].min() - pad, timeline["date_end"].max() + pad)
    ax.set_yticks(list(lanes["lane"]), [name.replace("_", " ") for name in lanes["mechanism"]])
    ax.set_ylim(len(lanes) - 0.4, -0.6)
    return ax


def dialogue_cadence(ax, numbered, annual):
    """Defence Policy Dialogue edition number against the date it was held.

    `numbered` is `analysis.numbered_editions` (one point per edition, labelled with its year
    and place), `annual` is `analysis.annual_cadence` (a dashed reference line: where the
    editions would fall had the dialogue met every year). Points right of the line mean the
    dialogue met less than yearly, or the corpus lacks editions.

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> dialogue_cadence(Figure().subplots(), pd.DataFrame(), pd.DataFrame()).texts[0].get_text()
    'no numbered, dated Defence Policy Dialogue in this corpus'
    """
    import pandas as pd
    from matplotlib.ticker import MaxNLocator

    if numbered.empty:
        _no_data(ax, "no numbered, dated Defence Policy Dialogue in this corpus")
        return ax
    ax.plot(annual["date"], annual["edition"], ls="--", color=OKABE_ITO[8], label="if held every year")
    ax.scatter(numbered["date_start"], numbered["edition"], s=70, color=OKABE_ITO[0],
               edgecolor="black", zorder=3, label="edition reported in the corpus")
    for row in numbered.itertuples():
        ax.annotate(f"edition {row.edition}: {row.year}\n{row.place if pd.notna(row.place) else 'place not stated'}",
                    (row.date_start, row.edition), xytext=(0, 9), textcoords="offset points", ha="center",
                    fontsize=8)
    pad = pd.Timedelta(days=400)
    ax.set_xlim(numbered["date_start"].min() - pad, numbered["date_start"].max() + pad)
    ax.set_ylim(numbered["edition"].min() - 1, numbered["edition"].max() + 1.5)
    ax.legend(loc="lower right")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return ax


# --- 03 themes over time ------------------------------------------------------------------------

def theme_panels(axes, counts_long, themes):
    """Small multiples: one bar chart of articles per year for each theme, on shared scales.

    `axes` is the 2-D array from ``plt.subplots(nrows, ncols, sharex=True, sharey=True,
    squeeze=False)`` with at least one panel per theme; `counts_long` is `analysis.to_long`
    of the theme-by-year counts and `themes` their row order. Unused panels are hidden.
    Label the figure with `finish_panels`. Returns `axes`.

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> axes = Figure().subplots(1, 2, squeeze=False)
    >>> long = pd.DataFrame({"theme": ["Training", "Training"], "year": [2016, 2021], "n": [1, 2]})
    >>> [ax.get_title() for ax in theme_panels(axes, long, ["Training"]).flat if ax.get_visible()]
    ['Training']
    """
    import textwrap

    from matplotlib.ticker import MaxNLocator

    themes = list(themes)
    for ax, theme in zip(axes.flat, themes):
        panel = counts_long[counts_long["theme"] == theme]
        ax.bar(panel["year"], panel["n"], color=OKABE_ITO[0])
        ax.set_title(textwrap.fill(theme, 26), fontsize=9)
    for ax in axes.flat[len(themes):]:
        ax.set_visible(False)
    axes[0, 0].xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    axes[0, 0].yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
    axes[0, 0].figure.subplots_adjust(hspace=0.75, wspace=0.08, top=0.86, bottom=0.12, left=0.06, right=0.99)
    return axes


# --- 04 agreements ------------------------------------------------------------------------------

def document_periods(ax, timeline, marks, colours: dict):
    """Gantt of the years each cooperation plan and protocol covers (`history.document_timeline`).

    A solid bar is a document signed at a reported meeting, a hatched one is only mentioned
    (usually as being implemented); `marks` (`history.document_marks`) puts a diamond on the
    signing and a circle on each mention. `colours` maps kind labels (`history.KIND_LABELS`
    values) to colours. Shows which years the plans and protocols in the corpus cover.

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> docs = pd.DataFrame({"document": ["Protocol 2020-2024"], "kind": ["protocol"], "start_year": [2020],
    ...                      "end_year": [2024], "status": ["mentioned as being implemented"], "y": [0]})
    >>> marks = pd.DataFrame({"mark": ["mentioned"], "x": [2021.0], "y": [0]})
    >>> ax = document_periods(Figure().subplots(), docs, marks, {"Protocol": "#E69F00"})
    >>> [label.get_text() for label in ax.get_yticklabels()], int(ax.patches[0].get_width())
    (['Protocol 2020-2024'], 5)
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from defcoop.present.history import KIND_LABELS, MENTIONED, SIGNED

    for doc in timeline.itertuples():
        colour = colours.get(KIND_LABELS.get(doc.kind, doc.kind), "#999999")
        is_signed = doc.status == SIGNED
        ax.barh(doc.y, doc.end_year + 1 - doc.start_year, left=doc.start_year, height=0.6,
                color=colour if is_signed else "white", edgecolor=colour, hatch=None if is_signed else "///",
                linewidth=1.5)
    for mark, style in (("signed", dict(marker="D", color="black", s=45)),
                        ("mentioned", dict(marker="o", facecolors="white", edgecolors="black", s=40))):
        points = marks[marks["mark"] == mark]
        ax.scatter(points["x"], points["y"], zorder=3, **style)
    ax.set_yticks(list(timeline["y"]), list(timeline["document"]))
    ax.invert_yaxis()
    if timeline.empty:
        _no_data(ax, "No plan or protocol with a period in this corpus")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(handles=[
        Patch(facecolor="#777777", edgecolor="#777777", label=SIGNED),
        Patch(facecolor="white", edgecolor="#777777", hatch="///", label=MENTIONED),
        Line2D([], [], marker="D", color="black", linestyle="", label="signed on"),
        Line2D([], [], marker="o", markerfacecolor="white", markeredgecolor="black", linestyle="",
               label="mentioned on"),
        *[Patch(color=colours[KIND_LABELS[k]], label=KIND_LABELS[k]) for k in ("cooperation_plan", "protocol")
          if KIND_LABELS[k] in colours],
    ], bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax


# --- 05 people and roles ------------------------------------------------------------------------

def terms_of_office(ax, bars, marks, rows, window, colours: dict):
    """Gantt of terms of office, one row per person and office, with the meetings marked.

    `bars`, `marks` come from `history.people_gantt`, `rows` from `history.gantt_rows`,
    `window` is the (start, end) pair of `history.timeline_window`, `colours` maps country
    codes to colours. Bars that start before the window (or at an unknown date) are faded;
    a diamond marks a meeting the person led, a circle one they took part in. Shows who held
    which office when they met the other side.

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> bars = pd.DataFrame({"country": ["VN"], "x_start": [2016.3], "x_end": [2026.0], "open_start": [False],
    ...                      "y": [0]})
    >>> marks = pd.DataFrame({"x": [2021.0], "y": [0], "lead": [True]})
    >>> rows = pd.DataFrame({"row": ["A: Minister"], "y": [0]})
    >>> window = (pd.Timestamp("2014-01-01"), pd.Timestamp("2025-12-31"))
    >>> ax = terms_of_office(Figure().subplots(), bars, marks, rows, window, {"VN": "#0072B2"})
    >>> [label.get_text() for label in ax.get_yticklabels()], [float(x) for x in ax.get_xlim()]
    (['A: Minister'], [2014.0, 2026.0])
    """
    from matplotlib.lines import Line2D

    from defcoop.present.history import COUNTRY_NAMES

    window_start, window_end = window
    for term in bars.itertuples():
        colour = colours.get(term.country, "#999999")
        ax.barh(term.y, term.x_end - term.x_start, left=term.x_start, height=0.55, color=colour,
                alpha=0.45 if term.open_start else 0.85)
    for led, style in ((True, dict(marker="D", color="black", s=45)),
                       (False, dict(marker="o", facecolors="white", edgecolors="black", s=40))):
        points = marks[marks["lead"] == led]
        ax.scatter(points["x"], points["y"], zorder=3, **style)
    ax.set_yticks(list(rows["y"]), list(rows["row"]))
    ax.invert_yaxis()
    ax.set_xlim(window_start.year, window_end.year + 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if rows.empty:
        _no_data(ax, "No leads or participants in this corpus")
    ax.legend(handles=[
        *[Line2D([], [], color=c, linewidth=8, label=COUNTRY_NAMES.get(k, k))
          for k, c in colours.items() if k in set(bars["country"])],
        Line2D([], [], marker="D", color="black", linestyle="", label="led a meeting"),
        Line2D([], [], marker="o", markerfacecolor="white", markeredgecolor="black", linestyle="",
               label="took part"),
    ], bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax


def people_network(ax, nodes, pairs, colours: dict):
    """Who met whom: people as nodes (`history.network_nodes`), pairs as lines (`history.edge_weights`).

    Vietnam is the left column, Cambodia the right, anyone else in the middle; the earliest
    first appearance is at the top. A solid line joins two leads, a dashed one a participant
    and the other side's lead; line width and node size grow with the number of meetings and
    each line is labelled with the meeting years. `colours` maps country codes to colours.

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> nodes = pd.DataFrame({"person": ["A", "B"], "country": ["VN", "KH"], "meetings": [1, 1],
    ...                       "x": [0.0, 1.0], "y": [0.0, 0.0]})
    >>> pairs = pd.DataFrame({"person_a": ["A"], "person_b": ["B"], "meetings": [1], "as_leads": [1],
    ...                       "years": ["2021"]})
    >>> ax = people_network(Figure().subplots(), nodes, pairs, {"VN": "#0072B2", "KH": "#E69F00"})
    >>> len(ax.lines), len(ax.collections), [text.get_text() for text in ax.texts]
    (1, 2, ['2021', 'A (1)', 'B (1)'])
    """
    position = {node.person: (node.x, node.y) for node in nodes.itertuples()}
    for pair in pairs.itertuples():
        (x1, y1), (x2, y2) = position[pair.person_a], position[pair.person_b]
        ax.plot([x1, x2], [y1, y2], color="#555555", linewidth=1 + 1.5 * pair.meetings,
                linestyle="-" if pair.as_leads else "--", zorder=1)
        ax.text((x1 + x2) / 2, (y1 + y2) / 2, pair.years, ha="center", va="center", fontsize=9,
                bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="#555555"), zorder=2)
    for node in nodes.itertuples():
        ax.scatter(node.x, node.y, s=120 + 80 * node.meetings, color=colours.get(node.country, "#999999"),
                   edgecolor="black", zorder=3)
        ax.text(node.x + (-0.05 if node.x < 0.5 else 0.05), node.y, f"{node.person} ({node.meetings})",
                ha="right" if node.x < 0.5 else "left", va="center", fontsize=10)
    rows = int(nodes["y"].max()) + 1 if len(nodes) else 1
    ax.set_xlim(-0.8, 1.8)
    ax.set_ylim(max(rows - 1, 1) + 0.7, -0.7)
    ax.set_xticks([0, 0.5, 1], ["Vietnam", "other", "Cambodia"])
    ax.set_yticks([])
    ax.grid(False)
    if nodes.empty:
        _no_data(ax, "No meetings with named people in this corpus")
    return ax


# --- 06 commitment ledger -----------------------------------------------------------------------

def pledge_ledger(ax, ledger, points, segments, colours: dict):
    """Pledges and reported results per theme over time, one row per ledger theme.

    `ledger` is `history.commitment_ledger` with labels, `points` `history.ledger_points`
    (a circle per pledging article, a triangle per article reporting a result, larger when more
    sentences do), `segments` `history.lag_segments` (a grey bar from the first pledge to the
    first later result: the lag). `colours` maps "pledge" and "reported result" to colours.
    Shows which pledges are followed by reported results, and how long after.

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> ledger = pd.DataFrame({"label": ["Training"]})
    >>> points = pd.DataFrame({"x": [2016.8, 2021.0], "y": [0, 0], "mark": ["pledge", "reported result"],
    ...                        "sentences": [1, 2]})
    >>> segments = pd.DataFrame({"x_start": [2016.8], "x_end": [2021.0], "y": [0]})
    >>> ax = pledge_ledger(Figure().subplots(), ledger, points, segments,
    ...                    {"pledge": "#0072B2", "reported result": "#E69F00"})
    >>> len(ax.lines), [len(c.get_offsets()) for c in ax.collections]
    (1, [1, 1])
    """
    from matplotlib.lines import Line2D

    for segment in segments.itertuples():
        ax.plot([segment.x_start, segment.x_end], [segment.y, segment.y], color="#BBBBBB", linewidth=6,
                solid_capstyle="butt", zorder=1)
    for mark, marker in (("pledge", "o"), ("reported result", "^")):
        rows = points[points["mark"] == mark]
        ax.scatter(rows["x"], rows["y"], s=40 + 25 * rows["sentences"].astype(float), marker=marker,
                   color=colours[mark], edgecolor="black", alpha=0.85, zorder=3)
    ax.set_yticks(list(range(len(ledger))), list(ledger["label"]))
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    if ledger.empty:
        _no_data(ax, "No dated pledges in this corpus")
    ax.legend(handles=[
        Line2D([], [], marker="o", color=colours["pledge"], markeredgecolor="black", linestyle="", label="pledge"),
        Line2D([], [], marker="^", color=colours["reported result"], markeredgecolor="black", linestyle="",
               label="reported result"),
        Line2D([], [], color="#BBBBBB", linewidth=6, label="first pledge to first later result"),
    ], bbox_to_anchor=(1.01, 1), loc="upper left")
    return ax


# --- 07 explorer ----------------------------------------------------------------------------------

def theme_year_grid(ax, counts, labels: dict | None = None):
    """Meetings per theme (rows) and year (columns) as an annotated grid (`explore.theme_year_counts`).

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> counts = pd.DataFrame([[1, 0]], index=pd.Index(["training"], name="theme"), columns=[2019, 2020])
    >>> [t.get_text() for t in theme_year_grid(Figure().subplots(), counts).get_yticklabels()]
    ['training']
    """
    import seaborn as sns

    if counts.empty:
        _no_data(ax, "no dated meetings in this selection")
        return ax
    shown = counts.rename(index=lambda theme: (labels or {}).get(theme, theme))
    sns.heatmap(shown, annot=True, fmt="d", cmap="Blues", vmin=0, linewidths=0.5, cbar=False, ax=ax)
    ax.set_ylabel("")
    ax.tick_params(axis="y", rotation=0)
    return ax
