"""In a real browser: every URL-synced filter follows back and forward, and the as-of date
(`?dato=`) survives a switch to another view through the navigation."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
LOADED = '[data-testid="stSidebarNavLink"]'


def choose(page, label: str, typed: str, option: str) -> None:
    box = page.get_by_role("combobox", name=label).first  # "Enhet" is also in "K7 Enhetens …"
    box.click()
    page.keyboard.type(typed)
    page.get_by_role("option", name=option, exact=True).click()


# page, filter label, URL parameter, two choices as (typed, option shown, value in the URL)
FILTERS = [
    ("", "Fakultet", "fakultet", ("naturvit", "Fakultet for naturvitenskap", "NV"),
     ("ingeniør", "Fakultet for ingeniørvitenskap", "IV")),
    ("meeting", "Fakultet", "fakultet", ("naturvit", "Fakultet for naturvitenskap", "NV"),
     ("ingeniør", "Fakultet for ingeniørvitenskap", "IV")),
    ("gaps", "Type avvik", "avvik",
     ("mangler pro", "Mangler prosessrådgiver", "missing_process_advisor"),
     ("for få", "For få prosessrådgivere", "too_few_advisors")),
    ("matrix", "Prosess", "prosess", ("innsyn", "Innsyn", "innsyn"), ("SRU", "SRU", "SRU")),
    ("whatif", "Enhet", "enhet", ("elkraft", "Institutt for elkraftteknikk (IEL)", "IEL"),
     ("matematiske", "Institutt for matematiske fag (IMF)", "IMF")),
]


@pytest.mark.parametrize(("path", "label", "param", "first", "second"), FILTERS,
                         ids=[f"{f[0] or 'overview'}-{f[2]}" for f in FILTERS])
def test_a_filter_follows_back_and_forward(page, app_url, path, label, param, first, second):
    page.goto(f"{app_url}/{path}")
    box = page.get_by_role("combobox", name=label).first  # "Enhet" is also in "K7 Enhetens …"
    box.wait_for(timeout=90_000)
    choose(page, label, first[0], first[1])
    page.wait_for_url(re.compile(rf"{param}={first[2]}"), timeout=30_000)
    choose(page, label, second[0], second[1])
    page.wait_for_url(re.compile(rf"{param}={second[2]}"), timeout=30_000)
    expect(box).to_have_value(second[1], timeout=30_000)
    page.go_back()
    page.wait_for_url(re.compile(rf"{param}={first[2]}"), timeout=30_000)
    expect(box).to_have_value(first[1], timeout=30_000)
    page.go_forward()
    page.wait_for_url(re.compile(rf"{param}={second[2]}"), timeout=30_000)
    expect(box).to_have_value(second[1], timeout=30_000)


def test_the_as_of_date_survives_a_page_switch(page, app_url):
    page.goto(f"{app_url}/?dato=2026-11-01")
    page.wait_for_selector(LOADED, timeout=90_000)
    date_box = page.locator('[data-testid="stDateInput"] input[type="date"]')
    expect(date_box).to_have_value("2026-11-01", timeout=60_000)
    for title, path in (("Enhet", "unit"), ("Avvik og tiltak", "gaps"), ("Oversikt", "")):
        page.locator(LOADED, has_text=title).first.click()
        page.wait_for_url(re.compile(rf"/{path}\?.*dato=2026-11-01"), timeout=60_000)
        expect(date_box).to_have_value("2026-11-01", timeout=60_000)
    expect(page.locator(".stCaption, [data-testid='stCaptionContainer']").filter(
        has_text="01.11.2026").first).to_be_visible(timeout=60_000)
