"""AppTest: the access list is edited in the app (given, replaced, removed), every change and
publication is in the audit log, which filters and downloads."""

import datetime as dt

from streamlit.testing.v1 import AppTest

from store.access import AccessStore
from store.publications import PublicationStore
from store.publish import files_digest
from tests.apptest import TIMEOUT
from tests.sample import SAMPLE_AS_OF
from tests.test_app_publish import data_set

ACCESS = "views/access.py"


def start() -> AppTest:
    app = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    app.switch_page(ACCESS).run()
    assert not app.exception
    return app


def table(app: AppTest, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def give(app: AppTest, email: str, role: str, units: list[str] = ()) -> AppTest:
    app.text_input(key="grant_email").input(email)
    app.selectbox(key="grant_role").select(role)
    app.multiselect(key="grant_units").set_value(list(units))
    app.button[0].click()  # the form's submit button
    return app.run()


def test_access_is_given_replaced_and_removed_in_the_app_and_logged():
    app = start()
    assert "Ingen står på tilgangslisten ennå." in [c.value for c in app.caption]
    give(app, "Per@Uni.no", "unit", ["IEL", "IHK"])
    assert not app.exception
    assert "per@uni.no har nå rollen Enhet." in [s.value for s in app.success]
    listed = table(app, "E-post")
    assert listed.values.tolist() == [["per@uni.no", "Enhet", "Institutt for elkraftteknikk, "
                                       "Institutt for historiske og klassiske studier"]]
    give(app, "dir@uni.no", "viewer")
    give(app, "kari@uni.no", "unit")  # no unit chosen: refused, nothing written
    assert "Rollen Enhet trenger minst én enhet." in [e.value for e in app.error]
    app.selectbox(key="revoke_choice").select("per@uni.no")
    app.button(key="revoke").click().run()
    assert "per@uni.no er fjernet fra tilgangslisten." in [s.value for s in app.success]
    assert [g.email for g in AccessStore().grants()] == ["dir@uni.no"]
    log = table(app, "Hendelse")
    assert log[["Hvem", "Hendelse", "Hva"]].values.tolist() == [
        ["ukjent (ingen innlogging)", "Tilgangsendring", "per@uni.no: –"],
        ["ukjent (ingen innlogging)", "Tilgangsendring", "dir@uni.no: Ledelse (samletall)"],
        ["ukjent (ingen innlogging)", "Tilgangsendring", "per@uni.no: Enhet"]]


def test_the_audit_log_filters_by_event_and_person_and_downloads():
    AccessStore().grant("per@uni.no", "viewer", by="kari@uni.no")
    files = data_set("A")
    PublicationStore().publish(files, (), by="import@uni.no", source="command line",
                               as_of=dt.date(2026, 11, 1), digest=files_digest(files))
    app = start()
    app.multiselect(key="audit_actions").set_value(["Publisering"]).run()
    assert table(app, "Hendelse")[["Hvem", "Hendelse", "Hva"]].values.tolist() == [
        ["import@uni.no", "Publisering", "nr. 1"]]
    app.multiselect(key="audit_actions").set_value([]).run()
    app.text_input(key="audit_actor").input("KARI").run()
    assert table(app, "Hendelse")["Hvem"].tolist() == ["kari@uni.no"]
    assert "1 av 2 hendelser vises." in [c.value for c in app.caption]
    download = app.get("download_button")[0]
    assert download.proto.label == "Last ned loggen (CSV)"


def test_an_access_list_is_loaded_from_a_file_and_its_bad_rows_named():
    from tests.helpers import csv_file

    name, data = csv_file("tilgang.csv", [["E-post", "Rolle", "Enheter"],
                                          ["leder@uni.no", "Enhet", "IEL"],
                                          ["ledelse@uni.no", "Ledelse", ""],
                                          ["leder2@uni.no", "Enhet", "FINNES_IKKE"]])
    app = start()
    app.file_uploader(key="access_file").set_value([(name, data, "text/csv")]).run()
    assert not app.exception
    assert "1 rad(er) kan ikke brukes:" in [w.value for w in app.warning]
    app.button(key="grant_file").click().run()
    assert "2 fra tilgang.csv står nå på tilgangslisten." in [s.value for s in app.success]
    assert [(g.email, g.role, g.units) for g in AccessStore().grants()] == [
        ("ledelse@uni.no", "viewer", ()), ("leder@uni.no", "unit", ("IEL",))]
