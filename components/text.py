"""Text from the files shown inside markdown: escaped, so it shows as written, never as markup;
and a person written the same way everywhere."""

import re

from i18n import t

_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=])")


def plain(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def person_label(name: str, employee_id: str) -> str:
    """A person in running text, the same on every page: the name, then the employee number
    (two people may share a name)."""
    return f"{name} ({employee_id})" if name and name != employee_id else employee_id


def unit_label(name: str, unit_id: str) -> str:
    """A unit in a list or a choice: its name, then its code unless the name is the code."""
    return unit_id if name == unit_id else f"{name} ({unit_id})"


def say(key: str, lang: str, **values: object) -> str:
    """A catalogue sentence for markdown (a message, a caption, a widget's label) with every
    value from the files or a user written as plain text."""
    return t(key, lang, **{name: plain(str(value)) for name, value in values.items()})
