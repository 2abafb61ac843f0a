"""The access list and the audit log on both engines, and the first owner from the command
line."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from store.access import ACCESS_CHANGE, PUBLISH, RESTORE, SIGN_IN, AccessStore, Grant
from store.publications import PublicationStore

ROOT = Path(__file__).resolve().parent.parent


def test_the_list_says_each_address_its_role_and_nobody_else_has_one(database):
    store = AccessStore(database)
    store.grant("Kari@Uni.no ", "owner", by="oppsett")
    store.grant("per@uni.no", "unit", ("IEL", "IHK"), by="kari@uni.no")
    store.grant("dir@uni.no", "viewer", ("ignored",), by="kari@uni.no")
    assert store.grant_of("KARI@uni.no") == Grant("kari@uni.no", "owner", ())
    assert store.grant_of("per@uni.no") == Grant("per@uni.no", "unit", ("IEL", "IHK"))
    assert store.grant_of("dir@uni.no").units == ()
    assert store.grant_of("ukjent@uni.no") is None
    store.grant("per@uni.no", "viewer", by="kari@uni.no")
    store.revoke("dir@uni.no", by="kari@uni.no")
    assert store.grants() == [Grant("kari@uni.no", "owner", ()), Grant("per@uni.no", "viewer", ())]
    with pytest.raises(ValueError):
        store.grant("x@uni.no", "admin", by="kari@uni.no")
    with pytest.raises(ValueError):
        store.grant("x@uni.no", "unit", by="kari@uni.no")


def test_every_change_publish_and_restore_is_in_the_audit_log_in_order(database):
    access, publications = AccessStore(database), PublicationStore(database)
    access.grant("per@uni.no", "unit", ("IEL",), by="kari@uni.no")
    files = (("staff", "hr.csv", b"x"), ("courses", "kurs.csv", b"y"))
    first = publications.publish(files, (), by="kari@uni.no", source="app",
                                 as_of=dt.date(2026, 11, 1), digest="d")
    publications.restore(first, by="kari@uni.no")
    access.record("kari@uni.no", "sign_in")
    log = access.audit_log()
    assert log[["actor", "action", "detail", "units"]].values.tolist() == [
        ["kari@uni.no", ACCESS_CHANGE, "per@uni.no: unit", "IEL"],
        ["kari@uni.no", PUBLISH, "nr. 1", ""],
        ["kari@uni.no", RESTORE, "nr. 2 (nr. 1)", ""],
        ["kari@uni.no", "sign_in", "", ""]]


def test_the_first_owner_is_set_from_the_command_line(tmp_path):
    database = tmp_path / "store.db"
    done = subprocess.run([sys.executable, "report.py", "--db", str(database), "--grant",
                           "owner", "Kari@Uni.no"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert (done.returncode, done.stderr) == (0, "Kari@Uni.no har nå rollen owner.\n")
    assert AccessStore(database).grant_of("kari@uni.no").role == "owner"
    refused = subprocess.run([sys.executable, "report.py", "--db", str(database), "--grant",
                              "unit", "per@uni.no"], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("rollen unit krever --grant-units")


def test_a_sign_in_is_one_row_however_often_its_token_opens_a_session(database):
    store = AccessStore(database)
    issued = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    assert store.record_sign_in("Eier@Uni.no", "owner", (), issued)
    assert not store.record_sign_in("eier@uni.no", "owner", (), issued)  # a page reload
    assert store.record_sign_in("leder@uni.no", "unit", ("IEL",), issued)  # someone else
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    assert store.record_sign_in("eier@uni.no", "owner", (), later)  # signed in again
    assert store.record_sign_in("ukjent@uni.no", "denied", (), None)
    log = store.audit_log()
    assert list(zip(log["actor"], log["action"], log["detail"], log["units"], strict=True)) == [
        ("eier@uni.no", SIGN_IN, "owner", ""), ("leder@uni.no", SIGN_IN, "unit", "IEL"),
        ("eier@uni.no", SIGN_IN, "owner", ""), ("ukjent@uni.no", SIGN_IN, "denied", "")]


def test_an_access_list_file_gives_its_good_rows_and_reports_the_rest():
    from loaders.access_list import read_access_list
    from tests.helpers import xlsx_file
    from wording.validation import with_messages

    listed = xlsx_file("tilgang.xlsx", {"Ark1": [
        ["Tilgangsliste høsten 2026"],
        ["E-post", "Rolle", "Enheter"],
        ["Eier@Uni.no", "Prosesseier", ""],
        ["leder@uni.no", "Enhet", "IEL, IES"],
        ["ledelse@uni.no", "ledelse", "IEL"],  # units of a viewer are not kept
        [None, None, None],
        ["ikke-en-adresse", "Enhet", "IEL"],
        ["ny@uni.no", "Admin", ""],
        ["tom@uni.no", "Enhet", ""],
        ["feil@uni.no", "Enhet", "IEL, XYZ"],
    ]})
    rows = read_access_list(listed, {"IEL", "IES"})
    assert rows.grants == [("Eier@Uni.no", "owner", ()), ("leder@uni.no", "unit", ("IEL", "IES")),
                           ("ledelse@uni.no", "viewer", ())]
    report = with_messages(rows.issues)
    assert list(zip(report["row"], report["column"], report["message"], strict=True)) == [
        (7, "E-post", "«ikke-en-adresse» er ikke en e-postadresse; raden er ikke brukt."),
        (8, "Rolle", "«Admin» er ikke en rolle (Prosesseier, Enhet eller Ledelse); raden er ikke "
                     "brukt."),
        (9, "Enheter", "Rollen Enhet trenger minst én enhetskode; raden er ikke brukt."),
        (10, "Enheter", "Ukjente enhetskoder «XYZ» i dataene som vises; raden er ikke brukt."),
    ]
    assert set(report["file"]) == {"tilgang.xlsx"} and set(report["sheet"]) == {"Ark1"}


def test_a_file_without_the_columns_is_refused_with_one_message():
    from loaders import InputError
    from loaders.access_list import read_access_list
    from tests.helpers import csv_file
    from wording.validation import problem_text

    with pytest.raises(InputError) as refused:
        read_access_list(csv_file("liste.csv", [["Navn", "Avdeling"], ["Ola", "IEL"]]), set())
    assert problem_text(refused.value) == (
        "liste.csv: Finner ikke kolonnene for e-post og rolle (for eksempel «E-post», «Rolle», "
        "«Enheter»).")


def test_the_log_words_roles_and_refusals_in_the_page_language(tmp_path):
    from wording.access import audit_rows

    store = AccessStore(tmp_path / "log.db")
    store.record_sign_in("ukjent@uni.no", "denied", (), None)
    store.record_sign_in("leder@uni.no", "unit", ("IEL",), None)
    store.grant("dir@uni.no", "viewer", by="eier@uni.no")
    assert audit_rows(store.audit_log(), "nb")["Hva"].tolist() == [
        "dir@uni.no: Ledelse (samletall)", "Enhet", "ingen tilgang"]
    assert audit_rows(store.audit_log(), "en")["What"].tolist() == [
        "dir@uni.no: Management (aggregates)", "Unit", "no access"]
