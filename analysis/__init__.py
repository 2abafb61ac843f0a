"""The mandate's rules as pure functions of canonical frames. No Streamlit here."""

from analysis.config import DEFAULT_REQUIREMENTS, Requirement, RuleConfig
from analysis.results import Results, build_results

__all__ = ["DEFAULT_REQUIREMENTS", "Requirement", "Results", "RuleConfig", "build_results"]
