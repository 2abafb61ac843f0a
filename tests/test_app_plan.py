"""AppTest of Tiltaksplan: the sample's plan with known figures, the owner's options, the plan
opened in What-if with every action chosen and edited there, and a unit user's part only."""

from streamlit.testing.v1 import AppTest

from tests.apptest import TIMEOUT, metrics, run_page
from tests.helpers import names_in
from tests.sample import SAMPLE_AS_OF
from tests.test_signin import IEL_EMAIL, grant, names_outside, sample, shown_text, signed_in  # noqa: F401

PLAN = "views/plan.py"
ORG = "Enheter som oppfyller kravene (hele organisasjonen)"


def test_the_sample_plan_has_the_known_size_and_makes_every_unit_compliant():
    app = run_page(PLAN)
    assert not app.exception
    assert metrics(app) == {"Tiltak i alt": "440", "Oppnevninger": "31", "Fritak": "2",
                            "Påmeldinger": "407",
                            "Oppfyller kravene": "25 → 65 av 65"}
    assert "287 av påmeldingene er saksbehandleres, med frist." in [c.value for c in app.caption]
    cost, tasks = app.dataframe[0].value, app.dataframe[1].value
    assert cost["actions"].sum() == 440 and len(tasks) == 440
    assert cost["actions"].iloc[0] == cost["actions"].max() == 24  # the costliest unit first
    assert not app.warning  # every unit of the sample can comply


def test_the_owners_options_change_the_plan_as_asked():
    app = run_page(PLAN)
    app.multiselect(key="plan_left_out").select("UB").run()
    assert metrics(app)["Tiltak i alt"] == "417"  # UB's 23 actions are gone
    assert metrics(app)["Oppfyller kravene"] == "25 → 64 av 65"
    assert "UB" not in set(app.dataframe[1].value["unit_id"])
    app.multiselect(key="plan_locked").select("145130").run()  # UB's people are out anyway
    assert metrics(app)["Tiltak i alt"] == "417"
    app.multiselect(key="plan_left_out").unselect("UB").run()
    tasks = app.dataframe[1].value
    assert "145130" not in set(tasks["employee_id"])  # locked: proposed nowhere
    assert metrics(app)["Oppfyller kravene"] == "25 → 65 av 65"
    sizes = set()
    for preference in ("none", "appointments", "enrolments"):
        app.radio(key="plan_prefer").set_value(preference).run()
        assert not app.exception
        sizes.add(metrics(app)["Tiltak i alt"])
    assert len(sizes) == 1  # a preference breaks ties; it never makes the plan longer


def test_the_plan_opens_in_whatif_with_every_action_chosen_and_can_be_edited():
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run().switch_page(PLAN).run()
    first_unit = app.dataframe[1].value["unit_id"].iloc[0]
    units_with_actions = len(app.dataframe[0].value)
    app.button[0].click().run()  # Åpne planen i Hva om: this run draws What-if
    assert not app.exception
    app.switch_page("views/whatif.py")  # AppTest's next runs would run the plan's page again
    assert app.selectbox(key="whatif_unit").value == first_unit == "UB"
    shown = metrics(app)
    assert shown["Enheten oppfyller kravene"] == "Nei → Ja"
    assert shown[ORG] == "25 → 65"
    assert (f"Valgene gjelder også {units_with_actions - 1} andre enheter"
            in " ".join(i.value for i in app.info))
    appointed = app.multiselect(key="whatif_UB_appoint_innsyn")
    assert appointed.value  # the plan's appointment is chosen
    appointed.unselect(appointed.value[0]).run()
    assert not app.exception, app.exception
    assert metrics(app)[ORG] == "25 → 64"  # one action undone: UB falls short again
    app.selectbox(key="whatif_unit").set_value("IEL").run()
    assert metrics(app)[ORG] == "25 → 64"  # the other units' choices are kept
    app.selectbox(key="whatif_unit").set_value("UB").run()
    assert metrics(app)[ORG] == "25 → 64"  # and UB's edit too
    next(b for b in app.button if b.label == "Fjern alle valg").click().run()
    assert not app.metric and "Velg en oppnevning" in " ".join(i.value for i in app.info)


def test_a_unit_user_sees_the_plan_of_their_units_only(sample):  # noqa: F811 - fixture
    grant(IEL_EMAIL, "unit", ("IEL",))
    app = signed_in(IEL_EMAIL)
    app.switch_page(PLAN).run()
    assert not app.exception
    assert set(app.dataframe[1].value["unit_id"]) == {"IEL"}
    assert metrics(app)["Oppfyller kravene"] == "0 → 1 av 1"
    text = shown_text(app)
    assert names_in(text, names_outside(sample, ["IEL"])) == []
    assert names_in(text, set(sample[0].staff["name"]) - names_outside(sample, ["IEL"]))
