"""The numbered notebooks: papermill-ready structure, committed outputs, and they follow the corpus.

Strict nbval (``make nbval``) checks that the committed outputs are what the committed
corpus produces. These tests check the other half: every notebook takes its corpus as a
papermill parameter, and adding an article to a corpus shows up in every notebook's output.
Notebooks 04-06 are covered as soon as they exist (parametrized over the folder).
"""
import ast
import base64
import shutil
from pathlib import Path

import nbformat
import pytest

from defcoop.paths import DEFAULT_CORPUS as SEEDS, PROJECT_ROOT as ROOT

NOTEBOOKS_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
EXTRA_ARTICLE = Path(__file__).parent / "fixtures" / "extra_article.md"
EXTRA_ID = "extra_article"          # article_id = file stem
EXTRA_MEETING_DATE = "2019-12-04"   # the talks it reports (published 2019-12-05)

notebook_params = pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])


def read(path):
    return nbformat.read(path, as_version=4)


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def text_outputs(notebook) -> str:
    """Everything a reader sees as text: streams, plain-text and HTML reprs, errors."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                parts.append(output.get("text", ""))
            elif output.get("output_type") == "error":
                parts.append("\n".join(output.get("traceback", [])))
            data = output.get("data", {})
            for mime in ("text/plain", "text/html", "text/markdown"):
                if mime in data:
                    parts.append(data[mime] if isinstance(data[mime], str) else "".join(data[mime]))
    return "\n".join(parts)


def figures(notebook) -> list[bytes]:
    return [base64.b64decode(output["data"]["image/png"]) for cell in notebook.cells
            for output in cell.get("outputs", []) if "image/png" in output.get("data", {})]


def corpus_assignment(source: str):
    """The constant assigned to CORPUS in a cell's source, or None."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "CORPUS" for t in node.targets):
            return node.value.value if isinstance(node.value, ast.Constant) else node.value
    return None


def test_the_notebook_folder_has_the_numbered_notebooks():
    names = {path.stem for path in NOTEBOOKS}
    assert {"01_corpus", "02_meetings_timeline", "03_themes_over_time", "07_explorer"} <= names


@notebook_params
def test_notebook_opens_with_markdown_and_has_one_parameters_cell(path):
    notebook = read(path)
    assert notebook.cells and notebook.cells[0].cell_type == "markdown", "open with the question, in markdown"
    assert notebook.cells[0].source.lstrip().startswith("#"), "the first cell starts with a heading"
    parameters = [cell for cell in notebook.cells if "parameters" in tags(cell)]
    assert len(parameters) == 1, "exactly one cell tagged `parameters`"
    assert parameters[0].cell_type == "code"
    assert corpus_assignment(parameters[0].source) == "../seeds", 'the parameters cell sets CORPUS = "../seeds"'


@notebook_params
def test_notebook_has_stored_outputs_with_increasing_execution_counts(path):
    code = [cell for cell in read(path).cells if cell.cell_type == "code"]
    counts = [cell.execution_count for cell in code]
    assert None not in counts, "every code cell was run (nbval fails on an unrun cell with outputs)"
    assert counts == sorted(counts) and len(set(counts)) == len(counts), f"run top to bottom: {counts}"
    assert counts[0] == 1, "executed in a fresh kernel"
    assert any(cell.outputs for cell in code), "outputs are committed"
    assert not [o for cell in code for o in cell.outputs if o.get("output_type") == "error"]
    assert not [o for cell in code for o in cell.outputs if o.get("name") == "stderr"], "no warnings in outputs"


@pytest.fixture(scope="module")
def grown_corpus(tmp_path_factory):
    """The seed articles plus one synthetic article, with its tables built once for all notebooks."""
    import defcoop

    corpus = tmp_path_factory.mktemp("grown") / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    shutil.copy(EXTRA_ARTICLE, corpus / EXTRA_ARTICLE.name)
    tables = defcoop.load(corpus)
    assert EXTRA_ID in set(tables["articles"]["article_id"])
    meeting = tables["meetings"][tables["meetings"]["article_ids"].str.contains(EXTRA_ID, regex=False)]
    assert meeting["date_start"].dt.strftime("%Y-%m-%d").tolist() == [EXTRA_MEETING_DATE]
    assert meeting["mechanism"].tolist() == ["ministerial_talks"]
    return corpus


@notebook_params
def test_adding_an_article_and_rerunning_refreshes_the_notebook(path, grown_corpus):
    from defcoop.present.report import execute_notebook

    committed = read(path)
    folder_before = sorted(path.parent.iterdir())
    executed = execute_notebook(path, {"CORPUS": str(grown_corpus)})
    assert sorted(path.parent.iterdir()) == folder_before, "running a notebook left a file in notebooks/"
    text = text_outputs(executed)
    assert EXTRA_ID in text or EXTRA_MEETING_DATE in text, f"{path.name} does not show the added article"
    assert "Traceback" not in text
    old, new = figures(committed), figures(executed)
    if old:
        assert new, f"{path.name} lost its charts on the grown corpus"
        assert any(a != b for a, b in zip(old, new)) or len(old) != len(new), f"{path.name}: no chart changed"
