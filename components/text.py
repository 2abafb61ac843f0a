"""Text from the files shown inside markdown: escaped, so it shows as written, never as markup."""

import re

_MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=])")


def plain(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)
