"""AppTest: meeting mode shows the known aggregates, suppresses small groups, names nobody."""

import datetime as dt
import html
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from analysis import build_results
from loaders import load_dataset
from store import SnapshotStore
from store.snapshots import SAMPLE
from tests.sample import SAMPLE_AS_OF, SAMPLE_INPUTS

TIMEOUT = 120
PAGE = "views/meeting.py"


@pytest.fixture(scope="module", autouse=True)
def sample_cached():
    """Compute the sample once through the router first, as test_app.py does in a full run.

    The loaders' worker imports the main module, and AppTest makes a page script main: a page
    run first (this file alone) would start the worker from inside itself and break its pipe.
    Through dashboard.py the results are cached, and the pages below read the cache."""
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()


@pytest.fixture(autouse=True)
def no_snapshots(monkeypatch, tmp_path):
    """Each test reads its own snapshot database, never the working tree's."""
    monkeypatch.setenv("DATABASE_URL", str(tmp_path / "snapshots.db"))


def start(**query) -> AppTest:
    app = AppTest.from_file(f"../{PAGE}", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


def metrics(app: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.proto.delta) for m in app.metric}


def _strings(node) -> list[str]:
    """Every text in a plotly figure's JSON, as shown (entities decoded)."""
    if isinstance(node, str):
        return [html.unescape(node)]
    if isinstance(node, dict):
        return [s for key, value in node.items() if key != "bdata" for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def charts(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def gap_rows(app: AppTest) -> list[list[str]]:
    table = next(c["data"][0] for c in charts(app) if c["data"][0]["type"] == "table")
    return [[html.unescape(v) for v in row] for row in zip(*table["cells"]["values"],
                                                            strict=True)]


def everything_shown(app: AppTest) -> str:
    """All text a user can see: elements, widget labels and options, and chart texts."""
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "info",
                                  "warning", "error") for e in getattr(app, kind)]
    parts += [f"{m.label} {m.value} {m.proto.delta}" for m in app.metric]
    parts += [o for box in app.selectbox for o in box.options]
    parts += [s for chart in charts(app) for s in _strings(chart)]
    parts += [b.proto.label for b in app.get("download_button")]
    return "\n".join(str(p) for p in parts)


@pytest.fixture(scope="module")
def staff():
    dataset = load_dataset(**SAMPLE_INPUTS)
    return set(dataset.staff["name"]) - {""}, set(dataset.staff["employee_id"])


def test_meeting_mode_shows_the_organisation_figures():
    app = start()
    assert not app.exception
    assert metrics(app) == {
        "Enheter vurdert": ("65", ""),
        "Enheter som oppfyller kravene": ("25 av 65", "38%"),
        "Prosessrådgivere": ("141", ""),
        "Rådgivere med all opplæring": ("114 av 141", "81%"),
        "Saksbehandlere med opplæring": ("912 av 1199", "76%"),
    }
    rollup = charts(app)[0]["data"][0]
    rows = rollup["y"]
    assert len(rows) == 11  # one row per faculty, not 65 units: fits a projector
    assert rollup["text"][rows.index("Fakultet for økonomi")] == [
        "4 av 4", "4 av 4", "4 av 4", "3 av 4", "2 av 4"]
    assert gap_rows(app)[-1] == ["Alle 65 enheter", "27 i alt", "141", "27", "287 av 1199"]
    assert len(app.get("download_button")) == 3


def test_meeting_mode_names_no_person(staff):
    names, ids = staff
    for app in (start(), start(fakultet="MH")):
        app.segmented_control(key="meeting_view").set_value("Opplæring").run()
        assert not app.exception
        shown = everything_shown(app)
        assert "Kavliinstitutt for nevrovitenskap" in shown
        assert not [name for name in names if name in shown]
        assert not set(re.findall(r"\b\d{5,}\b", shown)) & ids


def test_a_faculty_in_the_url_shows_its_units_with_small_groups_suppressed():
    app = start(fakultet="MH")
    assert not app.exception
    assert app.selectbox(key="meeting_faculty").value == "MH"
    assert metrics(app)["Saksbehandlere med opplæring"] == ("69 av 98", "70%")
    rows = {row[0]: row for row in gap_rows(app)}
    assert rows["Kavliinstitutt for nevrovitenskap"][1:] == ["Saksbehandling, SRU", "1", "0",
                                                             "<5"]
    assert rows["Alle 8 enheter"][1:] == ["7 i alt", "14", "<5", "29 av 98"]
    heatmap = charts(app)[0]["data"][0]
    assert len(heatmap["y"]) == 8
    app.segmented_control(key="meeting_view").set_value("Opplæring").run()
    training = charts(app)[0]["data"][1]
    kavli = training["y"].index("Kavliinstitutt<br>for nevrovitenskap")
    # one advisor (K1-K8), 3 case handlers (K3)
    assert training["text"][kavli] == ["<5"] * 9


def test_choosing_a_faculty_updates_the_url():
    app = start()
    app.selectbox(key="meeting_faculty").select("IE").run()
    assert not app.exception
    assert app.query_params["fakultet"] == "IE"
    assert metrics(app)["Enheter vurdert"] == ("7", "")
    app.selectbox(key="meeting_faculty").select("Alle").run()
    assert "fakultet" not in app.query_params


def test_change_since_the_previous_snapshot_is_shown(monkeypatch, tmp_path):
    database = tmp_path / "snapshots.db"
    monkeypatch.setenv("DATABASE_URL", str(database))
    dataset = load_dataset(**SAMPLE_INPUTS)
    SnapshotStore(database).save(build_results(dataset, as_of=dt.date(2026, 9, 1)), series=SAMPLE)
    app = start()
    assert not app.exception
    assert ("Siden øyeblikksbildet 01.09.2026: fra 14 til 25 enheter som oppfyller kravene "
            "(12 har kommet til, 1 har falt fra).") in [c.value for c in app.caption]


def test_no_change_line_without_an_earlier_snapshot():
    app = start()
    assert not [c.value for c in app.caption if c.value.startswith("Siden")]
