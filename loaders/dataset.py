"""One call from the user's files to the canonical frames: `load_dataset(...) -> Dataset`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.errors import InputError
from loaders.issues import WARNING, IssueLog, Note, issue_frame, note
from loaders.normalise import (
    TableReader,
    normalise_advisors,
    normalise_assessments,
    normalise_courses,
    normalise_requirements,
    normalise_staff,
    normalise_units,
)
from loaders.read import RawSheet, read_sheets
from loaders.schema import (
    ADVISORS,
    APPOINTED_DATE,
    APPOINTED_UNTIL,
    ASSESSED_BY,
    ASSESSMENTS,
    COMPLETION_DATE,
    COURSE_RECORDS,
    EMAIL,
    EMPLOYEE_ID,
    LEADER_EMAIL,
    NAME,
    NOTE,
    PARENT_ID,
    PROCESS,
    REQUIREMENT_ID,
    REQUIREMENTS,
    RESULT,
    ROW,
    SOURCE,
    STAFF,
    UNIT_ID,
    UNIT_NAME,
    UNITS,
)
from loaders.table import MappedTable, locate_table
from loaders.values import id_key, quoted

Source = str | Path | tuple[str, bytes] | list[RawSheet]  # a list: sheets already read
# unit_id is blank for an advisors-list row without a unit: the person's main position decides,
# as of the date the rules are applied. row: the Excel row in the source's file.
ADVISOR_COLUMNS = [EMPLOYEE_ID, UNIT_ID, PROCESS, APPOINTED_DATE, APPOINTED_UNTIL, SOURCE, ROW]
SOURCE_STAFF = "ansattliste"
SOURCE_LIST = "rådgiverliste"
STAFF_EMPTY = "staff_empty"
Issue = Callable[[int | None, str, str, Note], None]  # (row, column, severity, note)


# The assessments' columns and types; `result` is True when the assessment was approved.
ASSESSMENT_TYPES = {EMPLOYEE_ID: "str", EMAIL: "str", NAME: "str", REQUIREMENT_ID: "str",
                    COMPLETION_DATE: "datetime64[us]", RESULT: "bool", ASSESSED_BY: "str",
                    NOTE: "str", ROW: "Int64"}


def no_assessments() -> pd.DataFrame:
    """The assessments of a data set without an assessments file."""
    return pd.DataFrame({column: pd.Series(dtype=dtype)
                         for column, dtype in ASSESSMENT_TYPES.items()})


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
    """The canonical frames every result is computed from.

    Facts that depend on the as-of date (who is employed, which appointments run) are kept
    as rows with their dates; `analysis` applies them."""

    staff: pd.DataFrame  # one row per staff-file row, with its start and end date
    units: pd.DataFrame
    advisors: pd.DataFrame
    courses: pd.DataFrame
    requirements: pd.DataFrame | None
    issues: pd.DataFrame
    tables: list[TableInfo] = field(default_factory=list)
    # one row per assessment that could be read (ASSESSMENT_TYPES)
    assessments: pd.DataFrame = field(default_factory=no_assessments)

    def has_column(self, kind: str, column: str) -> bool:
        """Whether the file read as `kind` has a column mapped to `column`."""
        return any(table.kind == kind and column in table.mapping.values()
                   for table in self.tables)


def _locate(source: Source, kind: str, log: IssueLog,
            manual: dict[str, str] | None) -> tuple[TableReader, TableInfo]:
    sheets = source if isinstance(source, list) else read_sheets(source)
    table: MappedTable = locate_table(sheets, kind, manual)
    reader = TableReader(table, log)
    info = TableInfo(kind, table.file, table.sheet, table.header_row, table.mapping,
                     len(reader.frame))
    return reader, info


def source_name(source: Source) -> str:
    """The file's name as its problems name it."""
    if isinstance(source, list):
        return source[0].file if source else ""
    if isinstance(source, tuple):
        return source[0]
    return str(source)


@dataclass(frozen=True)
class PreparedCourses:
    """The course file read and normalised apart from the other files: it is most of a large
    data set's reading, so it can be read beside them. Its records' people are not yet matched
    to the staff file; its notes are kept in two parts, for where load_dataset reports them."""

    records: pd.DataFrame
    info: TableInfo
    header_of: dict[str, str]
    located: list[dict[str, object]]  # notes on the file and its cells
    normalised: list[dict[str, object]]  # notes on its rows

    def issues_in(self, log: IssueLog) -> Issue:
        """A note on one of the file's cells, added to `log` under the user's own header."""
        def issue(row: int | None, column: str, severity: str, said: Note) -> None:
            log.add(self.info.file, self.info.sheet, row, self.header_of.get(column, column),
                    severity, said)
        return issue


