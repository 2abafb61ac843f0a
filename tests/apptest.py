"""What the AppTest files share: the time limit, running one page on the sample, KPIs read."""

import base64
import json
import re

import numpy as np
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


def chart(app: AppTest, key: str) -> dict:
    """The plotly figure of the chart with this widget key, as plotly JSON."""
    return next(json.loads(c.proto.spec) for c in app.get("plotly_chart") if c.key == key)


def as_written(markdown: str) -> str:
    """Markdown source with the escapes of file text undone."""
    return re.sub(r"\\(.)", r"\1", markdown)


def typed_array(value):
    """Plotly's JSON packs numeric arrays as base64 with a dtype and shape."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        return array.reshape([int(n) for n in str(shape).split(",")]) if shape else array
    return np.asarray(value)
