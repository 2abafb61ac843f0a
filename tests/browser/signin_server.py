"""The app behind `st.login` for tests and the bench: an OpenID Connect provider on loopback
(oidc-provider-mock, started here), a secrets.toml pointing at it, an access list, and a
`streamlit run` of the dashboard; plus signing a browser in through the provider's form."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from i18n import NB, t
from state import SAMPLE_DIR, SAMPLE_FILES
from store.access import AccessStore
from store.publications import FROM_COMMAND_LINE, PublicationStore
from store.publish import files_digest
from tests.browser.conftest import IDLE, Served, free_port, serve

COOKIE_SECRET = "a-test-secret-shared-by-every-replica"


@contextlib.contextmanager
def signed_server(folder: Path, grants: list[tuple[str, str, tuple[str, ...]]],
                  publish_sample: bool = False,
                  session_seconds: int | None = None) -> Iterator[Served]:
    """The served app (its URL; `.database` and `.pid` beside it) until the block ends.
    `session_seconds`: how long the server keeps a closed session (Streamlit's default 120 s
    lets a browser reconnect)."""
    from oidc_provider_mock import run_server_in_thread

    database = str(folder / "app.db")
    store = AccessStore(database)
    for email, role, units in grants:
        store.grant(email, role, units, by="test")
    if publish_sample:
        files = tuple((kind, name, (SAMPLE_DIR / name).read_bytes())
                      for kind, name in SAMPLE_FILES.items())
        PublicationStore(database).publish(files, (), by="test", source=FROM_COMMAND_LINE,
                                           as_of=dt.date(2026, 11, 1),
                                           digest=files_digest(files))
    os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")  # the provider is plain http
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per provider request
    with run_server_in_thread(port=0) as provider:
        port = free_port()
        secrets = folder / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{COOKIE_SECRET}"\n'
            'client_id = "prosessradgivere"\nclient_secret = "hemmelig"\n'
            f'server_metadata_url = "http://127.0.0.1:{provider.server_port}'
            '/.well-known/openid-configuration"\n')
        with serve(database, port=port, secrets=secrets,
                   session_seconds=session_seconds) as url:
            url.database = database
            yield url


def listen(page, received: list[bytes]) -> None:
    """Keep every websocket frame the server sends this page: what reached the browser."""
    page.on("websocket", lambda socket: socket.on(
        "framereceived", lambda payload: received.append(
            payload if isinstance(payload, bytes) else payload.encode())))


@contextlib.contextmanager
def signed_in(browser, url: str, email: str):
    """A fresh browser signed in as `email`; yields the page and what the server sent it."""
    context = browser.new_context(viewport={"width": 1600, "height": 1400},
                                  accept_downloads=True)
    received: list[bytes] = []
    page = context.new_page()
    listen(page, received)
    try:
        page.goto(url)
        page.get_by_role("button", name=t("auth.sign_in", NB)).click()
        page.locator("input[name=sub]").fill(email)
        page.get_by_role("button", name="Authorize", exact=True).click()
        page.wait_for_url(f"{url}/**", timeout=60_000)
        page.wait_for_selector("[data-test-script-state]", timeout=60_000)
        page.wait_for_function(IDLE, timeout=90_000)
        yield page, received
    finally:
        context.close()


async def sign_in_async(page, url: str, email: str) -> None:
    """The same sign-in with Playwright's async API, for many sessions at once."""
    await page.goto(url)
    await page.get_by_role("button", name=t("auth.sign_in", NB)).click(timeout=180_000)
    await page.locator("input[name=sub]").fill(email, timeout=180_000)
    await page.get_by_role("button", name="Authorize", exact=True).click(timeout=180_000)
    await page.wait_for_url(f"{url}/**", timeout=180_000)
    await page.wait_for_selector("[data-test-script-state]", timeout=180_000)
    await page.wait_for_function(IDLE, timeout=300_000)


def sent_text(received: list[bytes]) -> str:
    return b"\n".join(received).decode("utf-8", errors="ignore")
