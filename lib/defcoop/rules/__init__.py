"""Rule files: the language knowledge of extraction, kept as data a domain expert can edit.

Every word list and pattern the extraction modules use lives in ``data/rules/<lang>/<name>.yaml``
(``en`` and ``vi`` today; a new language is a new folder with the same file names). The
Python modules ask for rules by key (``load_rules("dates").regex("range_joiner")``) and hold
only the matching machinery. This module is the one loader behind all of them:

- the language is the article's: a build extracts each article inside ``rules_language(lang)``
  (`defcoop.ingest.language` tells the language), and ``load_rules(name)`` reads that language's
  file, or English's when the language has no file of that name;

- every problem is a `RuleFileError` (the base class of the codebook and reference-data
  errors too) that reads ``file:line: problem``;
- files are cached by content (`defcoop.rules.cache`), so an edit is seen by the next build;
- a pattern entry carries ``must_match`` / ``must_not_match`` examples, checked by the tests
  (`RuleSet.check_examples`), so a rule's intent is written next to it;
- `alternation` is the one way patterns are OR-ed together.

A rule file is a mapping of rule keys to entries; each entry has exactly one of

``pattern`` (a regex), ``patterns`` (a list of regexes, OR-ed), ``words`` (a list of strings),
``table`` (a mapping) or ``value`` (a scalar), plus optional ``flags`` (``[IGNORECASE]``),
``must_match`` / ``must_not_match`` (searched with the entry's regex) and ``note``. A pattern
needs a must_match example, except ``'(?!)'``, which never matches: how a language's file
writes a key the code asks for that the language has no use for.

>>> rules = parse_rules('''
... range_joiner:
...   pattern: '\\\\s+(?:to|until)\\\\s+'
...   must_match: ['20 to 22']
...   must_not_match: ['20-22']
... ''', "dates.yaml")
>>> rules.regex("range_joiner").search("October 20 to 22").group()
' to '
>>> rules.check_examples()
[]
"""
from __future__ import annotations

import importlib
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from defcoop.paths import PROJECT_ROOT, RULES_DIR
from defcoop.rules.cache import cached_by_content, note_absent, register_cache

KINDS = ("pattern", "patterns", "words", "table", "value")
OPTIONAL_KEYS = ("flags", "must_match", "must_not_match", "note")
FLAGS = {"IGNORECASE": re.IGNORECASE, "VERBOSE": re.VERBOSE, "MULTILINE": re.MULTILINE, "DOTALL": re.DOTALL}
NEVER = r"(?!)"


class RuleFileError(ValueError):
    """A rule or reference file a user can fix; the message reads ``file:line: problem``.

    >>> str(RuleFileError("data/rules/en/dates.yaml", 12, "'range_joiner' needs a pattern"))
    "data/rules/en/dates.yaml:12: 'range_joiner' needs a pattern"
    """

    def __init__(self, source: str, line: int, problem: str):
        self.source, self.line, self.problem = source, line, problem
        super().__init__(f"{source}:{line}: {problem}")


