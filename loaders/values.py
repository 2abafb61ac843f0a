"""Normalising single cell values: text, ids, dates, yes/no flags, process names, statuses."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

# Python's white space (what str.split and \s mean), spelt out so that pyarrow's regular
# expressions (RE2, whose \s is ASCII only) collapse the very same characters
_WHITE_SPACE = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
_SPACES = re.compile(f"[{_WHITE_SPACE}]+")
# Invisible characters that make two texts look alike or break a renderer: zero-width ones, bidi
# controls, the byte-order mark and the noncharacters (U+FFFE and the like, which plotly's
# renderer refuses). Written as the characters themselves: the pattern runs in Python's re and
# in pyarrow's RE2, which spell escapes differently.
_INVISIBLE = "".join(map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F),
                               *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF,
                               *range(0xFDD0, 0xFDF0), 0xFFFE, 0xFFFF]))
# invisible control characters that are not white space: C0 (NUL, ESC, …), DEL and C1 but NEL,
# and the invisible ones above; removed from every cell's text (tab, line breaks and the
# separators \x1c-\x1f count as space)
CONTROL_CHARACTERS = r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f" + _INVISIBLE + "]"
_CONTROLS = re.compile(CONTROL_CHARACTERS)
QUOTE_LIMIT = 200  # characters of a cell's text quoted in a message
# day first always; Moodle writes "14/10/26, 09:15"
_DATE_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:,?[ T].*)?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_ISO_WITH_ZONE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}[ T][\d:.]+\s*(?:Z|[+-]\d{2}:?\d{2})$", re.I)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
OSLO = ZoneInfo("Europe/Oslo")


def map_codes(codes: np.ndarray, uniques: object,
              func: Callable[[object], object]) -> np.ndarray:
    """func applied to every cell of a factorised column, computed once per distinct value."""
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:] = [func(value) for value in uniques] + [func(None)]  # code -1: a blank cell
    return mapped[codes]


def texts_of(values: object, as_id: bool = False) -> list[str]:
    """cell_text (or id_text) of many distinct values; text values go through pyarrow at once."""
    values = list(values)
    is_text = [isinstance(v, str) for v in values]
    strings = pd.Series([v for v, text in zip(values, is_text, strict=True) if text],
                        dtype="str")
    strings = (strings.str.replace(CONTROL_CHARACTERS, "", regex=True)
               .str.replace(_SPACES.pattern, " ", regex=True).str.strip(" "))
    if as_id:
        strings = strings.str.replace(r"^([0-9]+)\.0+$", r"\1", regex=True)
    cleaned = iter(strings.tolist())
    # numbers are most of the rest (employee numbers read as floats): whole ones at once
    whole = iter(_whole_number_texts([v for v in values if type(v) is float]))
    convert = id_text if as_id else cell_text
    return [next(cleaned) if text else next(whole) if type(v) is float else convert(v)
            for v, text in zip(values, is_text, strict=True)]


def _whole_number_texts(numbers: list[float]) -> list[str]:
    """cell_text of many floats (which id_text leaves as they are): `12345.0` → `12345`."""
    array = np.array(numbers, dtype=float)
    whole = np.isfinite(array) & (np.trunc(array) == array) & (np.abs(array) < 2.0 ** 62)
    texts = np.empty(len(array), dtype=object)
    texts[whole] = array[whole].astype(np.int64).astype(str)
    texts[~whole] = [cell_text(number) for number in array[~whole].tolist()]
    return texts.tolist()


def is_blank(value: object) -> bool:
    """No value, NaN, or text of nothing but white space and invisible control characters."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return not text or (not text.isprintable() and not _CONTROLS.sub("", text).strip())


def control_marks(values: object) -> np.ndarray:
    """Which of these values are text holding invisible control characters (cell_text drops
    them), tested on all text values at once."""
    values = list(values)
    marks = np.zeros(len(values), dtype=bool)
    positions = [i for i, value in enumerate(values) if isinstance(value, str)]
    strings = [values[i] for i in positions]
    if strings and _CONTROLS.search("\x1f".join(strings)):  # one scan; \x1f is white space
        marks[positions] = pd.Series(strings, dtype="str").str.contains(
            CONTROL_CHARACTERS, regex=True).to_numpy(dtype=bool)
    return marks


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """A cell's text as a message quotes it: a very long value is cut, saying how long it was."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} tegn)"


def cell_text(value: object) -> str:
    """Text as the user means it: trimmed, inner white space collapsed, `12345.0` → `12345`."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nei"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if not text.isprintable():  # the common case, printable text, needs no scan for controls
        text = _CONTROLS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def id_text(value: object) -> str:
    """An id or code as text; a float-looking text id (`12345.0`) loses its `.0`."""
    text = cell_text(value)
    if re.fullmatch(r"[0-9]+\.0+", text):  # ASCII digits, as the vectorised texts_of has it
        return text.split(".")[0]
    return text


