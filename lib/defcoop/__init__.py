"""defcoop: Vietnam-Cambodia defence cooperation news turned into tidy tables.

The data flows through one package per stage: `ingest` (read files, strip page boilerplate),
`extract` (dates, people, places, themes; meetings, agreements and sentences of one article),
`build` (merge across articles, overrides, validate, write, cache) and `present` (shaping and
charts for the notebooks). `rules` loads the rule files of `data/rules/<lang>/` and the
reference tables; `schemas` is the one registry of columns, ids and vocabularies. Importing the
package is cheap; heavy libraries load on use.

>>> import defcoop
>>> tables = defcoop.load()            # doctest: +SKIP
>>> sorted(tables)                     # doctest: +SKIP
['agreements', 'articles', 'cleaning_log', 'sentences', 'meetings', 'participants', 'rejects']
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["load", "__version__"]


def load(corpus=None, *, rebuild: bool = False, jobs: int | None = None):
    """Return every table for `corpus` as a dict of DataFrames, building only when needed.

    The tables are cached by a content hash of the corpus, the rules and the code, so
    rerunning a notebook is instant until an article (or a rule) changes; a build then
    extracts only the new or changed articles (see `defcoop.build.store`), on every core.
    `rebuild=True` extracts every article again.

    >>> load("seeds")["meetings"].shape[0]    # doctest: +SKIP
    5
    """
    from defcoop.build.tables import load_tables

    return load_tables(corpus, rebuild=rebuild, jobs=jobs)