def display_path(path: str | os.PathLike) -> str:
    """The path as people write it: relative to the project root when it lies inside it.

    >>> display_path(PROJECT_ROOT / "data" / "rules" / "en" / "dates.yaml")
    'data/rules/en/dates.yaml'
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(Path(PROJECT_ROOT).resolve()).as_posix()
    except ValueError:
        return str(path)


def alternation(patterns: Iterable[str]) -> str:
    """Patterns OR-ed, each in its own group so its alternatives stay inside it.

    >>> alternation(["talks?", "met|meets"])
    '(?:talks?)|(?:met|meets)'
    >>> alternation([]) == NEVER
    True
    """
    return "|".join(f"(?:{pattern})" for pattern in patterns) or NEVER


def node_line(node: Any) -> int:
    """1-based line of a yaml node (yaml marks are 0-based)."""
    return node.start_mark.line + 1


def compose_yaml(text: str, source: str, error: type = RuleFileError) -> tuple[Any, Any]:
    """Parse YAML once into (node tree with line marks, plain data); errors name the line.

    >>> compose_yaml("a: [1, 2", "x.yaml")
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:1: invalid YAML: did not find expected ',' or ']'
    """
    import yaml  # lazy: importing defcoop should not need yaml until rules are read

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)   # libyaml when installed: ~5x faster
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last_line = text.count("\n") + (not text.endswith("\n"))   # libyaml may point past the end
        line = min(mark.line + 1, max(last_line, 1)) if mark is not None else 1
        raise error(source, line, f"invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    finally:
        loader.dispose()
    return node, data


def mapping_nodes(node: Any) -> dict[str, tuple[Any, Any]]:
    """Each key of a yaml mapping node -> (key node, value node)."""
    return {key.value: (key, value) for key, value in node.value}


@dataclass(frozen=True)
class Rule:
    """One entry of a rule file; ``line`` is where it starts, for messages."""

    key: str
    kind: str
    data: Any
    flags: int
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]
    line: int

    @property
    def source_pattern(self) -> str:
        """The regex text of the entry: a pattern, the OR of patterns, or a word alternation."""
        if self.kind == "pattern":
            return self.data
        if self.kind == "patterns":
            return alternation(self.data)
        if self.kind == "words":
            return r"\b(?:" + "|".join(re.escape(word) for word in self.data) + r")\b" if self.data else NEVER
        raise TypeError(f"rule '{self.key}' is a {self.kind}, not a pattern")


@dataclass
class RuleSet:
    """The rules of one file, looked up by key; regexes are compiled once, on first use."""

    source: str
    rules: dict[str, Rule]
    _compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    _derived: dict[Callable, Any] = field(default_factory=dict, repr=False)

    def derived(self, build: Callable[["RuleSet"], Any]) -> Any:
        """``build(self)``, computed once per loaded file: compiled tables a module derives from
        its rules are rebuilt when the file is edited (a new RuleSet), never kept stale."""
        try:
            return self._derived[build]
        except KeyError:
            with rules_language(self.language or current_language()):   # neighbours of its own language
                value = self._derived[build] = build(self)
            return value

    @property
    def language(self) -> str | None:
        """The language folder the file is in (``data/rules/vi/dates.yaml`` -> ``vi``), None for
        text parsed from elsewhere. Tables derived from the file read other files of its language,
        also when another language borrows the file (see `load_rules`).

        >>> load_rules("dates").language
        'en'
        """
        folder = Path(self.source).parent
        return folder.name if folder.name and (RULES_DIR / folder.name).is_dir() else None

    def _get(self, key: str, kinds: tuple[str, ...]) -> Rule:
        try:
            rule = self.rules[key]
        except KeyError:
            raise RuleFileError(self.source, 1, f"no rule '{key}' (the code asks for it)") from None
        if rule.kind not in kinds:
            raise RuleFileError(self.source, rule.line, f"'{key}' must be a {' or '.join(kinds)}, not a {rule.kind}")
        return rule

    def pattern(self, key: str) -> str:
        """The regex text of `key` (to be combined with other pieces by the caller)."""
        return self._get(key, ("pattern", "patterns", "words")).source_pattern

    def patterns(self, key: str) -> tuple[str, ...]:
        """The separate regexes of a ``patterns`` entry (or the single one of a ``pattern``)."""
        rule = self._get(key, ("pattern", "patterns"))
        return (rule.data,) if rule.kind == "pattern" else tuple(rule.data)

    def regex(self, key: str) -> re.Pattern[str]:
        """`key` compiled with its flags."""
        try:
            return self._compiled[key]
        except KeyError:
            rule = self._get(key, ("pattern", "patterns", "words"))
            compiled = self._compiled[key] = re.compile(rule.source_pattern, rule.flags)
            return compiled

    def regexes(self, key: str) -> tuple[re.Pattern[str], ...]:
        """Each regex of a ``pattern`` or ``patterns`` entry compiled on its own with the entry's
        flags: alternatives may then each carry the same named groups ("(?P<n>...)" in every one),
        which one OR-ed regex cannot."""
        rule = self._get(key, ("pattern", "patterns"))
        return tuple(re.compile(pattern, rule.flags) for pattern in self.patterns(key))

    def words(self, key: str) -> tuple[str, ...]:
        """The strings of a ``words`` entry, in file order."""
        return tuple(self._get(key, ("words",)).data)

    def table(self, key: str) -> dict[str, Any]:
        """The mapping of a ``table`` entry."""
        return dict(self._get(key, ("table",)).data)

    def value(self, key: str) -> Any:
        """The scalar of a ``value`` entry."""
        return self._get(key, ("value",)).data

    def check_examples(self) -> list[str]:
        """Every must_match example its rule does not find and every must_not_match one it does,
        as ``file:line: ...`` lines; empty when the file behaves as documented."""
        problems = []
        for rule in self.rules.values():
            if not (rule.must_match or rule.must_not_match):
                continue
            regexes = self.regexes(rule.key) if rule.kind in ("pattern", "patterns") else (self.regex(rule.key),)
            problems += [f"{self.source}:{rule.line}: '{rule.key}' must_match not matched: {example!r}"
                         for example in rule.must_match if not any(r.search(example) for r in regexes)]
            problems += [f"{self.source}:{rule.line}: '{rule.key}' must_not_match matched: {example!r}"
                         for example in rule.must_not_match if any(r.search(example) for r in regexes)]
        return problems


def _strings(value: Any, node: Any, what: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RuleFileError(source, node_line(node), f"{what} must be a list")
    for item, item_node in zip(value, node.value):
        if not isinstance(item, str):
            raise RuleFileError(source, node_line(item_node), f"{what}: {item!r} must be a string")
    return tuple(value)


def _compile_check(pattern: str, flags: int, node: Any, key: str, source: str) -> None:
    try:
        re.compile(pattern, flags)
    except re.error as exc:
        raise RuleFileError(source, node_line(node), f"'{key}': bad pattern {pattern!r}: {exc}") from None


def _parse_rule(key: str, line: int, node: Any, value: Any, source: str) -> Rule:
    if not isinstance(value, dict):
        raise RuleFileError(source, line, f"'{key}' must be a mapping with one of: {', '.join(KINDS)}")
    items = mapping_nodes(node)
    unknown = [name for name in value if name not in KINDS + OPTIONAL_KEYS]
    if unknown:
        raise RuleFileError(source, node_line(items[unknown[0]][0]), f"'{key}': unknown key '{unknown[0]}'")
    kinds = [kind for kind in KINDS if kind in value]
    if len(kinds) != 1:
        raise RuleFileError(source, line, f"'{key}' needs exactly one of: {', '.join(KINDS)}")
    kind = kinds[0]
    flags = 0
    if "flags" in value:
        for name in _strings(value["flags"], items["flags"][1], f"'{key}' flags", source):
            if name not in FLAGS:
                raise RuleFileError(source, node_line(items["flags"][1]), f"'{key}': unknown flag '{name}'")
            flags |= FLAGS[name]
    data, data_node = value[kind], items[kind][1]
    if kind == "pattern":
        if not isinstance(data, str):
            raise RuleFileError(source, node_line(data_node), f"'{key}': pattern must be a string")
        _compile_check(data, flags, data_node, key, source)
    elif kind in ("patterns", "words"):
        data = _strings(data, data_node, f"'{key}' {kind}", source)
        if kind == "patterns":
            for pattern, item_node in zip(data, data_node.value):
                _compile_check(pattern, flags, item_node, key, source)
    elif kind == "table" and not isinstance(data, dict):
        raise RuleFileError(source, node_line(data_node), f"'{key}': table must be a mapping")
    examples = {name: _strings(value[name], items[name][1], f"'{key}' {name}", source) if value.get(name) else ()
                for name in ("must_match", "must_not_match")}
    if kind in ("table", "value") and any(examples.values()):
        raise RuleFileError(source, line, f"'{key}': examples need a pattern, patterns or words")
    unused = data in (NEVER, (NEVER,))   # a key the code asks for that this language has no use for
    if kind in ("pattern", "patterns") and not examples["must_match"] and not unused:
        raise RuleFileError(source, line, f"'{key}': a pattern needs at least one must_match example")
    return Rule(key, kind, data, flags, examples["must_match"], examples["must_not_match"], line)


def parse_rules(text: str, source: str) -> RuleSet:
    """Validate a rule file's text and return its rules (see the module docstring for the format)."""
    node, data = compose_yaml(text, source)
    if data is None:
        return RuleSet(source, {})
    if not isinstance(data, dict):
        raise RuleFileError(source, node_line(node), "a rule file must be a mapping of rule keys to entries")
    rules = {}
    for key, (key_node, value_node) in mapping_nodes(node).items():
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise RuleFileError(source, node_line(key_node), f"rule key {key!r} must be snake_case")
        rules[key] = _parse_rule(key, node_line(key_node), value_node, data[key], source)
    return RuleSet(source, rules)


