"""Render every notebook headless: reports/NN_name.html and reports/figures/NN_name_K.png.

Notebooks are executed in a fresh kernel from their own folder (as JupyterLab would),
then exported to HTML; each PNG figure they display is also saved on its own so it can
be dropped into a slide or a paper.

>>> render_reports("notebooks", "reports")     # doctest: +SKIP
['reports/01_corpus.html', ...]
"""
from __future__ import annotations

import base64
import sys
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 600


def execute_notebook(path: Path, parameters: dict | None = None):
    """Execute a notebook top to bottom in a fresh kernel; papermill when parameters are given."""
    import nbformat

    if parameters:
        import papermill

        # The executed copy goes to a temporary folder, never beside the notebook: a run killed
        # half way must not leave a stray notebook in the user's folder.
        with tempfile.TemporaryDirectory(prefix="defcoop-papermill-") as scratch:
            output = Path(scratch) / path.name
            papermill.execute_notebook(str(path), str(output), parameters=parameters, cwd=str(path.parent),
                                       progress_bar=False, kernel_name="python3")
            return nbformat.read(output, as_version=4)
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=TIMEOUT_SECONDS, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def figures_of(notebook) -> list[bytes]:
    """The PNG images a notebook displays, in order."""
    images = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                images.append(base64.b64decode(data["image/png"]))
    return images


def render_reports(notebooks_dir, out_dir) -> list[Path]:
    """Execute each numbered notebook and write its HTML page and figures."""
    from nbconvert import HTMLExporter

    notebooks_dir, out_dir = Path(notebooks_dir), Path(out_dir)
    figures_dir = out_dir / "figures"
    figures_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb")):
        print(f"defcoop: rendering {path.name}", file=sys.stderr, flush=True)
        notebook = execute_notebook(path)
        html, _ = HTMLExporter().from_notebook_node(notebook)
        page = out_dir / f"{path.stem}.html"
        page.write_text(html, encoding="utf-8")
        written.append(page)
        for old in figures_dir.glob(f"{path.stem}_*.png"):
            old.unlink()
        for number, image in enumerate(figures_of(notebook), start=1):
            (figures_dir / f"{path.stem}_{number}.png").write_bytes(image)
    return written
