"""Serve the real app with `streamlit run` and drive Debian's chromium with Playwright."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# the page's script has run to its end (Streamlit marks its state on the app's root)
IDLE = ("() => document.querySelector('[data-test-script-state]')?.getAttribute("
        "'data-test-script-state') === 'notRunning'")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served(str):
    """The served app's URL, the server's process id (to read its memory) and, where a test
    sets it, the database it serves."""

    pid: int
    database: str


@contextlib.contextmanager
def serve(database: str | None = None, port: int | None = None,
          secrets: Path | None = None, script: Path = ROOT / "dashboard.py",
          session_seconds: int | None = None) -> Iterator[Served]:
    """A `streamlit run` of the dashboard on a loopback port (a free one by default), until
    the block ends; the URL is given once the server answers its health check (no page has
    been asked for). `database` (a URL or path) is the store it uses; by default a new empty
    one. `secrets`: a secrets.toml to use (sign-in), else none. `script`: another page to
    serve instead (the benchmark's yardstick). `session_seconds`: how long a closed session's
    state is kept (`server.disconnectedSessionTTL`, Streamlit's default otherwise)."""
    port = port or free_port()
    database = database or str(Path(tempfile.mkdtemp(prefix="store-")) / "app.db")
    options = ["--secrets.files", str(secrets)] if secrets else []
    if session_seconds is not None:
        options += ["--server.disconnectedSessionTTL", str(session_seconds)]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", *options],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "DATABASE_URL": database})
    url = Served(f"http://127.0.0.1:{port}")
    url.pid = server.pid
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url():
    with serve() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1400})
    yield context.new_page()
    context.close()
