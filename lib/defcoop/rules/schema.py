"""Checks for rule files of a format of their own (agreements.yaml, sentence_kinds.yaml,
boilerplate.yaml): the keys a module reads, each with the type it needs.

A parser registered in `defcoop.rules.PARSERS` describes its file as a schema, a mapping of
keys to kinds, and calls `check_schema` before it builds anything, so an unknown key, a
missing key, a regex that does not compile or a value of the wrong type is a
`RuleFileError` naming file and line, as for plain rule files. Kinds are `REGEX`,
`REGEXES`, `STRING`, `STRINGS`, `INTEGER`, `NUMBER`, `regex_with_groups(...)` (a regex that
must define the named groups the code reads), a nested schema (a mapping) or a one-item list
holding a schema (a list of such mappings); `optional(kind)` marks a key that may be left
out or left empty.

Examples, as in plain rule files: a nested schema takes ``must_match`` / ``must_not_match``
lists when it holds `EXAMPLE_KEYS`, and `with_examples(kind)` lets a key be written either
as its value alone or as a mapping of that value (under ``pattern``, ``patterns`` or
``words``) with examples. Every example is collected as an `Example` with its own line; the
module reading the file says what matching means for it (its parser keeps the examples).

>>> schema = {"sign_verbs": REGEX, "kinds": [{"id": STRING, "patterns": REGEXES}], "version": optional(INTEGER)}
>>> check_schema("sign_verbs: 'signed'\\nkinds:\\n  - id: mou\\n    patterns: ['mous?']\\n", "x.yaml", schema)
{'sign_verbs': 'signed', 'kinds': [{'id': 'mou', 'patterns': ['mous?']}]}
>>> check_schema("sign_verbs: 'signed'\\nkinds:\\n  - id: mou\\n    patterns: ['(mou']\\n", "x.yaml", schema)
Traceback (most recent call last):
...
defcoop.rules.RuleFileError: x.yaml:4: 'kinds[1].patterns': bad pattern '(mou': missing ), unterminated subpattern at position 0
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from defcoop.rules import RuleFileError, compose_yaml, mapping_nodes, node_line

REGEX = "a regex (a string)"
REGEXES = "a list of regexes"
STRING = "a string"
STRINGS = "a list of strings"
INTEGER = "an integer"
NUMBER = "a number"


@dataclass(frozen=True)
class OptionalKey:
    """A key that may be left out (or left empty): the module then does without it."""

    kind: Any


@dataclass(frozen=True)
class GroupedRegex:
    """A regex that must define these named groups, since the code reads them."""

    groups: tuple[str, ...]


def regex_with_groups(*groups: str) -> GroupedRegex:
    """A regex defining the named `groups`.

    >>> check_schema("glued: '(?P<caption>.*)'\\n", "x.yaml", {"glued": regex_with_groups("caption", "rest")})
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:1: 'glued': the pattern must have the named group (?P<rest>...)
    """
    return GroupedRegex(tuple(groups))


def optional(kind: Any) -> OptionalKey:
    """`kind`, for a key that may be left out.

    >>> optional(REGEX).kind == REGEX
    True
    """
    return OptionalKey(kind)


EXAMPLES = "a list of example strings"
# The example lists a nested schema may hold ({"id": STRING, "patterns": REGEXES, **EXAMPLE_KEYS}).
EXAMPLE_KEYS = {"must_match": optional(EXAMPLES), "must_not_match": optional(EXAMPLES)}


@dataclass(frozen=True)
class WithExamples:
    """A key written either as its value alone or as a mapping of its value (under `name`)
    with must_match / must_not_match examples."""

    kind: Any
    name: str

    @property
    def schema(self) -> dict[str, Any]:
        return {self.name: _OwnersPath(self.kind), **EXAMPLE_KEYS}


@dataclass(frozen=True)
class _OwnersPath:
    """The value of a key written with examples: a problem in it is reported under the key
    itself ('caption_patterns', not 'caption_patterns.patterns')."""

    kind: Any


def with_examples(kind: Any) -> WithExamples:
    """`kind`, or a mapping of it (``pattern`` for a regex, ``patterns`` for a list of regexes,
    ``words`` for a list of strings) with must_match / must_not_match examples; `check_schema`
    returns the value alone either way.

    >>> schema, examples = {"verbs": with_examples(REGEX)}, []
    >>> check_schema("verbs:\\n  pattern: 'signed'\\n  must_match: [They signed.]\\n", "x.yaml", schema, examples=examples)
    {'verbs': 'signed'}
    >>> examples
    [Example(source='x.yaml', line=3, rule='verbs', must_match=True, text='They signed.')]
    """
    name = {REGEX: "pattern", REGEXES: "patterns", STRINGS: "words"}.get(kind, "pattern")
    return WithExamples(kind, name)


@dataclass(frozen=True)
class Example:
    """One must_match / must_not_match example of a rule file of its own format: the file and
    line it is written on, the rule it belongs to (``sign_verbs``, ``kinds[2]``, ``dateline``)
    and the text."""

    source: str
    line: int
    rule: str
    must_match: bool
    text: str

    def failure(self, got: str) -> str:
        """The message of an example the module does not treat as written, with what it did.

        >>> Example("x.yaml", 3, "verbs", True, "They inked it.").failure("no signing verb")
        "x.yaml:3: 'verbs' must_match not matched (no signing verb): 'They inked it.'"
        """
        expected = "must_match not matched" if self.must_match else "must_not_match matched"
        return f"{self.source}:{self.line}: '{self.rule}' {expected} ({got}): {self.text!r}"


def check_schema(text: str, source: str, schema: dict[str, Any], flags: int = 0,
                 examples: list[Example] | None = None) -> dict[str, Any]:
    """Parse a rule file's text and check it against `schema`; return its data (a mapping).

    Regexes are compiled with `flags` to check them; every problem is a `RuleFileError`. The
    file's examples, in file order, are appended to `examples` when it is given.

    >>> check_schema("- a\\n", "x.yaml", {"a": STRING})
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:1: the file must be a mapping with the keys: a
    """
    node, data = compose_yaml(text, source)
    if not isinstance(data, dict):
        raise RuleFileError(source, node_line(node) if node is not None else 1,
                            f"the file must be a mapping with the keys: {', '.join(schema)}")
    found: list[Example] = []
    _check_mapping(node, data, schema, source, "", flags, found)
    if examples is not None:
        examples.extend(found)
    return data


def _check_mapping(node: Any, data: dict, schema: dict[str, Any], source: str, where: str, flags: int,
                   found: list[Example]) -> None:
    """Check the keys present in file order (the first problem in the file is reported), then
    the keys missing; collect the examples into `found`, and keep a key written with examples
    (`with_examples`) as its value alone."""
    items = mapping_nodes(node)
    for key, (key_node, value_node) in items.items():
        if key not in schema:
            raise RuleFileError(source, node_line(key_node), f"{_prefix(where)}unknown key '{key}' "
                                                             f"(known: {', '.join(schema)})")
        kind, path = schema[key], f"{where}.{key}" if where else key
        if isinstance(kind, _OwnersPath):
            kind, path = kind.kind, where
        if isinstance(kind, OptionalKey):
            if data[key] is None:
                continue
            kind = kind.kind
        elif data[key] is None:
            raise RuleFileError(source, node_line(key_node), f"'{path}' is empty: it must be {_kind_name(kind)}")
        if kind == EXAMPLES:
            _check_value(data[key], value_node, STRINGS, source, path, flags, found)
            found += [Example(source, node_line(item_node), where, key == "must_match", text)
                      for text, item_node in zip(data[key], value_node.value)]
        elif isinstance(kind, WithExamples):
            if isinstance(data[key], dict):
                _check_mapping(value_node, data[key], kind.schema, source, path, flags, found)
                data[key] = data[key][kind.name]
            else:
                _check_value(data[key], value_node, kind.kind, source, path, flags, found)
        else:
            _check_value(data[key], value_node, kind, source, path, flags, found)
    for key, kind in schema.items():
        if key not in items and not isinstance(kind, OptionalKey):
            raise RuleFileError(source, node_line(node), f"{_prefix(where)}missing key '{key}'")


def _kind_name(kind: Any) -> str:
    if isinstance(kind, WithExamples):
        return f"{_kind_name(kind.kind)}, or a mapping of {kind.name} and its examples"
    return "a mapping" if isinstance(kind, dict) else "a list" if isinstance(kind, list) else kind


def _prefix(where: str) -> str:
    return f"'{where}': " if where else ""


def _check_value(value: Any, node: Any, kind: Any, source: str, path: str, flags: int,
                 found: list[Example]) -> None:
    if isinstance(kind, dict):
        if not isinstance(value, dict):
            raise RuleFileError(source, node_line(node), f"'{path}' must be a mapping with the keys: {', '.join(kind)}")
        _check_mapping(node, value, kind, source, path, flags, found)
    elif isinstance(kind, list):
        if not isinstance(value, list):
            raise RuleFileError(source, node_line(node), f"'{path}' must be a list")
        for index, (item, item_node) in enumerate(zip(value, node.value), start=1):
            _check_value(item, item_node, kind[0], source, f"{path}[{index}]", flags, found)
    elif kind in (REGEXES, STRINGS):
        if not isinstance(value, list):
            raise RuleFileError(source, node_line(node), f"'{path}' must be {kind}")
        for item, item_node in zip(value, node.value):
            _check_value(item, item_node, REGEX if kind == REGEXES else STRING, source, path, flags, found)
    elif kind in (REGEX, STRING):
        if not isinstance(value, str):
            raise RuleFileError(source, node_line(node), f"'{path}': {value!r} must be a string")
        if kind == REGEX:
            try:
                re.compile(value, flags)
            except re.error as exc:
                raise RuleFileError(source, node_line(node), f"'{path}': bad pattern {value!r}: {exc}") from None
    elif isinstance(kind, GroupedRegex):
        _check_value(value, node, REGEX, source, path, flags, found)
        missing = [group for group in kind.groups if group not in re.compile(value, flags).groupindex]
        if missing:
            raise RuleFileError(source, node_line(node), f"'{path}': the pattern must have the named group "
                                                         f"(?P<{missing[0]}>...)")
    elif kind in (INTEGER, NUMBER):
        number_types = (int,) if kind == INTEGER else (int, float)
        if isinstance(value, bool) or not isinstance(value, number_types):
            raise RuleFileError(source, node_line(node), f"'{path}': {value!r} must be {kind}")
    else:  # pragma: no cover - a mistake in a module's schema, not in a rule file
        raise TypeError(f"unknown kind {kind!r} in the schema of {source}")
