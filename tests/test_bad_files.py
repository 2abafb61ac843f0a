"""Files that cannot be used: one exact Norwegian message each, and nothing changes."""

import pytest

from loaders import InputError, load_dataset
from tests.bad_files import (
    BAD_FILES,
    bad_file,
    error_line,
    run_report,
    upload_keeps_the_data_shown_before,
)
from tests.helpers import COURSE_HEADER, csv_file
from tests.sample import SAMPLE_INPUTS


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_loader_gives_the_exact_message(case):
    name, data, message = bad_file(case)
    with pytest.raises(InputError) as raised:
        load_dataset(staff=(name, data), courses=csv_file("k.csv", [COURSE_HEADER]))
    assert str(raised.value) == message


@pytest.mark.parametrize("case", ["empty", "encrypted", "zip_bomb", "pdf_named_xlsx", "no_header"])
def test_command_line_exits_2_with_one_line(case, tmp_path):
    name, data, message = bad_file(case)
    done = run_report(tmp_path, {"staff": (name, data), "courses": SAMPLE_INPUTS["courses"]},
                      "--json", "-", timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == error_line(tmp_path, message)


def test_missing_path_exits_2(tmp_path):
    done = run_report(tmp_path, {"staff": tmp_path / "nei.xlsx", "courses": tmp_path / "nei.csv"},
                      timeout=120)
    assert (done.returncode, done.stderr) == (
        2, error_line(tmp_path, "nei.xlsx: filen finnes ikke."))


@pytest.mark.parametrize("case", ["corrupt", "encrypted", "xml_bomb", "png_named_csv"])
def test_bad_upload_keeps_the_data_shown_before(case):
    upload_keeps_the_data_shown_before(*bad_file(case))
