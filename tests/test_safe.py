"""Formula injection: exported text that a spreadsheet would evaluate is neutralised."""

import math

import pandas as pd
import pytest

from exports.csv_export import to_safe_csv
from exports.safe import neutralise


@pytest.mark.parametrize("raw,expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+47 12345678", "'+47 12345678"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("Kari Nordmann", "Kari Nordmann"),
    ("a=b", "a=b"),
    ("", ""),
    (" =1", " =1"),
    ("\x01=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),  # the control would vanish
    ("\x00\x1f+1", "'+1"),
    ("\uff1dHYPERLINK(1)", "'\uff1dHYPERLINK(1)"),  # full-width equals sign
    ("\uff0b47", "'\uff0b47"),
    ("Kari\x0bNordmann", "KariNordmann"),
])
def test_text_that_starts_like_a_formula_gets_an_apostrophe(raw, expected):
    assert neutralise(raw) == expected


@pytest.mark.parametrize("value", [-5, 3.5, None, True])
def test_non_text_is_left_alone(value):
    assert neutralise(value) is value


def test_missing_text_stays_missing():
    assert math.isnan(neutralise(float("nan")))


def test_csv_download_neutralises_cells_and_headers():
    frame = pd.DataFrame({"Navn": ["=cmd|'/C calc'!A0", "Ola"], "=Antall": [-1, 2]})
    text = to_safe_csv(frame).decode("utf-8-sig")
    assert text.splitlines() == ["Navn;'=Antall", "'=cmd|'/C calc'!A0;-1", "Ola;2"]
