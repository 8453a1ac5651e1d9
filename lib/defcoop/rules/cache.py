"""Rule and reference files cached by their content, never by their path alone.

Every loader of a rule file (`mechanisms.yaml`, `officials.csv`, ...) parses it once and keeps
the result, so extraction does not re-read YAML for every sentence. A cache keyed by the path
alone goes stale in a live kernel: an analyst edits `mechanisms.yaml`, reruns
`defcoop.load()`, the inputs hash changes, and the old rules would build the new tables.
Here each loader remembers the digest of the bytes it parsed; `refresh()`, which every build
runs first, re-hashes those files and drops every cached rule when any of them changed (all
of them, since one loader's result can embed another's: officials are checked against roles).

>>> @cached_by_content(lambda: Path(__file__))
... def first_line(path):
...     return path.read_text(encoding="utf-8").splitlines()[0]
>>> first_line().startswith('"' * 3 + 'Rule and reference files')
True
>>> refresh()          # nothing was edited since
False
"""
from __future__ import annotations

import functools
import hashlib
import os
import weakref
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

_CACHES: list[dict] = []
_LOADERS: list[weakref.ref] = []   # weak: a loader made in a test or doctest goes with it
_PARSED: dict[str, bytes | None] = {}   # absolute path -> digest of the bytes a cached value came from


def file_digest(path: str | os.PathLike) -> bytes | None:
    """sha256 of a file's bytes, None when it cannot be read (the loader reports that)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).digest()
    except OSError:
        return None


def cached_by_content(default_path: Callable[[], Path], *, preload: bool = True
                      ) -> Callable[[Callable[[Path], T]], Callable[..., T]]:
    """Turn `parse(path)` into `load(path=None)`, cached until `refresh()` sees the file change.

    `default_path` is called when no path is given (on every call: a loader asked per sentence
    is cheaper with a default made by ``os.path.join`` than by Path arithmetic), so a module constant patched in a test
    (or a DEFCOOP_ROOT set before import) is honoured, and a default that depends on the
    language being read (`defcoop.rules.rules_language`) gives each language its own entry. `preload=False` leaves the loader out of
    `load_all`: for loaders of a file some other loader already reads before a build (a rule
    file `defcoop.rules.load_every_file` reads), kept for callers that pass another path.
    """
    def wrap(parse: Callable[[Path], T]) -> Callable[..., T]:
        cache: dict = {}

        @functools.wraps(parse)
        def load(path: str | os.PathLike | None = None) -> T:
            file = path if path is not None else default_path()   # may depend on the rules' language
            try:
                return cache[file]   # an absolute path as given: no need to work it out on a hit
            except (KeyError, TypeError):
                pass
            key = os.path.abspath(file)
            try:
                return cache[key]
            except KeyError:
                pass
            _PARSED[key] = file_digest(file)   # before parsing: an edit in between is seen later
            value = cache[key] = parse(Path(file))
            if os.path.isabs(file):   # a relative one depends on the working directory
                cache[file] = value
            return value

        load.cache_clear = cache.clear
        _CACHES.append(cache)
        if preload:
            _LOADERS.append(weakref.ref(load))
        return load

    return wrap


def note_absent(path: str | os.PathLike) -> None:
    """Remember that a file was looked for and not found, so `refresh()` sees it appear."""
    _PARSED.setdefault(os.path.abspath(path), None)


def register_cache(cache: dict) -> None:
    """Have `clear()` (and so `refresh()` after an edit) empty `cache` too: for caches keyed
    otherwise than by path whose values come from cached loaders."""
    _CACHES.append(cache)


def refresh() -> bool:
    """Drop every cached rule if a rule file read so far has changed since; True when it did."""
    changed = any(file_digest(path) != digest for path, digest in _PARSED.items())
    if changed:
        clear()
    return changed


def load_all() -> None:
    """Load every rule file of every loader imported so far, so a broken one stops a build
    before any article is read (each loader validates its file)."""
    for ref in list(_LOADERS):
        load = ref()
        if load is not None:
            load()


def clear() -> None:
    """Forget every cached rule file (the next use reads them again)."""
    for cache in _CACHES:
        cache.clear()
    _PARSED.clear()
