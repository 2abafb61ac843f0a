"""Whether the files can be joined at all: a staff file without the column the course records
identify people by reads without an error and then gives 0 % training everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.dataset import Dataset
from loaders.schema import COURSE_RECORDS, EMAIL, EMPLOYEE_ID, STAFF


@dataclass(frozen=True)
class MissingLink:
    """`file` (read as `kind`) has no `column`, which `used_by` identifies people by."""

    file: str
    kind: str
    column: str
    used_by: str


def missing_links(dataset: Dataset) -> list[MissingLink]:
    """The staff file lacks employee numbers while the course records have them and cannot fall
    back on e-mail (one of the two files has none): no course row can be matched to a person."""
    staff = next((table for table in dataset.tables if table.kind == STAFF), None)
    courses = next((table for table in dataset.tables if table.kind == COURSE_RECORDS), None)
    if staff is None or courses is None or EMPLOYEE_ID in staff.mapping.values():
        return []
    if EMPLOYEE_ID not in courses.mapping.values():
        return []
    if EMAIL in staff.mapping.values() and EMAIL in courses.mapping.values():
        return []
    return [MissingLink(staff.file, STAFF, EMPLOYEE_ID, courses.file)]