def prepare_courses(source: Source, manual: dict[str, str] | None = None) -> PreparedCourses:
    """The course file located and normalised; InputError when it cannot be used."""
    log = IssueLog()
    reader, info = _locate(source, COURSE_RECORDS, log, manual)
    located = len(log.rows)
    records = normalise_courses(reader)
    return PreparedCourses(records, info, reader.header_of, log.rows[:located],
                           log.rows[located:])


@dataclass(frozen=True)
class PreparedOthers:
    """Every file but the course file, read, validated and joined; `issues` with the places
    where the course file's notes belong, so the report reads as if read in one go."""

    staff: pd.DataFrame
    units: pd.DataFrame
    advisors: pd.DataFrame
    requirements: pd.DataFrame | None
    assessments: pd.DataFrame
    people: PersonIndex
    tables: list[TableInfo]  # the staff file's first
    issues: list[dict[str, object]]
    courses_located_at: int
    courses_normalised_at: int

    def without_courses(self) -> Dataset:
        """These files as a data set with no course records and only their own notes: for
        what needs none (analysis.results.staffing_of), while the course file is read."""
        return Dataset(self.staff, self.units, self.advisors, pd.DataFrame(), self.requirements,
                       issue_frame(self.issues), self.tables, self.assessments)


OTHER_KINDS = (STAFF, ADVISORS, REQUIREMENTS, UNITS, ASSESSMENTS)  # prepare_others' files


def prepare_others(staff: Source, advisors: Source | None = None,
                   requirements: Source | None = None, units: Source | None = None,
                   assessments: Source | None = None,
                   manual: dict[str, dict[str, str]] | None = None) -> PreparedOthers:
    """Every other file located, normalised and joined; InputError when one cannot be used."""
    manual = manual or {}
    log = IssueLog()
    sources = {STAFF: staff, ADVISORS: advisors, REQUIREMENTS: requirements, UNITS: units,
               ASSESSMENTS: assessments}
    readers: dict[str, TableReader] = {}
    tables: list[TableInfo] = []
    courses_located_at = 0
    for kind, source in sources.items():
        if source is not None:
            readers[kind], info = _locate(source, kind, log, manual.get(kind))
            tables.append(info)
        if kind == STAFF:
            courses_located_at = len(log.rows)

    staff_rows, role_rows = normalise_staff(readers[STAFF])
    if staff_rows.empty:
        raise InputError(readers[STAFF].table.file, note(STAFF_EMPTY))
    unit_rows = normalise_units(readers[UNITS]) if UNITS in readers else None
    registry = UnitRegistry(unit_rows, readers.get(UNITS))
    staff_frame = registry.place_staff(staff_rows, readers[STAFF])
    _note_repeated_people(staff_frame, readers[STAFF])
    people = PersonIndex(staff_frame)

    advisor_rows = [_advisors_from_roles(role_rows, staff_frame)]
    if ADVISORS in readers:
        listed = normalise_advisors(readers[ADVISORS])
        advisor_rows.append(_advisors_from_list(listed, people, registry, readers[ADVISORS]))
    advisors_frame = pd.concat(advisor_rows, ignore_index=True).astype(
        {APPOINTED_DATE: "datetime64[us]", APPOINTED_UNTIL: "datetime64[us]", ROW: "Int64"})

    courses_normalised_at = len(log.rows)
    assessment_frame = (
        _resolve_people(normalise_assessments(readers[ASSESSMENTS]), people,
                        readers[ASSESSMENTS].issue, "assessment_unknown_person"
                        ).astype({ROW: "Int64"})
        if ASSESSMENTS in readers else no_assessments())
    requirement_frame = (normalise_requirements(readers[REQUIREMENTS])
                         if REQUIREMENTS in readers else None)
    return PreparedOthers(
        staff_frame, registry.units_frame(staff_frame), advisors_frame,
        None if requirement_frame is None else requirement_frame.drop(columns=[ROW]),
        assessment_frame, people, tables, log.rows, courses_located_at, courses_normalised_at)


