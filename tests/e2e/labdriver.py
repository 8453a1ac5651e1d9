"""Drive a real JupyterLab in Debian's chromium, for the browser tests in this folder.

`LabServer` starts `jupyter lab` on loopback (free port, random token, isolated settings)
over a temporary copy of the project and always stops it; `LabPage` opens a notebook from
the file browser, edits cells, runs "Restart Kernel and Run All Cells" from the Kernel menu,
waits for the kernel to go idle and reads back what the notebook shows.

Nothing here downloads a browser: chromium is Debian's (`apt-get install chromium`).
"""
from __future__ import annotations

import base64
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync",
]
# What the copy of the project leaves out: the environment, history, outputs, benchmarks
# and caches of tools (data/interim, defcoop's content-hashed table cache, is kept).
SKIP_AT_TOP = {".venv", ".git", "reports", "benchmarks", ".hypothesis", ".pytest_cache", ".holdout", "build"}
SKIP_ANYWHERE = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.egg-info")
# JupyterLab user settings for the test profile: render every cell (no windowing, so every
# figure is in the page), no news, update checks or extension manager (no network here).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False,
                                                    "doNotDisturbMode": True},
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
}
MAX_SCREENSHOT_HEIGHT = 16000   # chromium cannot capture much taller pages in one piece
# JupyterLab renders a cell's exception as text on stderr (mime application/vnd.jupyter.stderr),
# older versions as application/vnd.jupyter.error: both count, a plain warning does not.
ERROR_OUTPUTS_JS = """selector => [...document.querySelectorAll(selector + ' .jp-OutputArea-output')].filter(o => {
    const mime = o.getAttribute('data-mime-type');
    return mime === 'application/vnd.jupyter.error' || (mime === 'application/vnd.jupyter.stderr'
        && /Traceback|\\b\\w*(Error|Exception|Interrupt|Exit)\\b/.test(o.innerText));
}).map(o => o.innerText.trim())"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_project(source: Path, target: Path) -> Path:
    """A working copy of the project for the server: notebooks, seeds, data, lib, tests, docs."""
    source = Path(source)

    def ignore(folder, names):
        skipped = set(SKIP_ANYWHERE(folder, names))
        if Path(folder) == source:
            skipped |= SKIP_AT_TOP & set(names)
        return skipped

    shutil.copytree(source, target, ignore=ignore)
    return target


def stored_figures(notebook_path: Path) -> int:
    """How many PNG figures the committed notebook displays."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    return sum("image/png" in output.get("data", {})
               for cell in notebook["cells"] if cell["cell_type"] == "code"
               for output in cell.get("outputs", []))


