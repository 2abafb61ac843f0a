"""One call from the user's files to the canonical frames: `load_dataset(...) -> Dataset`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.errors import InputError
from loaders.issues import ERROR, WARNING, IssueLog
from loaders.normalise import (
    ROW,
    TableReader,
    normalise_advisors,
    normalise_courses,
    normalise_requirements,
    normalise_staff,
    normalise_units,
)
from loaders.read import RawSheet, read_sheets
from loaders.schema import (
    ADVISORS,
    APPOINTED_DATE,
    COURSE_RECORDS,
    EMAIL,
    EMPLOYEE_ID,
    NAME,
    PARENT_ID,
    PROCESS,
    REQUIREMENTS,
    SOURCE,
    STAFF,
    UNIT_ID,
    UNIT_NAME,
    UNITS,
)
from loaders.table import MappedTable, locate_table

Source = str | Path | tuple[str, bytes] | list[RawSheet]  # a list: sheets already read
ADVISOR_COLUMNS = [EMPLOYEE_ID, UNIT_ID, PROCESS, APPOINTED_DATE, SOURCE]
UNIT_COLUMNS = [UNIT_ID, UNIT_NAME, PARENT_ID, "has_children", "evaluated"]


@dataclass(frozen=True)
class TableInfo:
    """What was read from one file: for the Data page's 'what was read' report."""

    kind: str
    file: str
    sheet: str
    header_row: int
    mapping: dict[str, str | None]
    rows: int


@dataclass(frozen=True)
class Dataset:
    """The canonical frames every result is computed from."""

    staff: pd.DataFrame
    units: pd.DataFrame
    advisors: pd.DataFrame
    courses: pd.DataFrame
    requirements: pd.DataFrame | None
    issues: pd.DataFrame
    tables: list[TableInfo] = field(default_factory=list)


def _locate(source: Source, kind: str, log: IssueLog,
            manual: dict[str, str] | None) -> tuple[TableReader, TableInfo]:
    sheets = source if isinstance(source, list) else read_sheets(source)
    table: MappedTable = locate_table(sheets, kind, manual)
    reader = TableReader(table, log)
    info = TableInfo(kind, table.file, table.sheet, table.header_row, table.mapping,
                     len(reader.frame))
    return reader, info


def load_dataset(
    staff: Source,
    courses: Source,
    advisors: Source | None = None,
    requirements: Source | None = None,
    units: Source | None = None,
    manual_mappings: dict[str, dict[str, str]] | None = None,
) -> Dataset:
    """Read, validate and join the inputs; raises InputError for a file that cannot be used."""
    manual = manual_mappings or {}
    log = IssueLog()
    sources = {STAFF: staff, COURSE_RECORDS: courses, ADVISORS: advisors,
               REQUIREMENTS: requirements, UNITS: units}
    readers: dict[str, TableReader] = {}
    tables: list[TableInfo] = []
    for kind, source in sources.items():
        if source is not None:
            readers[kind], info = _locate(source, kind, log, manual.get(kind))
            tables.append(info)

    staff_rows, role_rows = normalise_staff(readers[STAFF])
    if staff_rows.empty:
        raise InputError(readers[STAFF].table.file,
                         "ansattlisten har ingen brukbare rader (hver rad trenger en person og "
                         "en enhet).")
    unit_rows = normalise_units(readers[UNITS]) if UNITS in readers else None
    registry = UnitRegistry(unit_rows, readers.get(UNITS))
    placed = registry.place_staff(staff_rows, readers[STAFF])
    staff_frame = _deduplicate_staff(placed, readers[STAFF])
    people = PersonIndex(staff_frame)

    advisor_rows = [_advisors_from_roles(role_rows, placed)]
    if ADVISORS in readers:
        listed = normalise_advisors(readers[ADVISORS])
        advisor_rows.append(_advisors_from_list(listed, people, registry, readers[ADVISORS]))
    advisors_frame = (pd.concat(advisor_rows, ignore_index=True)
                      .drop_duplicates([UNIT_ID, EMPLOYEE_ID, PROCESS])
                      .reset_index(drop=True))

    course_rows = normalise_courses(readers[COURSE_RECORDS])
    course_frame = _resolve_course_people(course_rows, people, readers[COURSE_RECORDS])
    requirement_frame = (normalise_requirements(readers[REQUIREMENTS])
                         if REQUIREMENTS in readers else None)
    units_frame = registry.units_frame(staff_frame)
    for unit in sorted(set(advisors_frame[UNIT_ID]) - set(units_frame[UNIT_ID])):
        log.add(readers.get(ADVISORS, readers[STAFF]).table.file, "", None, UNIT_ID, WARNING,
                f"Enheten «{unit}» finnes ikke i ansattlisten eller enhetslisten; "
                "rådgivere der telles ikke.")
    return Dataset(staff_frame.drop(columns=[ROW]), units_frame, advisors_frame,
                   course_frame.drop(columns=[ROW]),
                   None if requirement_frame is None else requirement_frame.drop(columns=[ROW]),
                   log.frame(), tables)