def join_courses(others: PreparedOthers, courses: PreparedCourses) -> Dataset:
    """The data set: the course records matched to the staff file's people."""
    log = IssueLog()
    rows = others.issues
    log.rows = [*rows[:others.courses_located_at], *courses.located,
                *rows[others.courses_located_at:others.courses_normalised_at],
                *courses.normalised]
    course_frame = _resolve_people(courses.records, others.people, courses.issues_in(log),
                                   "course_unknown_person").astype({ROW: "Int64"})
    log.rows += rows[others.courses_normalised_at:]
    tables = [others.tables[0], courses.info, *others.tables[1:]]
    return Dataset(others.staff, others.units, others.advisors, course_frame,
                   others.requirements, log.frame(), tables, others.assessments)


def first_problem(problems: list[InputError], order: list[str]) -> InputError:
    """The problem load_dataset names when several files have one: that of the first file in
    `order` (staff, courses, advisors …); a staff file without rows is found only after every
    file's table is located, so it comes last."""
    def rank(problem: InputError) -> int:
        if problem.note.key == STAFF_EMPTY or problem.file not in order:
            return len(order)
        return order.index(problem.file)
    return min(problems, key=rank)


def settle(others: PreparedOthers | InputError, courses: PreparedCourses | InputError,
           order: list[str]) -> Dataset:
    """The data set from both parts, or the first problem either met."""
    problems = [part for part in (others, courses) if isinstance(part, InputError)]
    if problems:
        raise first_problem(problems, order)
    return join_courses(others, courses)


def load_dataset(
    staff: Source,
    courses: Source,
    advisors: Source | None = None,
    requirements: Source | None = None,
    units: Source | None = None,
    assessments: Source | None = None,
    manual_mappings: dict[str, dict[str, str]] | None = None,
) -> Dataset:
    """Read, validate and join the inputs; raises InputError for a file that cannot be used."""
    manual = manual_mappings or {}
    given = [staff, courses, advisors, requirements, units, assessments]
    return settle(outcome(prepare_others, staff, advisors, requirements, units, assessments,
                          manual),
                  outcome(prepare_courses, courses, manual.get(COURSE_RECORDS)),
                  [source_name(source) for source in given if source is not None])


def outcome(make: Callable[..., object], *args: object, **kwargs: object) -> object:
    """make(*args, **kwargs), or the InputError it raised."""
    try:
        return make(*args, **kwargs)
    except InputError as error:
        return error


def _key(text: str) -> str:
    """A name as matched: case and white space ignored."""
    return " ".join(text.split()).casefold()


