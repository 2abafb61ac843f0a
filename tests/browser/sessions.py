"""Many signed-in browser sessions at once against one server, roles mixed and half of them
owners uploading private previews of their own data: what each session was sent is checked
for another session's data and for names outside its scope, and the server's memory is read
before, with every session open, and after they close. Used by a small test in `make test`
and at full size (20 sessions) by `make bench`."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from i18n import NB, t
from store.access import OWNER, UNIT, VIEWER
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, IDLE
from tests.browser.signin_server import listen, sent_text, sign_in_async
from tests.helpers import COURSE_HEADER, STAFF_HEADER, csv_file, names_in

UPLOADER, UNKNOWN = "uploader", "unknown"
OTHERS = (UNIT, VIEWER, UNKNOWN)  # every second session, in turn
NAV_LINK = '[data-testid="stSidebarNavLink"]'
CLOSED_SESSION_SECONDS = 5  # the load's server forgets a closed session this soon, not in 120 s


@dataclass(frozen=True)
class Session:
    number: int
    role: str  # UPLOADER (an owner with a preview), UNIT (of IEL), VIEWER or UNKNOWN

    @property
    def email(self) -> str:
        return f"{self.role}{self.number}@ntnu.no"

    @property
    def grant(self) -> tuple[str, str, tuple[str, ...]] | None:
        roles = {UPLOADER: (OWNER, ()), UNIT: (UNIT, ("IEL",)), VIEWER: (VIEWER, ())}
        return (self.email, *roles[self.role]) if self.role in roles else None

    @property
    def own_names(self) -> set[str]:
        """The two people of this session's upload: a name no other data set has."""
        return {f"Anne Forhånd{self.number}", f"Bo Forhånd{self.number}"}


def mixed_sessions(count: int) -> list[Session]:
    return [Session(n, UPLOADER if n % 2 == 0 else OTHERS[(n // 2) % len(OTHERS)])
            for n in range(count)]


def upload_files(session: Session, folder: Path) -> list[str]:
    anne, bo = sorted(session.own_names)
    unit = f"P{session.number}"
    staff = csv_file("hr.csv", [STAFF_HEADER,
                                [1, anne, "", unit, f"Seksjon {unit}", "01.01.2020", "Ja", ""],
                                [2, bo, "", unit, f"Seksjon {unit}", "01.01.2020", "Ja", ""]])
    courses = csv_file("kurs.csv", [COURSE_HEADER,
                                    [1, "", "Saksbehandlerskolen", "Fullført", "01.02.2024"]])
    own = folder / f"session{session.number}"
    own.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in (staff, courses):
        (own / name).write_bytes(data)
        paths.append(str(own / name))
    return paths


def server_memory_mb(pid: int) -> float:
    """Resident memory of the server and the worker processes it started, in MB."""
    total, todo = 0, [pid]
    while todo:
        process = todo.pop()
        try:
            status = Path(f"/proc/{process}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines()
                          if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{process}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total / 1024


@dataclass
class LoadReport:
    sessions: int
    seconds: float = 0.0
    memory_before_mb: float = 0.0
    memory_open_mb: float = 0.0
    memory_after_mb: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def per_session_mb(self) -> float:
        return (self.memory_open_mb - self.memory_before_mb) / self.sessions


async def _visit(page, title: str) -> None:
    await page.locator(NAV_LINK, has_text=title).click(timeout=180_000)
    await page.wait_for_timeout(300)
    await page.wait_for_function(IDLE, timeout=300_000)


async def _until(condition, seconds: float = 180) -> None:
    """Wait until `condition()` holds (a busy server may send a page in several parts)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        await asyncio.sleep(0.5)


async def _run_one(browser, url: str, session: Session, folder: Path, everyone: set[str],
                   outside_iel: set[str], uploaded: set[str], all_open: asyncio.Barrier,
                   release: asyncio.Event, report: LoadReport) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(180_000)  # twenty sessions on two cores: pages come slowly
    received: list[bytes] = []
    page = await context.new_page()
    listen(page, received)
    try:
        await sign_in_async(page, url, session.email)
        if session.role == UPLOADER:
            await page.locator('[data-testid="stFileUploaderDropzoneInput"]').first \
                .set_input_files(upload_files(session, folder), timeout=180_000)
            await page.get_by_text("Viser opplastede filer").wait_for(timeout=300_000)
            await _visit(page, t("nav.gaps", NB))
            await _until(lambda: names_in(sent_text(received), session.own_names))
        elif session.role == UNIT:
            await _visit(page, t("nav.gaps", NB))
        sent = sent_text(received)
        not_mine = uploaded - session.own_names
        allowed_leaks = {UPLOADER: set(), UNIT: outside_iel, VIEWER: everyone,
                         UNKNOWN: everyone}[session.role]
        for what, found in (("another session's data", names_in(sent, not_mine)),
                            ("a name outside its scope", names_in(sent, allowed_leaks))):
            if found:
                report.problems.append(f"{session.email} was sent {what}: {found[:3]}")
        if session.role == UPLOADER and names_in(sent, session.own_names) == []:
            report.problems.append(f"{session.email} does not show its own upload")
        if session.role == UNKNOWN and "har ikke tilgang" not in sent:
            report.problems.append(f"{session.email} was not refused")
    except Exception as error:  # noqa: BLE001 - one session's failure is reported, not fatal
        report.problems.append(f"{session.email}: {type(error).__name__}: {error}"[:300])
    finally:
        await all_open.wait()  # the memory is read while every session is open
        await release.wait()
        await context.close()


async def _run(url: str, pid: int, sessions: list[Session], folder: Path, everyone: set[str],
               outside_iel: set[str]) -> LoadReport:
    from playwright.async_api import async_playwright

    report = LoadReport(len(sessions))
    uploaded = {name for s in sessions if s.role == UPLOADER for name in s.own_names}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        all_open = asyncio.Barrier(len(sessions) + 1)
        release = asyncio.Event()
        report.memory_before_mb = server_memory_mb(pid)
        started = time.perf_counter()
        runs = [asyncio.create_task(_run_one(browser, url, s, folder, everyone, outside_iel,
                                             uploaded, all_open, release, report))
                for s in sessions]
        await all_open.wait()
        report.seconds = time.perf_counter() - started
        report.memory_open_mb = server_memory_mb(pid)
        release.set()
        await asyncio.gather(*runs)
        await browser.close()
    # the server lets go of a closed session's state once its time is up (CLOSED_SESSION_SECONDS)
    await asyncio.sleep(CLOSED_SESSION_SECONDS + 10)
    report.memory_after_mb = server_memory_mb(pid)
    return report


def run_sessions(url: str, pid: int, sessions: list[Session], folder: Path,
                 everyone: set[str], outside_iel: set[str]) -> LoadReport:
    """Run in a thread of its own: the sync Playwright of other tests keeps an event loop
    running in the main thread, where asyncio cannot start another."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run,
                             _run(url, pid, sessions, folder, everyone, outside_iel)).result()
