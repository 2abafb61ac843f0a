"""Entry point: page config, the shared sidebar (data source, as-of date) and navigation."""

import streamlit as st

from components.sidebar import data_sidebar

st.set_page_config(
    page_title="Prosessrådgivere – dekning", page_icon=":material/groups:", layout="wide"
)
data_sidebar()
st.navigation(
    [
        st.Page("pages/overview.py", title="Oversikt", default=True),
    st.Page("pages/trends.py", title="Utvikling"),
    st.Page("pages/data.py", title="Data"),
    ]
).run()