def parameters_cell(notebook_path: Path) -> tuple[int, str]:
    """Index (among all cells) and source of the cell tagged `parameters`."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    for index, cell in enumerate(notebook["cells"]):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell["source"]
            return index, "".join(source) if isinstance(source, list) else source
    raise LookupError(f"{notebook_path.name} has no cell tagged 'parameters'")


def with_parameter(source: str, name: str, value: str) -> str:
    """`source` with the assignment `NAME = ...` set to the Python literal of `value`."""
    pattern = re.compile(rf"^({re.escape(name)}\s*(?::[^=]+)?=\s*)(.*?)(\s*#.*)?$", re.MULTILINE)
    if not pattern.search(source):
        raise LookupError(f"no assignment to {name} in the parameters cell:\n{source}")
    return pattern.sub(lambda m: m.group(1) + repr(value) + (m.group(3) or ""), source, count=1)


class LabServer:
    """`jupyter lab` on 127.0.0.1 over `root_dir`; use as a context manager."""

    def __init__(self, root_dir: Path, state_dir: Path, *, jupyter: Path, env: dict | None = None):
        self.root_dir, self.state_dir, self.jupyter = Path(root_dir), Path(state_dir), Path(jupyter)
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.extra_env = dict(env or {})
        self.process: subprocess.Popen | None = None
        self.log_path = self.state_dir / "jupyter.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _environment(self) -> dict:
        settings = self.state_dir / "lab-settings"
        for plugin, values in LAB_SETTINGS.items():
            path = settings / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        env = dict(os.environ)
        env.update({
            "JUPYTER_CONFIG_DIR": str(self.state_dir / "config"),      # ignore ~/.jupyter
            "JUPYTER_RUNTIME_DIR": str(self.state_dir / "runtime"),
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(self.state_dir / "workspaces"),
            "IPYTHONDIR": str(self.state_dir / "ipython"),
            "MPLCONFIGDIR": str(self.state_dir / "matplotlib"),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        })
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 90) -> "LabServer":
        self.state_dir.mkdir(parents=True, exist_ok=True)
        command = [
            str(self.jupyter), "lab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root_dir}",
            "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly", "--ServerApp.terminals_enabled=False",
        ]
        if os.geteuid() == 0:   # CI runs as root
            command.append("--allow-root")
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(command, cwd=self.root_dir, env=self._environment(), stdout=log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.process.returncode}:\n{self.log()}")
            try:
                self.api("GET", "/api/status")
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        raise TimeoutError(f"jupyter lab did not answer /api/status in {timeout}s:\n{self.log()}")

    def api(self, method: str, path: str):
        request = urllib.request.Request(self.url + path, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every kernel (one per opened notebook) so the next test starts lean."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        """Stop the server and its kernels: SIGTERM to its process group, SIGKILL if needed."""
        if self.process is None or self.process.poll() is not None:
            return
        group = os.getpgid(self.process.pid)
        try:
            os.killpg(group, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            self.process.wait(timeout=10)
        finally:
            try:    # kernels still alive in the server's group
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def __enter__(self) -> "LabServer":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


class LabPage:
    """One JupyterLab tab in the browser, driven like an analyst would."""

    NOTEBOOK = "#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden)"

    def __init__(self, page, server: LabServer):
        self.page, self.server = page, server

    # ------------------------------------------------------------------ navigation
    def open_lab(self) -> None:
        """Load JupyterLab with a fresh layout (no tabs restored from an earlier test)."""
        self.page.goto(f"{self.server.url}/lab?reset&token={self.server.token}")
        self.page.locator("#jp-main-dock-panel").wait_for()
        self.page.locator(".jp-DirListing-content").wait_for()
        self.page.locator(".jp-Launcher, .jp-LauncherBody").first.wait_for()

    def open_from_file_browser(self, relative_path: str) -> None:
        """Double-click through the file browser from its root to the notebook."""
        self.show_file_browser()
        self.page.locator(".jp-BreadCrumbs-home").click()
        parts = relative_path.split("/")
        for index, name in enumerate(parts):
            item = self.page.locator(".jp-DirListing-content .jp-DirListing-item").filter(
                has=self.page.locator(".jp-DirListing-itemText", has_text=re.compile(rf"^{re.escape(name)}$")))
            item.wait_for()
            item.dblclick()
            if index < len(parts) - 1:
                self.page.locator(".jp-BreadCrumbs").get_by_text(name, exact=True).wait_for()
        self.notebook.locator(".jp-Cell").first.wait_for()
        self.wait_for_kernel_ready(relative_path)

    def _accept_kernel_dialog(self) -> bool:
        """If JupyterLab asks which kernel to use, keep its proposal (the venv's python3).

        Checked while waiting for the kernel, since on a slow machine the question can come
        seconds after the notebook opens."""
        accept = self.page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
        if not accept.count():
            return False
        accept.first.click()
        return True

    @property
    def notebook(self):
        return self.page.locator(self.NOTEBOOK)

    def menu(self, top: str, item: str) -> None:
        """Click a main-menu entry, e.g. menu("Kernel", "Restart Kernel and Run All Cells…")."""
        self.page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{re.escape(top)}$")).click()
        entry = self.page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                                  has_text=re.compile(rf"^{re.escape(item)}$"))
        entry.click()

    def close_all_tabs(self, timeout: float = 15) -> None:
        """File > Close All Tabs, discarding changes: the next test starts from the saved files."""
        self.page.keyboard.press("Escape")
        self.menu("File", "Close All Tabs")
        deadline = time.monotonic() + timeout
        while self.page.locator("#jp-main-dock-panel .jp-NotebookPanel").count():   # a Launcher may reopen
            discard = self.page.locator(".jp-Dialog .jp-Dialog-button", has_text=re.compile(r"^Discard$"))
            if discard.count():
                discard.first.click()
            if time.monotonic() > deadline:
                raise TimeoutError("tabs still open after File > Close All Tabs")
            self.page.wait_for_timeout(100)

    def show_file_browser(self) -> None:
        tab = self.page.locator('.jp-SideBar.jp-mod-left .lm-TabBar-tab[data-id="filebrowser"]')
        if "lm-mod-current" not in (tab.get_attribute("class") or ""):
            tab.click()
        self.page.locator(".jp-DirListing-content").wait_for()

    def collapse_left_sidebar(self) -> None:
        """Give the notebook the page's full width (View > Appearance would do the same)."""
        active = self.page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
        if active.count():
            active.click()

    # ------------------------------------------------------------------ running
    def restart_and_run_all(self, timeout: float = 240) -> float:
        """Clear outputs, Kernel > Restart Kernel and Run All Cells…, confirm, wait; seconds taken."""
        self.notebook.click(position={"x": 5, "y": 5})   # make this notebook the current widget
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            """selector => {
                const nb = document.querySelector(selector);
                return nb && nb.querySelectorAll('.jp-OutputArea-output').length === 0;
            }""", arg=self.NOTEBOOK)
        started = time.monotonic()
        self.menu("Kernel", "Restart Kernel and Run All Cells…")
        dialog = self.page.locator(".jp-Dialog")
        dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
        dialog.wait_for(state="detached")
        self.wait_until_run(timeout)
        return time.monotonic() - started

    def wait_until_run(self, timeout: float) -> None:
        """Every code cell has an execution count (or a cell failed and stopped the run), the
        kernel is idle and no cell is queued; the same for a full second in a row.

        On a timeout the error says what the page showed (kernel status, prompts, errors,
        dialogs) and ends with the server's log, so a hang can be told from a slow machine."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self._wait_until_run(timeout)
        except PlaywrightTimeout as error:
            raise TimeoutError(f"the notebook did not finish running in {timeout:.0f}s\n{self.state()}") from error
        self.page.evaluate("window.__defcoopIdleSince = null")
        self.wait_for_images()

    def state(self) -> str:
        """What the page shows now, for error messages: kernel status, prompts, errors, dialogs, log."""
        def read(what, default):
            try:
                return what()
            except Exception as error:     # the page itself may be what is broken
                return f"{default} ({type(error).__name__}: {error})"

        status = read(lambda: self.page.evaluate("""selector => {
            const el = document.querySelector(selector + ' .jp-Notebook-ExecutionIndicator');
            return el ? el.getAttribute('data-status') : 'no execution indicator';
        }""", self.NOTEBOOK), "unknown")
        kernel = read(lambda: " | ".join(self.page.locator(
            ".jp-Toolbar-kernelName, .jp-KernelStatus, .jp-StatusBar-TextItem").all_inner_texts()), "unknown")
        dialogs = read(lambda: self.page.locator(".jp-Dialog").all_inner_texts(), "unknown")
        sessions = read(lambda: [(s["path"], s["kernel"]["execution_state"]) for s in self.server.api("GET", "/api/sessions")],
                        "unknown")
        return (f"kernel indicator: {status}\nkernel/status bar: {kernel}\nsessions: {sessions}\n"
                f"prompts: {read(self.execution_counts, 'unknown')}\ndialogs: {dialogs}\n"
                f"errors: {read(self.errors, 'unknown')}\n--- jupyter log (tail) ---\n{self.server.log()}")

    def _wait_until_run(self, timeout: float) -> None:
        self.page.wait_for_function(
            """selector => {
                const nb = document.querySelector(selector);
                if (!nb) return false;
                const indicator = nb.querySelector('.jp-Notebook-ExecutionIndicator');
                const status = indicator ? indicator.getAttribute('data-status') : null;
                const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
                    .map(p => p.textContent.trim());
                const done = prompts.every(p => /^\\[\\d+\\]:$/.test(p))
                    || (ERRORS)(selector).length > 0;
                const ok = status === 'idle' && done && !prompts.some(p => p.includes('*'));
                const now = Date.now();
                if (!ok) { window.__defcoopIdleSince = null; return false; }
                window.__defcoopIdleSince = window.__defcoopIdleSince || now;
                return now - window.__defcoopIdleSince >= 1000;
            }""".replace("(ERRORS)", f"({ERROR_OUTPUTS_JS})"), arg=self.NOTEBOOK, timeout=timeout * 1000, polling=200)

    def wait_for_kernel_ready(self, path: str, timeout: float = 120, steady: float = 1.0) -> None:
        """Wait until the notebook's kernel has started and the page is connected to it.

        The page's execution indicator reads "idle" before the first kernel has even
        answered; a restart sent then can break the page's websocket to the kernel, and the
        cells queued after it never run. So the server must also report the session's kernel
        idle with a connection open, all of it for `steady` seconds in a row.
        """
        deadline, since = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            kernels = [session["kernel"] for session in self.server.api("GET", "/api/sessions")
                       if session.get("path") == path and session.get("kernel")]
            if not kernels and self._accept_kernel_dialog():
                since = None
                continue
            indicator = self.page.evaluate("""selector => {
                const el = document.querySelector(selector + ' .jp-Notebook-ExecutionIndicator');
                return el ? el.getAttribute('data-status') : null;
            }""", self.NOTEBOOK)
            ready = (indicator == "idle" and len(kernels) == 1 and kernels[0].get("execution_state") == "idle"
                     and kernels[0].get("connections", 0) >= 1)
            if not ready:
                since = None
            elif since is None:
                since = time.monotonic()
            elif time.monotonic() - since >= steady:
                return
            self.page.wait_for_timeout(200)
        raise TimeoutError(f"the kernel of {path} was not ready in {timeout:.0f}s\n{self.state()}")

    def wait_for_images(self, timeout: float = 30) -> None:
        self.page.wait_for_function(
            """selector => [...document.querySelectorAll(selector + ' .jp-RenderedImage img')]
                   .every(img => img.complete && img.naturalWidth > 0)""",
            arg=self.NOTEBOOK, timeout=timeout * 1000)

    # ------------------------------------------------------------------ reading
    def execution_counts(self) -> list[str]:
        return self.notebook.locator(".jp-CodeCell .jp-InputArea-prompt").all_text_contents()

    def errors(self) -> list[str]:
        """Error outputs and tracebacks on stderr, as the page shows them."""
        return self.page.evaluate(ERROR_OUTPUTS_JS, self.NOTEBOOK)

    def images(self) -> list[bytes]:
        """The PNG bytes of every figure the notebook shows, in order."""
        sources = self.notebook.locator(".jp-RenderedImage img").evaluate_all("imgs => imgs.map(i => i.src)")
        images = []
        for source in sources:
            if source.startswith("data:image/png;base64,"):
                images.append(base64.b64decode(source.split(",", 1)[1]))
            else:   # not expected from the notebooks, but keep something comparable
                images.append(source.encode())
        return images

    def output_text(self) -> str:
        return "\n".join(self.notebook.locator(".jp-OutputArea").all_inner_texts())

    # ------------------------------------------------------------------ editing
    def cell_source(self, index: int) -> str:
        lines = self.notebook.locator(".jp-Cell").nth(index).locator(".cm-content .cm-line").all_text_contents()
        return "\n".join(lines)

    def replace_cell_source(self, index: int, source: str) -> None:
        """Click into the cell's editor, select all of it and type the new source."""
        cell = self.notebook.locator(".jp-Cell").nth(index)
        cell.scroll_into_view_if_needed()
        editor = cell.locator(".cm-content")
        editor.click()
        self.page.keyboard.press("Control+a")
        self.page.keyboard.insert_text(source)   # one input event: no auto-indent, no bracket closing
        self.page.keyboard.press("Escape")       # back to command mode, like an analyst leaving the cell

    # ------------------------------------------------------------------ screenshots
    def screenshot(self, path: Path) -> Path:
        """The whole notebook in one PNG: grow the viewport to the notebook's height, shoot, restore."""
        original = self.page.viewport_size
        self.page.evaluate("""selector => {
            const outer = document.querySelector(selector + ' .jp-WindowedPanel-outer');
            if (outer) outer.scrollTop = 0;
        }""", self.NOTEBOOK)
        hidden = self.page.evaluate("""selector => {
            const outer = document.querySelector(selector + ' .jp-WindowedPanel-outer');
            const cells = document.querySelectorAll(selector + ' .jp-Cell');
            if (!outer || !cells.length) return 0;
            const last = cells[cells.length - 1].getBoundingClientRect().bottom;
            return last - outer.getBoundingClientRect().bottom;   // how far the last cell sticks out
        }""", self.NOTEBOOK)
        height = min(MAX_SCREENSHOT_HEIGHT, original["height"] + max(0, int(hidden)) + 60)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.page.set_viewport_size({"width": original["width"], "height": height})
            self.page.wait_for_timeout(500)    # let Lumino lay the panels out again
            self.wait_for_images()
            self.page.screenshot(path=str(path), full_page=True)
        finally:
            self.page.set_viewport_size(original)
        return path

