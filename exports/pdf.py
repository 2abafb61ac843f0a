"""The meeting report as PDF (reportlab), the same content as the deck, for those who print.

Text from input files (unit and requirement names) is escaped before it reaches reportlab's
paragraph markup, so it is printed as written and never read as markup."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from exports.figures import MeetingContent, MeetingImage
from i18n import MEETING_TITLE

# Images as binary streams: the ASCII85 text encoding (for 7-bit channels no PDF travels on)
# ran in pure Python and took most of the PDF's build time.
rl_config.useA85 = 0

PAGE = landscape(A4)
MARGIN = 1.5 * cm
DARK = colors.HexColor("#1F2A44")
GREY = colors.HexColor("#595959")
LIGHT = colors.HexColor("#F2F2F2")
ACCENT = colors.HexColor("#0072B2")
MARKER = colors.HexColor("#E69F00")  # the heatmaps' orange: the sample-data band
CELL_CHARACTERS = 300  # of one text in a cell or line; longer ones end in "…"
GAP_COLUMN_SHARES = (0.08, 0.33, 0.21, 0.11, 0.13, 0.14)

_base = getSampleStyleSheet()
TITLE = ParagraphStyle("title", parent=_base["Title"], fontSize=30, leading=36, alignment=0,
                       textColor=DARK, spaceAfter=12)
HEADING = ParagraphStyle("heading", parent=_base["Heading1"], fontSize=20, leading=24,
                         textColor=DARK, spaceAfter=4)
BODY = ParagraphStyle("body", parent=_base["BodyText"], fontSize=12, leading=16,
                      textColor=GREY)
BULLET = ParagraphStyle("bullet", parent=BODY, fontSize=14, leading=20, leftIndent=14,
                        bulletIndent=0, textColor=DARK)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=11, leading=13, textColor=DARK)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName="Helvetica-Bold")
KPI_LABEL = ParagraphStyle("kpi_label", parent=BODY, fontSize=13, leading=16)
KPI_VALUE = ParagraphStyle("kpi_value", parent=BODY, fontSize=30, leading=36,
                           fontName="Helvetica-Bold", textColor=DARK)
KPI_NOTE = ParagraphStyle("kpi_note", parent=BODY, fontSize=18, leading=22,
                          fontName="Helvetica-Bold", textColor=ACCENT)


def _fitted(text: str) -> str:
    """Text from a file cut to what a table cell can hold: a cell taller than the page stops
    reportlab's layout (a unit name may be 32,767 characters long)."""
    return text if len(text) <= CELL_CHARACTERS else text[:CELL_CHARACTERS - 1] + "…"


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_fitted(text)), style)


def _kpi_grid(content: MeetingContent, width: float) -> Table:
    per_row = 3
    cells = [[_p(k.label, KPI_LABEL), _p(k.value, KPI_VALUE), _p(k.note or " ", KPI_NOTE)]
             for k in content.kpis]
    cells += [""] * (-len(cells) % per_row)
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
        ("GRID", (0, 0), (-1, -1), 6, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
    ]))
    return table


def _image(image: MeetingImage, width: float, height: float) -> Image:
    scale = min(width / image.width, height / image.height)
    return Image(io.BytesIO(image.png), width=image.width * scale, height=image.height * scale)


def _gap_table(content: MeetingContent, width: float) -> Table:
    frame = content.gaps
    last = len(frame)
    rows = [[_p(str(c), CELL_BOLD) for c in frame.columns]]
    rows += [[_p(str(v), CELL_BOLD if i == last - 1 else CELL) for v in values]
             for i, values in enumerate(frame.astype(str).values.tolist())]
    table = Table(rows, colWidths=[width * share for share in GAP_COLUMN_SHARES], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("BACKGROUND", (0, last), (-1, last), LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 1, GREY),
        ("LINEBELOW", (0, 1), (-1, last - 1), 0.25, colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _story(content: MeetingContent) -> list[Flowable]:
    width = PAGE[0] - 2 * MARGIN
    image_height = PAGE[1] - 2 * MARGIN - 3.2 * cm
    story: list[Flowable] = [
        _p(MEETING_TITLE, TITLE),
        _p(f"{content.scope} · beregnet per {content.as_of_text}", HEADING),
        _p(content.suppression_note, BODY),
        Spacer(1, 0.6 * cm),
        _kpi_grid(content, width),
    ]
    if content.change:
        story += [Spacer(1, 0.4 * cm), _p(content.change, BULLET)]
    for image in content.images:
        story.append(PageBreak() if image.own_page else Spacer(1, 0.6 * cm))
        story.append(KeepTogether([_p(image.title, HEADING), _p(image.caption, BODY),
                                   Spacer(1, 0.3 * cm), _image(image, width, image_height)]))
    story += [PageBreak(), _p("Enhetene med mest å rette opp", HEADING),
              Spacer(1, 0.3 * cm), _gap_table(content, width)]
    story += [PageBreak(), _p("Om tallene", HEADING), Spacer(1, 0.3 * cm)]
    story += [Paragraph(escape(_fitted(line)), BULLET, bulletText="•")
              for line in [*content.about, content.suppression_note]]
    return story


def draw_marker(canvas: Canvas, page: tuple[float, float], margin: float, marker: str) -> None:
    """The sample-data band at the top right of a page."""
    canvas.saveState()
    canvas.setFillColor(MARKER)
    canvas.rect(page[0] - margin - 8 * cm, page[1] - 1.2 * cm, 8 * cm, 0.8 * cm, stroke=0,
                fill=1)
    canvas.setFillColor(DARK)
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawCentredString(page[0] - margin - 4 * cm, page[1] - 0.95 * cm, marker)
    canvas.restoreState()


def build_pdf(content: MeetingContent, target: str | Path | BinaryIO) -> None:
    """Lay out the meeting content on landscape A4 pages with a footer."""
    footer = f"{content.scope} · per {content.as_of_text} · {content.suppression_note}"

    def decorate(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 0.8 * cm, footer)
        canvas.drawRightString(PAGE[0] - MARGIN, 0.8 * cm, f"Side {document.page}")
        canvas.restoreState()
        if content.marker:  # every page of a sample-data report says so, top right
            draw_marker(canvas, PAGE, MARGIN, content.marker)

    document = SimpleDocTemplate(
        target, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"{MEETING_TITLE} – {content.scope}", author="",
        creator="", producer="", subject=f"Beregnet per {content.as_of_text}")
    document.build(_story(content), onFirstPage=decorate, onLaterPages=decorate)

