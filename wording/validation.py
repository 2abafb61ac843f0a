"""The validation report and the refused files in words: the loaders' notes (facts) made
sentences in the user's language, from the catalogue's `issue.*` texts."""

from __future__ import annotations

import pandas as pd

from i18n import NB, kind_label, label_set, process_in_text, t
from loaders.errors import InputError
from loaders.issues import ISSUE_COLUMNS, Note
from loaders.processes import process_list


def say(said: Note, lang: str = NB) -> str:
    """One note as a sentence. Values named `kind`, `kinds`, `process` and `column_groups` are ids
    labelled in `lang`; dates are written dd.mm.yyyy; a note inside a note is worded first."""
    values = {name: _shown(name, value, lang) for name, value in said.values.items()}
    template = t(f"issue.{said.key}", lang)  # unfilled: no values given
    for name, conjunction in (("processes_or", "issue.or"), ("processes_and", "issue.and")):
        if f"{{{name}}}" in template:  # the known processes, listed only where a text names them
            values[name] = process_list(conjunction=t(conjunction, lang))
    return template.format(**values)


def _shown(name: str, value: object, lang: str) -> object:
    if isinstance(value, Note):
        return say(value, lang)
    if hasattr(value, "strftime"):  # a date, a timestamp (NaT writes itself as NaT)
        return format(value, "%d.%m.%Y")
    if name == "kind":
        return kind_label(value, lang)
    if name == "kinds":
        return _and(lang).join(kind_label(kind, lang) for kind in value)
    if name == "process" and lang != NB:
        return process_in_text(value, lang)
    if name == "column_groups":  # any one column of a group will do
        labels = label_set("column", lang)
        return _and(lang).join("/".join(labels.get(c, c) for c in group)
                                         for group in value)
    return value


def _and(lang: str) -> str:
    return f" {t('issue.and', lang)} "


def problem_text(error: InputError, lang: str = NB) -> str:
    """Why a file cannot be used, after the file's name (when the problem has a file)."""
    text = say(error.note, lang)
    return f"{error.file}: {text}" if error.file else text


def with_messages(issues: pd.DataFrame, lang: str = NB) -> pd.DataFrame:
    """The validation report as exported and shown: its facts and a `message` in `lang`."""
    messages = pd.Series([say(n, lang) for n in issues["note"]], index=issues.index,
                         dtype="str")
    return issues.assign(message=messages)[ISSUE_COLUMNS]
