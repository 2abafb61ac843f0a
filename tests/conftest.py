"""Shared test set-up."""

import pytest
from streamlit.runtime.pages_manager import PagesManager


@pytest.fixture(autouse=True)
def navigation_pages_only(monkeypatch):
    """Make AppTest treat `pages/` the way the live server does once st.navigation has run.

    AppTest builds a new PagesManager for every run, which sees the `pages/` folder and
    switches to the old folder-based multipage mode; a widget change in the entry script
    (the sidebar) would then rerun only the page file. The live server sets this flag to
    False on the first st.navigation call and keeps it for the process."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
