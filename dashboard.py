"""Entry point: page config, the shared sidebar (data source, language, as-of date), navigation."""

import streamlit as st

from components.sidebar import data_sidebar

st.set_page_config(page_title="Prosessrådgivere – dekning", page_icon=":material/groups:",
                   layout="wide")
data_sidebar()
st.navigation([
    st.Page("pages/overview.py", title="Oversikt", icon=":material/grid_view:", default=True),
    st.Page("pages/unit.py", title="Enhet", icon=":material/apartment:"),
    st.Page("pages/gaps.py", title="Avvik og tiltak", icon=":material/checklist:"),
    st.Page("pages/meeting.py", title="Møtevisning", icon=":material/co_present:"),
    st.Page("pages/matrix.py", title="Kompetansematrise", icon=":material/grid_on:"),
    st.Page("pages/whatif.py", title="Hva om", icon=":material/tune:"),
    st.Page("pages/trends.py", title="Utvikling", icon=":material/trending_up:"),
    st.Page("pages/data.py", title="Data", icon=":material/upload_file:"),
    st.Page("pages/about.py", title="Om tallene", icon=":material/info:"),
]).run()