def _key(text: str) -> str:
    return text.casefold()


class UnitRegistry:
    """Unit codes, names and parents from the units file and the staff file."""

    def __init__(self, unit_rows: pd.DataFrame | None, reader: TableReader | None):
        self.from_file = unit_rows is not None
        self.names: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.code_by_name: dict[str, str] = {}
        if unit_rows is None:
            return
        duplicated = unit_rows[UNIT_ID].duplicated()
        for row in unit_rows.loc[duplicated, ROW]:
            reader.issue(int(row), UNIT_ID, WARNING, "Enhetskoden står flere ganger; første rad "
                         "gjelder.")
        for unit in unit_rows[~duplicated].itertuples(index=False):
            unit_id, name, parent = getattr(unit, UNIT_ID), getattr(unit, UNIT_NAME), \
                getattr(unit, PARENT_ID)
            self.names[unit_id] = name
            self.code_by_name.setdefault(_key(name), unit_id)
            if parent:
                self.parents[unit_id] = parent

    def resolve(self, text: str) -> str:
        """A unit code or name as written → the unit's id."""
        if text in self.names:
            return text
        return self.code_by_name.get(_key(text), text)

    def place_staff(self, staff: pd.DataFrame, reader: TableReader) -> pd.DataFrame:
        """Give every staff row a unit id (the code, else the name) and a parent id."""
        unit_ids = staff[UNIT_ID].where(staff[UNIT_ID].ne(""), staff[UNIT_NAME]).map(self.resolve)
        names = staff[UNIT_NAME].where(staff[UNIT_NAME].ne(""), unit_ids)
        names = pd.Series([self.names.get(u, n) for u, n in zip(unit_ids.tolist(), names.tolist(),
                                                                strict=True)],
                          index=staff.index, dtype="str")
        staff_name_ids = dict(zip(names.map(_key).tolist(), unit_ids.tolist(), strict=True))
        parents = staff[PARENT_ID].map(
            lambda text: "" if not text else self.resolve(staff_name_ids.get(_key(text), text)))
        if self.from_file:
            parents = pd.Series(
                [self.parents.get(u, p)
                 for u, p in zip(unit_ids.tolist(), parents.tolist(), strict=True)],
                index=staff.index, dtype="str")
            unknown = ~unit_ids.isin(set(self.names))
            for unit in unit_ids[unknown].unique():
                first_row = staff.loc[unknown & unit_ids.eq(unit), ROW].iloc[0]
                reader.issue(int(first_row), UNIT_ID, WARNING,
                             f"Enheten «{unit}» finnes ikke i enhetslisten; den vurderes likevel.")
        for unit_id, name in zip(unit_ids.tolist(), names.tolist(), strict=True):
            self.names.setdefault(unit_id, name)
        for unit_id, parent in zip(unit_ids.tolist(), parents.tolist(), strict=True):
            if parent and parent != unit_id:
                self.parents.setdefault(unit_id, parent)
        return staff.assign(**{UNIT_ID: unit_ids, UNIT_NAME: names, PARENT_ID: parents})

    def units_frame(self, staff: pd.DataFrame) -> pd.DataFrame:
        """Every known unit, with whether it groups others and whether the rules judge it."""
        ids = list(dict.fromkeys([*self.names, *self.parents.values()]))
        parent_ids = set(self.parents.values())
        with_staff = set(staff[UNIT_ID])
        file_leaves = {u for u in self.names if u not in parent_ids} if self.from_file else set()
        frame = pd.DataFrame({
            UNIT_ID: ids,
            UNIT_NAME: [self.names.get(u, u) for u in ids],
            PARENT_ID: [self.parents.get(u, "") for u in ids],
            "has_children": [u in parent_ids for u in ids],
            "evaluated": [u in with_staff or u in file_leaves for u in ids],
        })
        return frame.astype({UNIT_ID: "str", UNIT_NAME: "str", PARENT_ID: "str"})


def _deduplicate_staff(staff: pd.DataFrame, reader: TableReader) -> pd.DataFrame:
    """Merge repeated rows of one person in one unit; report a person listed in two units."""
    repeated = staff.duplicated([EMPLOYEE_ID, UNIT_ID])
    for row, person in staff.loc[repeated, [ROW, EMPLOYEE_ID]].itertuples(index=False):
        reader.issue(int(row), EMPLOYEE_ID, WARNING,
                     f"Ansattnummer {person} står flere ganger i samme enhet; raden er slått "
                     "sammen med den første.")
    staff = staff[~repeated]
    in_two = staff.duplicated(EMPLOYEE_ID, keep="first")
    for row, person, unit in staff.loc[in_two, [ROW, EMPLOYEE_ID, UNIT_ID]].itertuples(
            index=False):
        reader.issue(int(row), EMPLOYEE_ID, WARNING,
                     f"Ansattnummer {person} står i flere enheter; personen telles i hver av dem "
                     f"(også i {unit}).")
    return staff.reset_index(drop=True)


