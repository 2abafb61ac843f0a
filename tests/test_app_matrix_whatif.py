"""AppTest: Kompetansematrise, Hva om and Om tallene on sample data, with known values."""

import string

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from i18n import EN, NB, TEXTS, resolve_lang, t
from tests.apptest import TIMEOUT, metrics, run_page
from tests.sample import SAMPLE_AS_OF

MATRIX = "views/matrix.py"
WHATIF = "views/whatif.py"
ABOUT = "views/about.py"




def texts(app: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("title", "markdown", "caption", "info")
                     for e in getattr(app, kind))


def matrix_row(app: AppTest, employee_id: str) -> dict:
    table = app.dataframe[0].value
    return table[table["employee_id"] == employee_id].iloc[0].to_dict()


@pytest.mark.parametrize("page", [MATRIX, WHATIF, ABOUT])
def test_page_runs_standalone_on_sample_data(page):
    assert not run_page(page).exception


def test_matrix_shows_a_known_persons_missing_and_expiring_courses():
    app = run_page(MATRIX)
    assert not app.exception
    assert metrics(app) == {"Personer": "1247", "✖ Mangler eller utløpt": "333",
                            "⚠ Utløper innen 60 dager": "23", "⏳ Nye, innenfor fristen": "20"}
    sigrid = matrix_row(app, "264720")  # advisor in IAT; gaps.json: advisor_missing_requirement K1
    assert (sigrid["name"], sigrid["K1"], sigrid["K2"], sigrid["K3"]) == (
        "Sigrid Martinsen", "✖", "✔ 20.05.2025 → 20.05.2028",
        "✔ 20.12.2021")
    mei = matrix_row(app, "295864")  # IPH: K1 missing, K2 valid until 14.11.2026, K7 not assessed
    assert (mei["K1"], mei["K2"], mei["K4"], mei["K7"]) == (
        "✖", "⚠ 14.11.2026 → 14.11.2026", "✔ 22.07.2024", "✖")
    new = matrix_row(app, "452280")  # UB case handler who started 26.09.2026
    assert (new["K1"], new["K3"]) == ("–", "⏳ 25.12.2026")


def test_matrix_filters_follow_the_url_and_the_expiry_window():
    app = run_page(MATRIX, enhet="IPH")
    assert metrics(app)["Personer"] == "6"
    assert metrics(app)["✖ Mangler eller utløpt"] == "2"  # Mei Berg's K1 and K7
    app.number_input(key="matrix_days").set_value(10).run()
    assert metrics(app)["⚠ Utløper innen 10 dager"] == "0"  # 14.11 is 13 days away
    assert matrix_row(app, "295864")["K2"] == "✔ 14.11.2023 → 14.11.2026"
    app.selectbox(key="matrix_role").select("advisors").run()
    assert app.query_params["rolle"] == "advisors"
    assert metrics(app)["Personer"] == "2"
    assert sorted(app.dataframe[0].value["name"]) == ["Mei Berg", "Åse Johansen"]