class UnitRegistry:
    """Unit codes, names and parents from the units file and the staff file."""

    def __init__(self, unit_rows: pd.DataFrame | None, reader: TableReader | None):
        self.from_file = unit_rows is not None
        self.names: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.leaders: dict[str, str] = {}  # unit → its leader's e-mail, where the file says
        self.code_by_name: dict[str, str] = {}
        # where each parent link was read: (the file's reader, its row), for reporting a loop
        self.parent_rows: dict[str, tuple[TableReader, int]] = {}
        self._padded: tuple[int, dict[str, list[str]]] = (-1, {})
        if unit_rows is None:
            return
        duplicated = unit_rows[UNIT_ID].duplicated()
        for row in unit_rows.loc[duplicated, ROW]:
            reader.issue(int(row), UNIT_ID, WARNING, note("unit_duplicate"))
        for unit in unit_rows[~duplicated].itertuples(index=False):
            unit_id, name, parent = getattr(unit, UNIT_ID), getattr(unit, UNIT_NAME), \
                getattr(unit, PARENT_ID)
            self.names[unit_id] = name
            self.code_by_name.setdefault(_key(name), unit_id)
            if leader := getattr(unit, LEADER_EMAIL):
                self.leaders[unit_id] = leader
            if parent:
                self.parents[unit_id] = parent
                self.parent_rows[unit_id] = (reader, int(getattr(unit, ROW)))

    def resolve(self, text: str) -> tuple[str, Note | None]:
        """A unit code or name as written → (the unit's id, a note when a numeric code was
        matched to a zero-padded one). Unknown text comes back as written."""
        if text in self.names:
            return text, None
        by_name = self.code_by_name.get(_key(text))
        if by_name is not None:
            return by_name, None
        if text.isdigit():
            padded = self._numeric_codes().get(text.lstrip("0"), [])
            if len(padded) == 1:
                return padded[0], note("unit_code_padded", written=text, code=padded[0])
        return text, None

    def _numeric_codes(self) -> dict[str, list[str]]:
        """Numeric unit codes by their value without leading zeros; rebuilt when units are
        added (names only grow), so resolving is not a scan of every code."""
        size, index = self._padded
        if size != len(self.names):
            index = {}
            for code in self.names:
                if code.isdigit():
                    index.setdefault(code.lstrip("0"), []).append(code)
            self._padded = (len(self.names), index)
        return index

    def known(self, unit_id: str) -> bool:
        return unit_id in self.names

    def place_staff(self, staff: pd.DataFrame, reader: TableReader) -> pd.DataFrame:
        """Give every staff row a unit id (the code, else the name) and a parent id; a loop of
        parents in either file is reported and cut (see `cut_cycles`)."""
        written = staff[UNIT_ID].where(staff[UNIT_ID].ne(""), staff[UNIT_NAME])
        resolved = {text: self.resolve(text) for text in written.unique()}
        first_rows = dict(zip(written.tolist()[::-1], staff[ROW].tolist()[::-1], strict=True))
        for text, (_, padded) in resolved.items():
            if padded:
                reader.issue(int(first_rows[text]), UNIT_ID, WARNING, padded)
        unit_ids = written.map(lambda text: resolved[text][0]).astype("str")
        names = staff[UNIT_NAME].where(staff[UNIT_NAME].ne(""), unit_ids)
        names = pd.Series([self.names.get(u, n) for u, n in zip(unit_ids.tolist(), names.tolist(),
                                                                strict=True)],
                          index=staff.index, dtype="str")
        staff_name_ids = dict(zip(names.map(_key).tolist(), unit_ids.tolist(), strict=True))
        parents = staff[PARENT_ID].map(
            lambda text: "" if not text
            else self.resolve(staff_name_ids.get(_key(text), text))[0])
        if self.from_file:
            parents = pd.Series(
                [self.parents.get(u, p)
                 for u, p in zip(unit_ids.tolist(), parents.tolist(), strict=True)],
                index=staff.index, dtype="str")
            unknown = ~unit_ids.isin(set(self.names))
            firsts = staff.loc[unknown, ROW].groupby(unit_ids[unknown], sort=False).first()
            for unit, first_row in firsts.items():
                reader.issue(int(first_row), UNIT_ID, WARNING,
                             note("unit_not_in_units", unit=quoted(unit)))
        for unit_id, name in zip(unit_ids.tolist(), names.tolist(), strict=True):
            if unit_id not in self.names:
                self.names[unit_id] = name
            # advisors lists name units as the HR export does: resolve those names too
            self.code_by_name.setdefault(_key(name), unit_id)
        # a person's own unit as its parent is the HR export's way of placing a faculty's own
        # staff (the faculty column names the faculty itself): not a loop, just no parent
        for unit_id, parent, row in zip(unit_ids.tolist(), parents.tolist(), staff[ROW].tolist(),
                                        strict=True):
            if parent and parent != unit_id and unit_id not in self.parents:
                self.parents[unit_id] = parent
                self.parent_rows[unit_id] = (reader, int(row))
        self._report_cycles()
        return staff.assign(**{UNIT_ID: unit_ids, UNIT_NAME: names, PARENT_ID: parents})

    def _report_cycles(self) -> None:
        """One warning per loop of parents, on the row of the unit whose parent link is cut."""
        self.parents, cycles = self.cut_cycles(list(self.names), self.parents)
        for cycle in cycles:
            reader, row = self.parent_rows[cycle[0]]
            reader.issue(row, PARENT_ID, WARNING, self.cycle_note(cycle))

    @staticmethod
    def cut_cycles(order: list[str], parents: dict[str, str]
                   ) -> tuple[dict[str, str], list[list[str]]]:
        """The parent links without loops, and each loop found (a unit its own parent, or A
        under B under A …). A loop is cut at the unit of it that comes first in `order` (the
        units file lists a faculty before its departments): that unit loses its parent and
        heads the rest. Each loop is listed from that unit along its parents. Linear: every
        unit is walked once."""
        rank = {unit: i for i, unit in enumerate(dict.fromkeys(order))}
        kept = dict(parents)
        done: set[str] = set()
        cycles: list[list[str]] = []
        for start in dict.fromkeys([*rank, *parents]):
            walk: dict[str, int] = {}  # unit → its place on this walk up the tree
            unit = start
            while unit and unit not in done and unit not in walk:
                walk[unit] = len(walk)
                unit = kept.get(unit, "")
            if unit in walk:
                loop = list(walk)[walk[unit]:]
                head = min(range(len(loop)), key=lambda i: rank.get(loop[i], len(rank)))
                cycles.append(loop[head:] + loop[:head])
                del kept[loop[head]]
            done.update(walk)
        return kept, cycles

    @staticmethod
    def cycle_note(cycle: list[str]) -> Note:
        """The validation report's note on one loop, listed from the unit that is cut; a long
        loop shows its first six units and its last."""
        head = cycle[0]
        if len(cycle) == 1:
            return note("cycle_self", unit=head)
        shown = [f"«{unit}»" for unit in cycle]
        if len(shown) > 8:
            shown = [*shown[:6], "…", shown[-1]]
        ring = " → ".join([*shown, f"«{head}»"])
        return note("cycle_long" if len(cycle) > 8 else "cycle", ring=ring, count=len(cycle),
                    unit=head, parent=cycle[1])

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
            LEADER_EMAIL: [self.leaders.get(u, "") for u in ids],
        })
        return frame.astype({UNIT_ID: "str", UNIT_NAME: "str", PARENT_ID: "str",
                             LEADER_EMAIL: "str"})