class PersonIndex:
    """Matches a person by employee id, else e-mail, else exact name, to the staff file."""

    def __init__(self, staff: pd.DataFrame):
        first = staff.drop_duplicates(EMPLOYEE_ID)
        self.ids = set(first[EMPLOYEE_ID])
        self.home_unit = dict(zip(first[EMPLOYEE_ID].tolist(), first[UNIT_ID].tolist(),
                                  strict=True))
        emails = first[first[EMAIL].ne("")]
        self.by_email = dict(zip(emails[EMAIL].tolist(), emails[EMPLOYEE_ID].tolist(), strict=True))
        names = first[first[NAME].ne("")].assign(key=lambda f: f[NAME].map(_key))
        counts = names["key"].value_counts()
        self.ambiguous = set(counts[counts > 1].index)
        self.by_name = dict(zip(names["key"].tolist(), names[EMPLOYEE_ID].tolist(),
                                strict=True))

    def match(self, employee_id: str, email: str, name: str) -> tuple[str | None, str]:
        """(staff id or None, why not)."""
        if employee_id and employee_id in self.ids:
            return employee_id, ""
        if email and email in self.by_email:
            return self.by_email[email], ""
        if not employee_id and not email and name:
            if _key(name) in self.ambiguous:
                return None, f"navnet «{name}» passer flere ansatte"
            if _key(name) in self.by_name:
                return self.by_name[_key(name)], ""
        shown = employee_id or email or name
        return None, f"{shown} finnes ikke i ansattlisten"


def _advisors_from_roles(roles: pd.DataFrame, placed_staff: pd.DataFrame) -> pd.DataFrame:
    """Roles in the HR export count for the person's HR unit on that row."""
    unit_by_row = dict(zip(placed_staff[ROW].tolist(), placed_staff[UNIT_ID].tolist(),
                           strict=True))
    return pd.DataFrame({
        EMPLOYEE_ID: roles[EMPLOYEE_ID],
        UNIT_ID: roles[ROW].map(unit_by_row),
        PROCESS: roles[PROCESS],
        APPOINTED_DATE: pd.Series(pd.NaT, index=roles.index, dtype="datetime64[us]"),
        SOURCE: "ansattliste",
    }, columns=ADVISOR_COLUMNS)


def _advisors_from_list(listed: pd.DataFrame, people: PersonIndex, registry: UnitRegistry,
                        reader: TableReader) -> pd.DataFrame:
    """The advisors list: the unit given there, else the person's HR unit."""
    rows = []
    for item in listed.itertuples(index=False):
        row = int(getattr(item, ROW))
        person, why = people.match(getattr(item, EMPLOYEE_ID), getattr(item, EMAIL),
                                   getattr(item, NAME))
        written_unit = getattr(item, UNIT_ID)
        if person is None:
            fallback = getattr(item, EMPLOYEE_ID) or getattr(item, EMAIL)
            if not written_unit or not fallback:
                reader.issue(row, EMPLOYEE_ID, ERROR,
                             f"Rådgiveren er ikke tatt med: {why}, og raden har ingen enhet.")
                continue
            reader.issue(row, EMPLOYEE_ID, WARNING,
                         f"Rådgiveren telles for {written_unit}, men {why}.")
            person = fallback
        unit = registry.resolve(written_unit) if written_unit else people.home_unit[person]
        rows.append({EMPLOYEE_ID: person, UNIT_ID: unit, PROCESS: getattr(item, PROCESS),
                     APPOINTED_DATE: getattr(item, APPOINTED_DATE), SOURCE: "rådgiverliste"})
    frame = pd.DataFrame(rows, columns=ADVISOR_COLUMNS)
    return frame.astype({APPOINTED_DATE: "datetime64[us]"})


def _resolve_course_people(records: pd.DataFrame, people: PersonIndex,
                           reader: TableReader) -> pd.DataFrame:
    """Give each course record the staff id of its person; unknown people are reported once."""
    keys = records[EMPLOYEE_ID] + "\x1f" + records[EMAIL] + "\x1f" + records[NAME]
    codes, persons = pd.factorize(keys)
    first = np.unique(codes, return_index=True)[1]
    sizes = np.bincount(codes, minlength=len(persons))
    rows = records[ROW].to_numpy()
    resolved = []
    for code, person_key in enumerate(persons.tolist()):
        employee_id, email, name = person_key.split("\x1f")
        person, why = people.match(employee_id, email, name)
        if person is None:
            person = employee_id or email or name
            reader.issue(int(rows[first[code]]), EMPLOYEE_ID, WARNING,
                         f"Kursdata for ukjent person: {why} ({sizes[code]} rader).")
        resolved.append(person)
    ids = pd.array(resolved, dtype="str").take(codes) if len(codes) else []
    return records.assign(**{EMPLOYEE_ID: pd.Series(ids, index=records.index, dtype="str")})
