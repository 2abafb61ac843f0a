"""Publications in words: when, by whom and from where, in the users' own time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from i18n import t
from store.publications import Publication

LOCAL_ZONE = ZoneInfo("Europe/Oslo")  # the university's clock, whatever the server's


def _when(publication: Publication) -> tuple[str, str]:
    local = publication.published_at.astimezone(LOCAL_ZONE)
    return f"{local:%d.%m.%Y}", f"{local:%H.%M}"


def publisher(publication: Publication, lang: str) -> str:
    return publication.published_by or t("publication.nobody", lang)


def published_line(publication: Publication, lang: str) -> str:
    """"Publisert 28.11.2026 kl. 14.05 av …, data per 01.11.2026." for the sidebar."""
    date, time = _when(publication)
    return t("sidebar.published", lang, date=date, time=time, by=publisher(publication, lang),
             as_of=f"{publication.as_of:%d.%m.%Y}")


def history_rows(history: list[Publication], names: dict[int, list[str]],
                 lang: str) -> list[dict[str, object]]:
    """The Data page's list of publications, newest (the current one) first."""
    rows = []
    for position, publication in enumerate(history):
        date, time = _when(publication)
        number = str(publication.id) + (f" ({t('data.pub.current', lang)})" if position == 0
                                        else "")
        rows.append({
            t("data.pub.id", lang): number,
            t("data.pub.at", lang): f"{date} {time}",
            t("data.pub.by", lang): publisher(publication, lang),
            t("data.pub.source", lang): t(f"publication.{publication.source}", lang),
            t("data.pub.as_of", lang): f"{publication.as_of:%d.%m.%Y}",
            t("data.pub.files", lang): ", ".join(names.get(publication.id, [])),
            t("data.pub.restored", lang): publication.restored_from or "",
        })
    return rows
