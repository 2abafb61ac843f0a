"""Docs that the tests keep honest: pages in the router, aliases in the README."""

import re
from pathlib import Path

import pytest

from loaders.schema import ALIASES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(ALIASES))
def test_every_header_alias_is_in_the_readme(kind):
    missing = [alias for aliases in ALIASES[kind].values() for alias in aliases
               if f"`{alias}`" not in README]
    assert not missing


def test_every_routed_page_exists_and_has_an_apptest():
    router = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    pages = re.findall(r'st\.Page\("([^"]+)"', router)
    app_tests = "".join(path.read_text(encoding="utf-8")
                        for path in (ROOT / "tests").glob("test_app*.py"))
    assert pages
    for page in pages:
        assert (ROOT / page).exists()
        assert f'"{page}"' in app_tests