def parse_date(value: object) -> tuple[dt.date | None, bool]:
    """(date, ok): blank gives (None, True); an unreadable value gives (None, False)."""
    if is_blank(value):
        return None, True
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            try:
                value = value.astimezone(OSLO)
            except (OverflowError, ValueError):  # year 1 or 9999 moved out of the calendar
                return None, False
        return value.date(), True
    if isinstance(value, dt.date):
        return value, True
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel serial day numbers up to 9999-12-31
            return _EXCEL_EPOCH + dt.timedelta(days=int(value)), True
        return None, False
    text = cell_text(value)
    if re.fullmatch(r"\d+(\.0+)?", text):
        return parse_date(float(text))
    if _ISO_WITH_ZONE.match(text):
        # a UTC time late in the evening is already the next day in Oslo
        try:
            moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1).replace("z", "Z"))
            return moment.astimezone(OSLO).date(), True
        except (OverflowError, ValueError):  # 9999-12-31T23:30Z is already year 10000 in Oslo
            return None, False
    match = _DATE_ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _safe_date(year, month, day)
    match = _DATE_DMY.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:  # dd.mm.yy; a year written 0001 is the year 1
            year += 2000 if year < 70 else 1900
        return _safe_date(year, month, day)
    return None, False


def _safe_date(year: int, month: int, day: int) -> tuple[dt.date | None, bool]:
    try:
        return dt.date(year, month, day), True
    except ValueError:
        return None, False


# SANN/USANN: what Norwegian Excel writes for TRUE/FALSE when a formula's value is exported
_YES = {"ja", "j", "yes", "y", "true", "sant", "sann", "1", "x", "saksbehandler"}
_NO = {"nei", "n", "no", "false", "usant", "usann", "0", "-"}


def parse_flag(value: object) -> bool | None:
    """Ja/Nei-style flag; blank is no; None means the word is not understood."""
    text = cell_text(value).lower()
    if not text or text in _NO:
        return False
    if text in _YES:
        return True
    return None


STATUS_COMPLETED = "completed"
STATUS_NOT_COMPLETED = "not_completed"
STATUS_EXPIRED = "expired"  # completed once, and the portal says it has run out (Utløpt)

_COMPLETED = {
    "fullført", "fullfort", "gjennomført", "gjennomfort", "bestått", "bestatt", "godkjent",
    "completed", "complete", "passed", "pass", "done", "finished", "ferdig", "achieved",
    "yes", "ja", "y", "j", "x", "true", "sant", "sann", "1", "approved", "oppfylt", "met",
}
_EXPIRED = {"utløpt", "utlopt", "expired", "lapsed", "gått ut"}
_NOT_COMPLETED = {
    "påmeldt", "pameldt", "pågår", "pagar", "ikke startet", "ikke bestått", "ikke godkjent",
    "ikke fullført", "ikke gjennomført", "avbrutt", "strøket", "venteliste",
    "enrolled", "in progress", "not started", "failed", "not passed", "not completed",
    "incomplete", "registered", "withdrawn", "cancelled", "started", "startet",
    "no", "nei", "n", "false", "usant", "usann", "0", "-",
}
# words that make any status negative wherever they stand: "Completed (did not achieve pass
# grade)", "Complete (fail)", "Fullført - ikke bestått"
_NEGATIVE_WORDS = {"ikke", "not", "fail", "failed", "failing", "didn", "no", "nei",
                   "strøket", "underkjent", "avbrutt", "incomplete", "uncompleted"}


def parse_status(value: object) -> str | None:
    """completed, not_completed or expired from a portal's status word; None if unknown.

    Negative words win: a status naming both a completion and a failure is not completed."""
    text = cell_text(value).lower()
    if not text:
        return STATUS_NOT_COMPLETED
    words = re.sub(r"[^\wæøå ]+", " ", text).split()
    if _NEGATIVE_WORDS.intersection(words) or text in _NOT_COMPLETED:
        return STATUS_NOT_COMPLETED
    phrases = {" ".join(words[i:i + size]) for size in (1, 2, 3)
               for i in range(len(words))}
    if phrases & _EXPIRED:
        return STATUS_EXPIRED
    if phrases & _NOT_COMPLETED:
        return STATUS_NOT_COMPLETED
    if phrases & _COMPLETED:
        return STATUS_COMPLETED
    return None


def looks_like_flags(values: list[object]) -> bool:
    """A column whose filled cells are mostly yes/no words, not dates (decide by content)."""
    texts = [cell_text(v).lower() for v in values if not is_blank(v)]
    if not texts:
        return False
    flags = sum(text in _YES or text in _NO for text in texts)
    return flags >= 0.8 * len(texts)


_ANY_SPACE = re.compile(r"\s+")


def email_key(text: str) -> str:
    """An e-mail as matched: case and every space ignored (never the domain)."""
    return _ANY_SPACE.sub("", text).lower()


def email_text(value: object) -> str:
    """A cell's e-mail as matched (`email_key` of its text)."""
    return email_key(cell_text(value))


def id_key(text: str) -> str:
    """An employee id as matched: purely numeric ids ignore leading zeros (00012345 = 12345)."""
    if text.isdigit():
        return text.lstrip("0") or "0"
    return text


def is_in(values: pd.Series, wanted: object) -> np.ndarray:
    """values.isin(wanted) through a Python set: pyarrow's is_in is slow for large value sets."""
    chosen = set(wanted.tolist() if hasattr(wanted, "tolist") else wanted)
    return np.fromiter((value in chosen for value in values.tolist()), dtype=bool,
                       count=len(values))
