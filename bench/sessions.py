"""`make bench`, sessions: 20 signed-in browser sessions at once against one server (half of
them owners uploading private previews of their own data; unit users of IEL, viewers and
unknown users in turn), each checked for another session's data and for names outside its
scope; the server's memory before, with every session open (per session) and after they
close. Printed; the same checks at a small size run in `make test`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import build_results  # noqa: E402
from loaders import load_dataset  # noqa: E402
from tests.browser.sessions import (  # noqa: E402
    CLOSED_SESSION_SECONDS,
    mixed_sessions,
    run_sessions,
)
from tests.browser.signin_server import signed_server  # noqa: E402
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS  # noqa: E402
from tests.test_signin import names_outside  # noqa: E402

SESSIONS = 20


def main() -> None:
    dataset = load_dataset(**SAMPLE_INPUTS)
    sample = dataset, build_results(dataset, None, SAMPLE_AS_OF)
    sessions = mixed_sessions(SESSIONS)
    folder = Path(tempfile.mkdtemp(prefix="sessions-"))
    roles = ", ".join(f"{sum(s.role == r for s in sessions)} {r}"
                      for r in dict.fromkeys(s.role for s in sessions))
    print(f"\n{SESSIONS} concurrent signed-in sessions ({roles}) on the sample, twice: a second "
          "wave that needs no more memory than the first leaves nothing per session behind")
    with signed_server(folder, [s.grant for s in sessions if s.grant],
                       session_seconds=CLOSED_SESSION_SECONDS) as url:
        for wave in (1, 2):
            report = run_sessions(url, url.pid, sessions, folder,
                                  set(dataset.staff["name"]) - {""},
                                  names_outside(sample, ["IEL"]))
            print(f"  wave {wave}: all signed in and done in {report.seconds:6.1f} s")
            print(f"    server memory before         {report.memory_before_mb:6.0f} MB")
            print(f"    with every session open      {report.memory_open_mb:6.0f} MB "
                  f"({report.per_session_mb:.1f} MB per session)")
            print(f"    {CLOSED_SESSION_SECONDS + 10} s after they closed       "
                  f"{report.memory_after_mb:6.0f} MB")
            print(f"    isolation and scope problems {len(report.problems):6d}")
            for problem in report.problems:
                print(f"      {problem}")


if __name__ == "__main__":
    main()