def rules_path(name: str, lang: str = "en") -> Path:
    """``data/rules/<lang>/<name>.yaml``."""
    return RULES_DIR / lang / f"{name}.yaml"


# Files with a format of their own (a list of themes, of mechanisms, ...) name their parser,
# ``module:function`` taking (text, source); every other file is a plain rule file (`parse_rules`).
PARSERS = {
    "themes": "defcoop.extract.themes:parse_codebook",
    "agreements": "defcoop.extract.agreements:parse_agreements",
    "sentence_kinds": "defcoop.extract.sentences:parse_sentence_kinds",
    "boilerplate": "defcoop.ingest.clean:parse_boilerplate",
    "mechanisms": "defcoop.extract.meetings:parse_mechanisms",
}


def _parser(name: str) -> Callable[[str, str], Any]:
    target = PARSERS.get(name)
    if target is None:
        return parse_rules
    module, function = target.split(":")
    return getattr(importlib.import_module(module), function)


def parse_file(file: str | os.PathLike, name: str | None = None) -> Any:
    """Read and validate one rule file with its parser (by file name unless `name` is given)."""
    file = Path(file)
    source = display_path(file)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(source, 1, f"cannot read: {exc.strerror or exc}") from None
    return _parser(name or file.stem)(text, source)


@cached_by_content(lambda: rules_path("dates"), preload=False)
def _load_file(file: Path) -> Any:
    return parse_file(file)


