"""What the AppTest files share: the time limit, running one page on the sample, KPIs read."""

from streamlit.testing.v1 import AppTest

from tests.sample import SAMPLE_AS_OF

TIMEOUT = 120


def run_page(page: str, **query) -> AppTest:
    """One view run on its own on the sample data as of the sample date, with URL params."""
    app = AppTest.from_file(f"../{page}", default_timeout=TIMEOUT)
    app.session_state["as_of"] = SAMPLE_AS_OF
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


def metrics(app: AppTest) -> dict[str, str]:
    """Every st.metric on the page: label → value."""
    return {metric.label: metric.value for metric in app.metric}
