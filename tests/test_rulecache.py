"""Rule files are cached by content: an edit is seen at the next refresh, an untouched file is not re-parsed."""
from defcoop.rules import cache as rulecache


def test_an_edited_rule_file_is_parsed_again_after_refresh(tmp_path):
    rules, parsed = tmp_path / "cues.yaml", []
    rules.write_text("talks\n", encoding="utf-8")

    @rulecache.cached_by_content(lambda: rules)
    def load(path):
        parsed.append(path.read_text(encoding="utf-8"))
        return parsed[-1].split()

    assert load() == ["talks"] and load() == ["talks"]
    assert rulecache.refresh() is False and load() == ["talks"]
    assert len(parsed) == 1                       # unchanged: parsed once
    rules.write_text("talks\nmeeting\n", encoding="utf-8")
    assert load() == ["talks"]                    # within a build the rules stay fixed...
    assert rulecache.refresh() is True
    assert load() == ["talks", "meeting"]         # ...and the next build sees the edit


def test_one_edited_file_drops_the_rules_built_from_others(tmp_path):
    roles, people = tmp_path / "roles.csv", tmp_path / "people.csv"
    roles.write_text("minister\n", encoding="utf-8")
    people.write_text("Tea Banh\n", encoding="utf-8")

    @rulecache.cached_by_content(lambda: roles)
    def load_roles(path):
        return path.read_text(encoding="utf-8").split()

    @rulecache.cached_by_content(lambda: people)
    def load_people(path):   # embeds the roles, like officials.csv does
        return [(name, load_roles()[0]) for name in path.read_text(encoding="utf-8").splitlines()]

    assert load_people() == [("Tea Banh", "minister")]
    roles.write_text("general\n", encoding="utf-8")
    assert rulecache.refresh() is True
    assert load_people() == [("Tea Banh", "general")]


def test_every_module_with_a_rule_loader_is_loaded_before_a_build():
    """`defcoop.build.tables.load_rules` imports RULE_MODULES so that each loader registers and a broken
    file stops the build; a new module with a loader must be listed there (the files of
    `defcoop.rules` are all loaded by its `load_every_file`)."""
    from pathlib import Path

    import defcoop
    from defcoop.build.tables import RULE_MODULES

    package = Path(defcoop.__file__).parent
    with_loaders = {"defcoop." + ".".join(path.relative_to(package).with_suffix("").parts)
                    for path in package.rglob("*.py")
                    if path.parent.name != "rules" and "@cached_by_content(" in path.read_text(encoding="utf-8")}
    assert with_loaders == set(RULE_MODULES)


def test_a_build_reads_each_rule_file_once(monkeypatch):
    """Loading every rule before a build parses each rule file once, not once per loader that
    can read it (a codebook parsed twice cost 0.3 s of every first load)."""
    from collections import Counter
    from pathlib import Path

    from defcoop.build.tables import load_rules
    from defcoop.paths import RULES_DIR
    from defcoop.rules import cache, rule_files

    reads = Counter()
    original = Path.read_text

    def counting(self, *args, **kwargs):
        if self.resolve().is_relative_to(RULES_DIR.resolve()):
            reads[self.resolve()] += 1
        return original(self, *args, **kwargs)

    cache.clear()
    monkeypatch.setattr(Path, "read_text", counting)
    try:
        load_rules()
    finally:
        monkeypatch.undo()
        cache.clear()
    assert set(reads) == {path.resolve() for path in rule_files()}
    assert {path.name: n for path, n in reads.items() if n != 1} == {}
