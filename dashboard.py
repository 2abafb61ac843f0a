"""Entry point: page config, the shared sidebar (data source, language, as-of date), navigation."""

import streamlit as st

from components import upload_flow
from components.sidebar import data_sidebar, page_lang
from components.url_state import start_run
from i18n import t

st.set_page_config(page_title=t("app.title", page_lang()), page_icon=":material/groups:",
                   layout="wide")
start_run()
lang = page_lang()
page = st.navigation([
    st.Page("views/overview.py", title=t("nav.overview", lang), icon=":material/grid_view:",
            default=True),
    st.Page("views/unit.py", title=t("nav.unit", lang), icon=":material/apartment:"),
    st.Page("views/gaps.py", title=t("nav.gaps", lang), icon=":material/checklist:"),
    st.Page("views/meeting.py", title=t("nav.meeting", lang), icon=":material/co_present:"),
    st.Page("views/matrix.py", title=t("nav.matrix", lang), icon=":material/grid_on:"),
    st.Page("views/whatif.py", title=t("nav.whatif", lang), icon=":material/tune:"),
    st.Page("views/trends.py", title=t("nav.trends", lang), icon=":material/trending_up:"),
    st.Page("views/data.py", title=t("nav.data", lang), icon=":material/upload_file:"),
    st.Page("views/about.py", title=t("nav.about", lang), icon=":material/info:"),
    st.Page("views/access.py", title=t("nav.access", lang), icon=":material/shield_person:"),
])
data_sidebar()
upload_flow.take_to_mapping()
page.run()
