"""Language knowledge belongs in rule files (data/rules/<lang>/), not in the extraction code.

This check counts the string literals of the extraction modules that carry English cue words:
regexes with words in them ("\\b(?:met|talks)\\b") and word lists (("monday", "tuesday", ...)).
Docstrings, error messages, f-strings (evidence notes written into the tables) and snake_case
identifiers (column names, ids) are not cue words. At most `LIMIT` may stay, each in `ALLOWED`
with the reason it stays; a new one fails this test: put it in a rule file instead.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import defcoop

PACKAGE = Path(defcoop.__file__).parent
# Modules of the ingest and extract stages and the matching machinery they share, as paths
# below lib/defcoop without ".py" ("extract/dates").
EXTRACTION_MODULES = tuple(sorted(path.relative_to(PACKAGE).with_suffix("").as_posix()
                                  for stage in ("ingest", "extract", "rules")
                                  for path in (PACKAGE / stage).glob("*.py") if path.name != "__init__.py"))
LIMIT = 5
# (module, literal) -> why it stays in code.
ALLOWED: dict[tuple[str, str], str] = {
    ("extract/url_ids", "('www.', 'm.', 'amp.', 'lite.', 'mobile.')"):
        "host prefixes that serve a site's same pages: URL syntax shared by every language, no cue words",
    ("ingest/clean", "('first', 'last', 'earliest')"):
        "the values boilerplate.yaml's `page_date_line` setting may take: a schema vocabulary, no cue words",
}

_REGEX_SYNTAX = re.compile(r"\\[bBsSwWdD]|\(\?|[|*+?$^\[\]{}]")
_NOT_WORDS = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)|\(\?<?[=!]|\\[a-zA-Z](?:[0-9a-fA-F]{4})?|\{\d*,?\d*\}|\[[^\]]*\]")
_WORD = re.compile(r"[A-Za-z]{2,}")
_LIST_WORD = re.compile(r"[A-Za-z][A-Za-z .'\-]*")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")


def _skipped_nodes(tree: ast.AST) -> set[int]:
    """ids of constants that are docstrings, type annotations, inside raise statements or
    parts of f-strings."""
    skipped = set()
    for node in ast.walk(tree):
        for annotation in (getattr(node, "annotation", None), getattr(node, "returns", None)):
            if annotation is not None:
                skipped.update(id(sub) for sub in ast.walk(annotation))
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            skipped.add(id(body[0].value))
        if isinstance(node, ast.Raise) or isinstance(node, ast.JoinedStr):
            skipped.update(id(sub) for sub in ast.walk(node))
    return skipped


def is_cue_regex(text: str) -> bool:
    """A regex (it uses regex syntax) with words left once group names and escapes are removed.

    >>> is_cue_regex(r"\\b(?:met|talks)\\b"), is_cue_regex(r"(?P<year>(?:19|20)\\d{2})"), is_cue_regex("utf-8")
    (True, False, False)
    """
    return bool(_REGEX_SYNTAX.search(text)) and bool(_WORD.search(_NOT_WORDS.sub(" ", text)))


def field_names() -> frozenset[str]:
    """Strings the package uses as keys (``row["title"]``, ``spec.get("include")``, dict keys):
    names of fields and rule-file keys, not words of an article's language."""
    names = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            keys = []
            if isinstance(node, ast.Subscript):
                keys = [node.slice]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args \
                    and node.func.attr in ("get", "pop", "setdefault"):
                keys = [node.args[0]]
            elif isinstance(node, ast.Dict):
                keys = [key for key in node.keys if key is not None]
            names.update(key.value for key in keys if isinstance(key, ast.Constant) and isinstance(key.value, str))
    return frozenset(names)


_FIELDS: list[frozenset[str]] = []


def is_word_list(node: ast.AST) -> bool:
    """A list, tuple or set of at least two plain words, or "a b c".split(); lists of
    identifiers, country codes or field names are not word lists."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = [item.value for item in node.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)]
        if len(items) < 2 or len(items) != len(node.elts):
            return False
        if not _FIELDS:
            _FIELDS.append(field_names())
        return all(_LIST_WORD.fullmatch(item) and not _IDENTIFIER.fullmatch(item) and not item.isupper()
                   for item in items) and not all(item in _FIELDS[0] for item in items)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return len(node.func.value.value.split()) >= 3
    return False


def cue_literals(module: str) -> list[tuple[int, str]]:
    """(line, literal) of every cue-word literal of `module`; a word list counts once."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    skipped = _skipped_nodes(tree)
    found, in_lists = [], set()
    for node in ast.walk(tree):
        if is_word_list(node):
            in_lists.update(id(sub) for sub in ast.walk(node))
            found.append((node.lineno, ast.unparse(node)[:80]))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped \
                and id(node) not in in_lists and is_cue_regex(node.value):
            found.append((node.lineno, node.value))
    return sorted(found)


def all_cue_literals() -> list[tuple[str, int, str]]:
    return [(module, line, text) for module in EXTRACTION_MODULES for line, text in cue_literals(module)]


def test_cue_words_live_in_rule_files():
    left = [(module, line, text) for module, line, text in all_cue_literals() if (module, text) not in ALLOWED]
    assert not left, "cue words in code (move them to data/rules/<lang>/):\n" + "\n".join(
        f"  lib/defcoop/{module}.py:{line}: {text!r}" for module, line, text in left)


def test_at_most_five_stay_and_each_says_why():
    assert len(ALLOWED) <= LIMIT and all(reason.strip() for reason in ALLOWED.values())
    present = {(module, text) for module, _, text in all_cue_literals()}
    assert set(ALLOWED) <= present, "allow-list entries no longer in the code: remove them"


def test_the_check_finds_what_it_is_for():
    tree = ast.parse('x = re.compile(r"\\bmet\\b")\nDAYS = ("monday", "tuesday")\nCOLS = ("meeting_id", "date_start")\n'
                     'def f():\n    "Doc (?:x|y) words."\n    raise ValueError("bad (?:x|y) words")\n')
    assert [is_word_list(n) for n in ast.walk(tree) if isinstance(n, ast.Tuple)] == [True, False]
    constants = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and id(n) not in _skipped_nodes(tree) and is_cue_regex(n.value)]
    assert constants == ["\\bmet\\b"]
