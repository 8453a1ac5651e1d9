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


def check_schema(text: str, source: str, schema: dict[str, Any], flags: int = 0) -> dict[str, Any]:
    """Parse a rule file's text and check it against `schema`; return its data (a mapping).

    Regexes are compiled with `flags` to check them; every problem is a `RuleFileError`.

    >>> check_schema("- a\\n", "x.yaml", {"a": STRING})
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:1: the file must be a mapping with the keys: a
    """
    node, data = compose_yaml(text, source)
    if not isinstance(data, dict):
        raise RuleFileError(source, node_line(node) if node is not None else 1,
                            f"the file must be a mapping with the keys: {', '.join(schema)}")
    _check_mapping(node, data, schema, source, "", flags)
    return data


def _check_mapping(node: Any, data: dict, schema: dict[str, Any], source: str, where: str, flags: int) -> None:
    """Check the keys present in file order (the first problem in the file is reported), then
    the keys missing."""
    items = mapping_nodes(node)
    for key, (key_node, value_node) in items.items():
        if key not in schema:
            raise RuleFileError(source, node_line(key_node), f"{_prefix(where)}unknown key '{key}' "
                                                             f"(known: {', '.join(schema)})")
        kind, path = schema[key], f"{where}.{key}" if where else key
        if isinstance(kind, OptionalKey):
            if data[key] is not None:
                _check_value(data[key], value_node, kind.kind, source, path, flags)
        elif data[key] is None:
            raise RuleFileError(source, node_line(key_node), f"'{path}' is empty: it must be {_kind_name(kind)}")
        else:
            _check_value(data[key], value_node, kind, source, path, flags)
    for key, kind in schema.items():
        if key not in items and not isinstance(kind, OptionalKey):
            raise RuleFileError(source, node_line(node), f"{_prefix(where)}missing key '{key}'")


def _kind_name(kind: Any) -> str:
    return "a mapping" if isinstance(kind, dict) else "a list" if isinstance(kind, list) else kind


def _prefix(where: str) -> str:
    return f"'{where}': " if where else ""


def _check_value(value: Any, node: Any, kind: Any, source: str, path: str, flags: int) -> None:
    if isinstance(kind, dict):
        if not isinstance(value, dict):
            raise RuleFileError(source, node_line(node), f"'{path}' must be a mapping with the keys: {', '.join(kind)}")
        _check_mapping(node, value, kind, source, path, flags)
    elif isinstance(kind, list):
        if not isinstance(value, list):
            raise RuleFileError(source, node_line(node), f"'{path}' must be a list")
        for index, (item, item_node) in enumerate(zip(value, node.value), start=1):
            _check_value(item, item_node, kind[0], source, f"{path}[{index}]", flags)
    elif kind in (REGEXES, STRINGS):
        if not isinstance(value, list):
            raise RuleFileError(source, node_line(node), f"'{path}' must be {kind}")
        for item, item_node in zip(value, node.value):
            _check_value(item, item_node, REGEX if kind == REGEXES else STRING, source, path, flags)
    elif kind in (REGEX, STRING):
        if not isinstance(value, str):
            raise RuleFileError(source, node_line(node), f"'{path}': {value!r} must be a string")
        if kind == REGEX:
            try:
                re.compile(value, flags)
            except re.error as exc:
                raise RuleFileError(source, node_line(node), f"'{path}': bad pattern {value!r}: {exc}") from None
    elif isinstance(kind, GroupedRegex):
        _check_value(value, node, REGEX, source, path, flags)
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
