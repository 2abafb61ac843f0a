"""Files that cannot be used: one exact Norwegian message each, and nothing changes."""

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from loaders import InputError, load_dataset
from tests.bad_files import BAD_FILES, bad_file
from tests.helpers import COURSE_HEADER, csv_file
from tests.sample import ROOT, SAMPLE_AS_OF, SAMPLE_INPUTS


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_loader_gives_the_exact_message(case):
    name, data, message = bad_file(case)
    with pytest.raises(InputError) as raised:
        load_dataset(staff=(name, data), courses=csv_file("k.csv", [COURSE_HEADER]))
    assert str(raised.value) == message


@pytest.mark.parametrize("case", ["empty", "encrypted", "zip_bomb", "pdf_named_xlsx", "no_header"])
def test_command_line_exits_2_with_one_line(case, tmp_path):
    name, data, message = bad_file(case)
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "report.py", "--staff", str(path), "--courses",
         str(SAMPLE_INPUTS["courses"]), "--json", "-"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == f"Feil: {tmp_path}/{message}\n"


def test_missing_path_exits_2(tmp_path):
    done = subprocess.run([sys.executable, "report.py", "--staff", str(tmp_path / "nei.xlsx"),
                           "--courses", str(tmp_path / "nei.csv")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr) == (2, f"Feil: {tmp_path}/nei.xlsx: filen finnes ikke.\n")


@pytest.mark.parametrize("case", ["corrupt", "encrypted", "xml_bomb", "png_named_csv"])
def test_bad_upload_keeps_the_data_shown_before(case):
    name, data, message = bad_file(case)
    app = AppTest.from_file("../dashboard.py", default_timeout=120)
    app.session_state["as_of"] = SAMPLE_AS_OF
    app.run()
    before = [m.value for m in app.metric]
    courses = csv_file("kurs.csv", [COURSE_HEADER])
    app.sidebar.file_uploader[0].set_value([(name, data, "application/octet-stream"),
                                            (courses[0], courses[1], "text/csv")])
    app.run()
    assert not app.exception
    assert [m.value for m in app.metric] == before
    assert message in [e.value for e in app.sidebar.error]
