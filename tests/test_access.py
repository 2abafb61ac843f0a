"""The access list and the audit log on both engines, and the first owner from the command
line."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from store.access import ACCESS_CHANGE, PUBLISH, RESTORE, AccessStore, Grant
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
