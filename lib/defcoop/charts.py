"""One chart style for every notebook: colour-blind-safe colours, titles, sample sizes.

The corpus is small, so every chart says how many articles and meetings it rests on;
`finish` adds that note under the axes so nobody reads a trend into five articles.

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
