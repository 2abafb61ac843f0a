"""Entry point: page config, sign-in, the shared sidebar (data source, language, as-of date)
and the navigation, which offers each role only the views meant for it."""

import streamlit as st

from components import upload_flow
from components.sidebar import data_sidebar, page_lang
from components.signin import require_sign_in
from components.url_state import start_run
from i18n import t
from store.access import OWNER, UNIT, VIEWER

NAMED = (OWNER, UNIT)  # views built on people: a viewer sees aggregates under meeting rules
EVERYONE = (OWNER, UNIT, VIEWER)
VIEWS = [  # (file, title, icon, roles): a viewer's first view is the meeting view
    ("views/overview.py", "nav.overview", ":material/grid_view:", NAMED),
    ("views/unit.py", "nav.unit", ":material/apartment:", NAMED),
    ("views/gaps.py", "nav.gaps", ":material/checklist:", NAMED),
    ("views/plan.py", "nav.plan", ":material/assignment_turned_in:", NAMED),
    ("views/meeting.py", "nav.meeting", ":material/co_present:", EVERYONE),
    ("views/matrix.py", "nav.matrix", ":material/grid_on:", NAMED),
    ("views/whatif.py", "nav.whatif", ":material/tune:", NAMED),
    ("views/trends.py", "nav.trends", ":material/trending_up:", NAMED),
    ("views/data.py", "nav.data", ":material/upload_file:", (OWNER,)),
    ("views/about.py", "nav.about", ":material/info:", EVERYONE),
    ("views/access.py", "nav.access", ":material/shield_person:", (OWNER,)),
]

st.set_page_config(page_title=t("app.title", page_lang()), page_icon=":material/groups:",
                   layout="wide")
start_run()
lang = page_lang()
grant = require_sign_in(lang)
offered = [(file, title, icon) for file, title, icon, roles in VIEWS if grant.role in roles]
page = st.navigation([st.Page(file, title=t(title, lang), icon=icon, default=index == 0)
                      for index, (file, title, icon) in enumerate(offered)])
data_sidebar(grant)
upload_flow.take_to_mapping()
page.run()
