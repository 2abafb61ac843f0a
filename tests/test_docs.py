"""Docs that the tests keep honest: pages in the router, aliases in the README."""

import re
from pathlib import Path

import pytest

from loaders.schema import KINDS, aliases

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


ALIAS_CASES = sorted({(kind, alias) for kind in KINDS
                      for names in aliases(kind).values() for alias in names})
ROUTER = (ROOT / "dashboard.py").read_text(encoding="utf-8")
PAGES = re.findall(r'\("(views/[^"]+\.py)"', ROUTER)


@pytest.mark.parametrize(("kind", "alias"), ALIAS_CASES,
                         ids=[f"{kind}:{alias}" for kind, alias in ALIAS_CASES])
def test_every_header_alias_is_in_the_readme(kind, alias):
    assert f"`{alias}`" in README, f"the README does not list {alias!r} for {kind}"


def test_the_router_names_pages():
    assert len(PAGES) >= 9


@pytest.mark.parametrize("page", PAGES)
def test_every_routed_page_exists_and_has_an_apptest(page):
    app_tests = "".join(path.read_text(encoding="utf-8")
                        for path in (ROOT / "tests").glob("test_app*.py"))
    assert (ROOT / page).exists(), f"{page} is routed but missing"
    assert f'"{page}"' in app_tests, f"no AppTest opens {page}"


def test_there_is_no_pages_folder():
    """Streamlit would serve a deep link into pages/ as a bare page (README, Layout)."""
    assert not (ROOT / "pages").exists()
    assert "deliberately\nnot `pages/`" in README
