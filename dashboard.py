"""Entry point: page config, the shared sidebar (data source, language, as-of date), navigation."""

import streamlit as st

from components.sidebar import data_sidebar

st.set_page_config(page_title="Prosessrådgivere – dekning", page_icon=":material/groups:",
                   layout="wide")
data_sidebar()
st.navigation([
    st.Page("views/overview.py", title="Oversikt", icon=":material/grid_view:", default=True),
    st.Page("views/unit.py", title="Enhet", icon=":material/apartment:"),
    st.Page("views/gaps.py", title="Avvik og tiltak", icon=":material/checklist:"),
    st.Page("views/meeting.py", title="Møtevisning", icon=":material/co_present:"),
    st.Page("views/matrix.py", title="Kompetansematrise", icon=":material/grid_on:"),
    st.Page("views/whatif.py", title="Hva om", icon=":material/tune:"),
    st.Page("views/trends.py", title="Utvikling", icon=":material/trending_up:"),
    st.Page("views/data.py", title="Data", icon=":material/upload_file:"),
    st.Page("views/about.py", title="Om tallene", icon=":material/info:"),
]).run()