_BY_NAME: dict[tuple[str, str], Any] = {}
register_cache(_BY_NAME)

DEFAULT_LANGUAGE = "en"
_LANGUAGE: ContextVar[str] = ContextVar("defcoop_rules_language", default=DEFAULT_LANGUAGE)


def current_language() -> str:
    """The language whose rule files `load_rules` reads now (``en`` outside `rules_language`)."""
    return _LANGUAGE.get()


@contextmanager
def rules_language(lang: str):
    """Read the rule files of `lang` inside the block: how one article is extracted with the
    rules of its own language while the extraction code stays the same for every language.

    >>> with rules_language("vi"):
    ...     load_rules("dates").source
    'data/rules/vi/dates.yaml'
    >>> load_rules("dates").source
    'data/rules/en/dates.yaml'
    """
    token = _LANGUAGE.set(lang)
    try:
        yield lang
    finally:
        _LANGUAGE.reset(token)


def languages() -> list[str]:
    """The languages that have rule files, sorted (``['en', 'vi']``).

    Asked for every article (language detection), so the folder is listed again only when it,
    or one of its language folders, has changed since (a folder or rule file added or removed).
    """
    with os.scandir(RULES_DIR) as entries:
        folders = sorted((entry.name, entry.stat().st_mtime_ns) for entry in entries if entry.is_dir())
    key = (str(RULES_DIR), os.stat(RULES_DIR).st_mtime_ns, tuple(folders))
    found = _LANGUAGES.get(key)
    if found is None:
        _LANGUAGES.clear()
        found = _LANGUAGES[key] = sorted(name for name, _ in folders if any((RULES_DIR / name).glob("*.yaml")))
    return list(found)


_LANGUAGES: dict[tuple, list[str]] = {}


def load_rules(name: str, lang: str | None = None) -> Any:
    """The rules of ``data/rules/<lang>/<name>.yaml``, parsed once per content (a `RuleSet`,
    or what the file's own parser returns, see `PARSERS`). `lang` defaults to the current
    language (`rules_language`); a language without a file of that name uses English's.

    >>> load_rules("dates").source
    'data/rules/en/dates.yaml'
    """
    lang = lang or _LANGUAGE.get()
    try:
        return _BY_NAME[name, lang]
    except KeyError:
        path = os.path.abspath(rules_path(name, lang))
        if lang != DEFAULT_LANGUAGE and not os.path.exists(path):
            note_absent(path)   # a file added later in a live kernel is then seen by `refresh`
            rules = load_rules(name, DEFAULT_LANGUAGE)
        else:
            with rules_language(lang):   # a parser that reads other files reads its own language's
                rules = _load_file(path)
        _BY_NAME[name, lang] = rules
        return rules


def rule_files(lang: str | None = None) -> list[Path]:
    """Every rule file (of one language, or of all), sorted."""
    return sorted(RULES_DIR.glob(f"{lang}/*.yaml" if lang else "*/*.yaml"))


def load_every_file() -> None:
    """Validate every rule file of every language (a build runs this before reading articles,
    so a broken file stops it with ``file:line: problem``)."""
    for file in rule_files():
        load_rules(file.stem, file.parent.name)