def _note_repeated_people(staff: pd.DataFrame, reader: TableReader) -> None:
    """Say how several rows of one person are counted (merged in one unit, counted per unit)."""
    repeated = staff.duplicated([EMPLOYEE_ID, UNIT_ID])
    for row, person in staff.loc[repeated, [ROW, EMPLOYEE_ID]].itertuples(index=False):
        reader.issue(int(row), EMPLOYEE_ID, WARNING, note("person_repeated", person=person))
    firsts = staff[~repeated]
    in_two = firsts.duplicated(EMPLOYEE_ID, keep="first")
    for row, person, unit in firsts.loc[in_two, [ROW, EMPLOYEE_ID, UNIT_ID]].itertuples(
            index=False):
        reader.issue(int(row), EMPLOYEE_ID, WARNING,
                     note("person_in_units", person=person, unit=unit))


class PersonIndex:
    """Matches a person by employee id, else e-mail, else exact name, to the staff file.

    Numeric ids match ignoring leading zeros; the staff file's form is returned."""

    def __init__(self, staff: pd.DataFrame):
        first = staff.drop_duplicates(EMPLOYEE_ID)
        self.ids = set(first[EMPLOYEE_ID])
        self.by_id_key = dict(zip(first[EMPLOYEE_ID].map(id_key).tolist(),
                                  first[EMPLOYEE_ID].tolist(), strict=True))
        emails = first[first[EMAIL].ne("")]
        self.by_email = dict(zip(emails[EMAIL].tolist(), emails[EMPLOYEE_ID].tolist(), strict=True))
        names = first[first[NAME].ne("")].assign(key=lambda f: f[NAME].map(_key))
        counts = names["key"].value_counts()
        self.ambiguous = set(counts[counts > 1].index)
        self.by_name = dict(zip(names["key"].tolist(), names[EMPLOYEE_ID].tolist(),
                                strict=True))

    def match(self, employee_id: str, email: str, name: str) -> tuple[str | None, Note | None]:
        """(staff id or None, why not)."""
        if employee_id:
            if employee_id in self.ids:
                return employee_id, None
            if id_key(employee_id) in self.by_id_key:
                return self.by_id_key[id_key(employee_id)], None
        if email and email in self.by_email:
            return self.by_email[email], None
        if not employee_id and not email and name:
            if _key(name) in self.ambiguous:
                return None, note("name_ambiguous", name=quoted(name))
            if _key(name) in self.by_name:
                return self.by_name[_key(name)], None
        return None, note("not_in_staff", person=quoted(employee_id or email or name))


def _note_zero_matches(issue: Issue, written: list[str], matched: list[str | None],
                       rows: list[int]) -> None:
    """One note per file for ids matched only by ignoring leading zeros."""
    pairs = [(w, m, r) for w, m, r in zip(written, matched, rows, strict=True)
             if m is not None and w and w != m and id_key(w) == id_key(m)]
    if pairs:
        example, staff_form, row = min(pairs, key=lambda pair: pair[2])
        issue(row, EMPLOYEE_ID, WARNING, note(
            "ids_without_zeros", count=len(pairs), written=example, staff_form=staff_form))


