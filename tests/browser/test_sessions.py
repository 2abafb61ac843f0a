"""Eight signed-in browser sessions at once (owners with private previews, a unit user of IEL,
a viewer, an unknown user): none is sent another's data or a name outside its scope. The
full size, 20 sessions, with its memory figures, is in `make bench`."""

import pytest

from tests.browser.sessions import CLOSED_SESSION_SECONDS, UPLOADER, mixed_sessions, run_sessions
from tests.browser.signin_server import signed_server
from tests.test_signin import names_outside, sample  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.browser
SESSIONS = 8


def test_concurrent_sessions_never_see_each_others_data_or_names_outside_their_scope(
        tmp_path, sample):  # noqa: F811 - pytest fixture
    sessions = mixed_sessions(SESSIONS)
    assert {s.role for s in sessions} == {UPLOADER, "unit", "viewer", "unknown"}
    grants = [s.grant for s in sessions if s.grant]
    with signed_server(tmp_path, grants, session_seconds=CLOSED_SESSION_SECONDS) as url:
        report = run_sessions(url, url.pid, sessions, tmp_path,
                              set(sample[0].staff["name"]) - {""},
                              names_outside(sample, ["IEL"]))
    assert report.problems == []
    assert report.memory_open_mb > report.memory_before_mb > 0
