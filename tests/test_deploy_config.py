"""The production settings are real Streamlit options with the hardened values, and the local
settings stay friendly."""

import tomllib
from pathlib import Path

from streamlit import config

ROOT = Path(__file__).resolve().parent.parent
HARDENED = {"server.enableXsrfProtection": True, "server.maxUploadSize": 25,
            "client.showErrorDetails": "none", "client.toolbarMode": "viewer",
            "server.fileWatcherType": "none", "browser.gatherUsageStats": False,
            "server.headless": True}


def options(path: Path) -> dict[str, object]:
    document = tomllib.loads(path.read_text())
    return {f"{section}.{key}": value for section, values in document.items()
            for key, value in values.items()}


def test_every_production_setting_is_a_streamlit_option_with_the_hardened_value():
    production = options(ROOT / "deploy" / "config.toml")
    for name in production:
        config.get_option(name)  # raises for a name Streamlit does not know
    assert {name: production.get(name) for name in HARDENED} == HARDENED


def test_the_local_settings_keep_error_details_and_the_larger_upload_limit():
    local = options(ROOT / ".streamlit" / "config.toml")
    assert "client.showErrorDetails" not in local and local["server.maxUploadSize"] == 50
