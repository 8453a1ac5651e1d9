"""Browser tests: real JupyterLab in Debian's chromium. Run them with `make e2e`.

They are slow (a server, a browser, every notebook run in it, two of them twice) and need
/usr/bin/chromium, so the normal `pytest tests` run does not even collect this folder:
it is collected only when DEFCOOP_E2E=1 is set, as `make e2e` does.

Session fixtures: one temporary root (a copy of the project, the server's settings and
runtime files, the scenario corpus), one JupyterLab server over the copy, one browser
and one page. The server is stopped and the temporary root removed at the end, also
when a test fails or the run is interrupted.
"""
from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import pytest

ENABLED = os.environ.get("DEFCOOP_E2E") == "1"
if not ENABLED:
    collect_ignore_glob = ["*.py"]    # nothing here is imported, not even for --doctest-modules

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
SCREENS = ROOT / "reports" / "screens"
VIEWPORT = {"width": 1400, "height": 1000}


def pytest_report_header(config):
    if not ENABLED:
        return "defcoop e2e: browser tests not collected (set DEFCOOP_E2E=1, or run `make e2e`)"
    return None


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(scope="session")
def e2e_root():
    """Temporary root of the run; SIGTERM (a CI timeout) is turned into an interrupt so the
    server is stopped and this folder removed as after Ctrl-C."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    root = Path(tempfile.mkdtemp(prefix="defcoop-e2e-"))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="session")
def workspace(e2e_root) -> Path:
    """The server's root dir: a copy of the project without .venv, .git, reports and caches."""
    from labdriver import copy_project

    return copy_project(ROOT, e2e_root / "project")


@pytest.fixture(scope="session")
def lab_server(e2e_root, workspace):
    from labdriver import LabServer

    jupyter = VENV_BIN / "jupyter" if (VENV_BIN / "jupyter").exists() else Path(sys.executable).with_name("jupyter")
    # DEFCOOP_ROOT: the kernels read data/ (reference tables, codebook, cache) from the copy.
    server = LabServer(workspace, e2e_root / "lab", jupyter=jupyter, env={"DEFCOOP_ROOT": str(workspace)})
    with server:
        yield server


@pytest.fixture(scope="session")
def browser():
    from labdriver import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} not found: apt-get install chromium chromium-driver "
                    "(Debian's chromium; browser downloads are not possible here)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def _lab_page(browser, lab_server):
    """One browser tab with JupyterLab loaded, shared by the tests (a reload costs seconds)."""
    from labdriver import LabPage

    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        driver = LabPage(page, lab_server)
        driver.open_lab()
        yield driver
    finally:
        context.close()


@pytest.fixture()
def lab(_lab_page, lab_server):
    """JupyterLab with no tab open; after the test its tabs are closed (changes discarded)
    and its kernels shut down, or the page is reloaded if the UI got stuck."""
    try:
        yield _lab_page
    finally:
        try:
            _lab_page.close_all_tabs()
        except Exception:     # a dialog or menu left open by a failure: start over
            _lab_page.open_lab()
        lab_server.shutdown_kernels()


@pytest.fixture(scope="session")
def screens() -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    return SCREENS