def test_matrix_download_is_the_filtered_matrix_as_csv(monkeypatch):
    saved = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        saved[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    app = run_page(MATRIX, enhet="IPH")
    assert not app.exception
    lines = saved["kompetansematrise.csv"].decode("utf-8-sig").splitlines()
    assert lines[0] == ("Fakultet;Enhetskode;Enhet;Navn;Ansattnr;Rådgiver;Saksbehandler;"
                        "Rådgiver for;K1;K2;K3;K4;K5;K6;K7;K8")
    assert lines[1] == ("MH;IPH;Institutt for psykisk helse;Mei Berg;295864;ja;ja;innsyn, SRU;"
                        "✖;⚠ 14.11.2026 → 14.11.2026;✔ 04.06.2022;✔ 22.07.2024;✔ 15.06.2025;"
                        "✔ 31.05.2024;✖;✔ 24.03.2024")
    assert len(lines) == 7


def test_whatif_completing_a_course_makes_a_known_unit_compliant():
    app = run_page(WHATIF, enhet="IAT")
    assert not app.exception
    assert "Velg en oppnevning eller et kurs" in texts(app)
    # 264720 lacks the course K1 and the assessment K8
    app.multiselect(key="whatif_IAT_complete_K1").select("264720").run()
    assert metrics(app)["Enheten oppfyller kravene"] == "Nei → Nei"
    app.multiselect(key="whatif_IAT_complete_K8").select("264720").run()
    assert not app.exception
    shown = metrics(app)
    assert shown["Enheten oppfyller kravene"] == "Nei → Ja"
    assert shown["Enheter som oppfyller kravene (hele organisasjonen)"] == "25 → 26"
    table = app.dataframe[0].value.set_index("figure")
    assert list(table.loc["Rådgiver mangler krav"]) == [2, 0, 40, 38]
    # 575482 left IAT the day before the as-of date
    assert list(table.loc["Saksbehandler mangler krav"]) == [2, 2, 287, 287]


def test_whatif_offers_no_select_all_and_no_english_placeholder():
    """Streamlit's "Select all" would appoint a unit's 30 staff in one click, in English."""
    app = run_page(WHATIF, enhet="IAT")
    boxes = app.multiselect
    # one per process to appoint, one per process with advisors to relieve, one per requirement
    assert [box.key.split("_", 2)[2] for box in boxes] == [
        "appoint_saksbehandling", "relieve_saksbehandling", "appoint_innsyn", "relieve_innsyn",
        "appoint_SRU", "relieve_SRU",
        *(f"complete_K{n}" for n in range(1, 9))]
    assert {box.proto.select_all for box in boxes} == {0}  # 0: never shown
    assert {box.placeholder for box in boxes} == {"Velg personer"}


def test_whatif_appointing_and_training_a_second_advisor():
    app = run_page(WHATIF, enhet="IEL")
    appoint = app.multiselect(key="whatif_IEL_appoint_innsyn")
    lacking = "mangler K1, K4, K5, K6, K7, K8"
    assert appoint.options[:3] == [f"Anders Strand (255767) – {lacking}",
                                   f"Halvor Lie (832154) – {lacking}",
                                   f"Steinar Johannessen (748279) – {lacking}"]
    appoint.select("255767").run()
    assert metrics(app)["Enheten oppfyller kravene"] == "Nei → Nei"  # he still lacks K1, K4-K8
    for requirement in ("K1", "K4", "K5", "K6", "K7"):
        app.multiselect(key=f"whatif_IEL_complete_{requirement}").select("255767").run()
    assert metrics(app)["Enheten oppfyller kravene"] == "Nei → Nei"  # the assessment K8 left
    app.multiselect(key="whatif_IEL_complete_K8").select("255767").run()
    assert not app.exception
    assert metrics(app)["Enheten oppfyller kravene"] == "Nei → Ja"
    assert metrics(app)["Enheter som oppfyller kravene (hele organisasjonen)"] == "25 → 26"


def test_about_shows_the_rules_in_force():
    app = run_page(ABOUT)
    assert not app.exception
    shown = texts(app)
    assert "01.11.2026" in shown
    assert "(standard 90 dager)" in shown
    assert "minst 2 ulike prosessrådgivere" in shown
    assert "oppfylt kravene for rådgivere: K1, K2, K3, K4, K5, K6, K7, K8." in shown
    assert "innen 60 dager" in shown and "færre enn 5 personer" in shown
    requirements = app.dataframe[1].value
    assert list(requirements["Krav"]) == ["K1", "K2", "K3", "K3", "K4", "K5", "K6", "K7", "K8"]
    assert list(requirements["Gyldighet"]) == ["utløper ikke", "36 måneder", "utløper ikke",
                                               "utløper ikke", *["utløper ikke"] * 4,
                                               "36 måneder"]
    assert list(requirements["Frist for nye"]) == ["–", "–", "–", "90 dager", *["–"] * 5]
    assert list(requirements["Oppfylles ved"])[3:5] == ["NTNU-SBS · Saksbehandlerskolen",
                                                        "vurdering (vurderingsfilen)"]
    files = app.dataframe[0].value
    assert list(files["Rader"]) == [3252, 9257, 136, 9, 77, 702]


@pytest.mark.parametrize("page,title", [(MATRIX, "Competency matrix"), (WHATIF, "What if?"),
                                        (ABOUT, "About the numbers")])
def test_english_from_the_url(page, title):
    app = run_page(page, lang="en")
    assert not app.exception
    assert app.title[0].value == title


def test_session_language_wins_over_the_url():
    app = AppTest.from_file(f"../{ABOUT}", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.session_state["lang"] = "nb"
    app.query_params["lang"] = "en"
    app.run()
    assert app.title[0].value == "Om tallene"


def test_resolve_lang():
    assert resolve_lang(None, "en") == EN
    assert resolve_lang("nb", "en") == NB
    assert resolve_lang("de", None) == NB
    assert t("days", EN, days=90) == "90 days"


def test_every_text_has_both_languages_with_the_same_placeholders():
    def fields(text):
        return {field for _, field, _, _ in string.Formatter().parse(text) if field}

    assert [key for key, (nb, en) in TEXTS.items()
            if not nb or not en or fields(nb) != fields(en)] == []


def test_validation_report_filters_speak_the_page_language():
    app = run_page("views/data.py")
    assert not app.exception
    files = app.multiselect(key="issue_files")
    assert (files.placeholder, files.proto.select_all) == ("Alle filer", 0)
    assert app.multiselect(key="issue_severity").proto.select_all == 0