def _advisors_from_roles(roles: pd.DataFrame, placed_staff: pd.DataFrame) -> pd.DataFrame:
    """Roles in the HR export count for the person's HR unit on that row, while it is in force."""
    unit_by_row = dict(zip(placed_staff[ROW].tolist(), placed_staff[UNIT_ID].tolist(),
                           strict=True))
    return pd.DataFrame({
        EMPLOYEE_ID: roles[EMPLOYEE_ID],
        UNIT_ID: roles[ROW].map(unit_by_row),
        PROCESS: roles[PROCESS],
        APPOINTED_DATE: pd.Series(pd.NaT, index=roles.index, dtype="datetime64[us]"),
        APPOINTED_UNTIL: pd.Series(pd.NaT, index=roles.index, dtype="datetime64[us]"),
        SOURCE: SOURCE_STAFF,
        ROW: roles[ROW],
    }, columns=ADVISOR_COLUMNS)


def _advisors_from_list(listed: pd.DataFrame, people: PersonIndex, registry: UnitRegistry,
                        reader: TableReader) -> pd.DataFrame:
    """The advisors list: the unit given there (code or name), else blank for the person's
    main position; people not in the staff file are not counted."""
    rows = []
    matched: list[str | None] = []
    for item in listed.itertuples(index=False):
        row = int(getattr(item, ROW))
        person, why = people.match(getattr(item, EMPLOYEE_ID), getattr(item, EMAIL),
                                   getattr(item, NAME))
        matched.append(person)
        if person is None:
            reader.issue(row, EMPLOYEE_ID, WARNING, note("appointed_not_staff", why=why))
            continue
        written_unit = getattr(item, UNIT_ID)
        unit = ""
        if written_unit:
            unit, padded = registry.resolve(written_unit)
            unit_column = UNIT_ID if reader.has(UNIT_ID) else UNIT_NAME
            if padded:
                reader.issue(row, unit_column, WARNING, padded)
            if not registry.known(unit):
                reader.issue(row, unit_column, WARNING,
                             note("appointed_unit_unknown", unit=quoted(written_unit)))
                continue
        rows.append({EMPLOYEE_ID: person, UNIT_ID: unit, PROCESS: getattr(item, PROCESS),
                     APPOINTED_DATE: getattr(item, APPOINTED_DATE),
                     APPOINTED_UNTIL: getattr(item, APPOINTED_UNTIL), SOURCE: SOURCE_LIST,
                     ROW: row})
    _note_zero_matches(reader.issue, listed[EMPLOYEE_ID].tolist(), matched,
                       [int(r) for r in listed[ROW]])
    return pd.DataFrame(rows, columns=ADVISOR_COLUMNS)


def _resolve_people(records: pd.DataFrame, people: PersonIndex, issue: Issue,
                    unknown: str) -> pd.DataFrame:
    """Give each record (a course completion, an assessment) the staff id of its person;
    unknown people are reported once each, with the note named `unknown`."""
    codes = _person_codes(records)
    first = np.unique(codes, return_index=True)[1]
    sizes = np.bincount(codes, minlength=len(first))
    rows = records[ROW].to_numpy()
    resolved, written, matched = [], [], []
    for code, (employee_id, email, name) in enumerate(zip(
            *(records[column].take(first).tolist() for column in (EMPLOYEE_ID, EMAIL, NAME)),
            strict=True)):
        person, why = people.match(employee_id, email, name)
        written.append(employee_id)
        matched.append(person)
        if person is None:
            person = employee_id or email or name
            issue(int(rows[first[code]]), EMPLOYEE_ID, WARNING,
                  note(unknown, why=why, rows=note("row") if sizes[code] == 1
                       else note("rows", count=int(sizes[code]))))
        resolved.append(person)
    _note_zero_matches(issue, written, matched, [int(rows[i]) for i in first])
    ids = pd.array(resolved, dtype="str").take(codes) if len(codes) else []
    return records.assign(**{EMPLOYEE_ID: pd.Series(ids, index=records.index, dtype="str")})


def _person_codes(records: pd.DataFrame) -> np.ndarray:
    """Each record's person (its id, e-mail and name as written) as a number, in order of
    first appearance: from each column's codes, not from the texts joined (0.13 s of 500,000
    course rows)."""
    codes = np.zeros(len(records), dtype=np.int64)
    for column in (EMPLOYEE_ID, EMAIL, NAME):
        column_codes, distinct = pd.factorize(records[column], use_na_sentinel=False)
        codes = pd.factorize(codes * len(distinct) + column_codes)[0]
    return codes
