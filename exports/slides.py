"""The meeting deck (python-pptx): title, headline figures, heatmaps, top gaps, the rules.

Aggregate only: no person's name or id is written, and small groups are suppressed."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from exports.figures import MeetingContent, MeetingImage
from i18n import MEETING_TITLE

SLIDE_WIDTH = Inches(13.333)
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.5)
DARK = RGBColor(0x1F, 0x2A, 0x44)
GREY = RGBColor(0x59, 0x59, 0x59)
LIGHT = RGBColor(0xF2, 0xF2, 0xF2)
ACCENT = RGBColor(0x00, 0x72, 0xB2)  # the blue of the heatmaps' colour scale
MARKER = RGBColor(0xE6, 0x9F, 0x00)  # the scale's orange: the sample-data band
BLANK_LAYOUT = 6
LONG_TITLE = 48  # characters; longer slide titles get a smaller size to stay on one line
GAP_COLUMN_WIDTHS = (1.2, 3.7, 3.0, 1.2, 1.5, 1.73)  # inches, the top gaps table


def _text(slide: Slide, left: int, top: int, width: int, height: int, text: str, size: int,
          *, bold: bool = False, colour: RGBColor = DARK,
          align: PP_ALIGN = PP_ALIGN.LEFT) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour


def _marker(slide: Slide, content: MeetingContent) -> None:
    """A sample-data band in the top right corner of every slide of a sample-data deck."""
    if not content.marker:
        return
    width, height = Inches(3.6), Inches(0.42)
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, SLIDE_WIDTH - width - Inches(0.2),
                                  Inches(0.08), width, height)
    band.fill.solid()
    band.fill.fore_color.rgb = MARKER
    band.line.fill.background()
    band.name = "Eksempeldata"
    frame = band.text_frame
    frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    run = frame.paragraphs[0].add_run()
    run.text = content.marker
    run.font.size, run.font.bold, run.font.color.rgb = Pt(14), True, DARK


def _slide(deck: Presentation, content: MeetingContent, title: str) -> Slide:
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    _marker(slide, content)
    _text(slide, MARGIN, Inches(0.3), SLIDE_WIDTH - 2 * MARGIN, Inches(0.8), title,
          30 if len(title) <= LONG_TITLE else 22, bold=True)
    _text(slide, MARGIN, SLIDE_HEIGHT - Inches(0.5), SLIDE_WIDTH - 2 * MARGIN, Inches(0.35),
          f"{content.scope} · per {content.as_of_text} · {content.suppression_note}", 11,
          colour=GREY)
    return slide


def _title_slide(deck: Presentation, content: MeetingContent) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    _marker(slide, content)
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(2.2), SLIDE_WIDTH, Inches(0.12))
    band.fill.solid()
    band.fill.fore_color.rgb = ACCENT
    band.line.fill.background()
    width = SLIDE_WIDTH - 2 * MARGIN
    _text(slide, MARGIN, Inches(2.6), width, Inches(1.2), MEETING_TITLE, 44, bold=True)
    _text(slide, MARGIN, Inches(3.8), width, Inches(0.7),
          f"{content.scope} · beregnet per {content.as_of_text}", 26, colour=GREY)
    _text(slide, MARGIN, Inches(4.8), width, Inches(0.8), content.suppression_note, 16,
          colour=GREY)


def _kpi_slide(deck: Presentation, content: MeetingContent) -> None:
    slide = _slide(deck, content, "Hovedtall")
    per_row, gap = 3, Inches(0.3)
    width = int((SLIDE_WIDTH - 2 * MARGIN - (per_row - 1) * gap) / per_row)
    height = Inches(2.4)
    for index, kpi in enumerate(content.kpis):
        row, column = divmod(index, per_row)
        left = MARGIN + column * (width + gap)
        top = Inches(1.4) + row * (height + gap)
        box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
        box.fill.solid()
        box.fill.fore_color.rgb = LIGHT
        box.line.fill.background()
        inner = width - Inches(0.4)
        _text(slide, left + Inches(0.2), top + Inches(0.15), inner, Inches(0.6), kpi.label, 16,
              colour=GREY)
        _text(slide, left + Inches(0.2), top + Inches(0.8), inner, Inches(0.8), kpi.value, 32,
              bold=True)
        if kpi.note:
            _text(slide, left + Inches(0.2), top + Inches(1.65), inner, Inches(0.5), kpi.note,
                  24, colour=ACCENT, bold=True)
    if content.change:
        _text(slide, MARGIN, Inches(6.5), SLIDE_WIDTH - 2 * MARGIN, Inches(0.45), content.change,
              18, colour=DARK)


def _image_slide(deck: Presentation, content: MeetingContent, image: MeetingImage) -> None:
    slide = _slide(deck, content, image.title)
    _text(slide, MARGIN, Inches(1.0), SLIDE_WIDTH - 2 * MARGIN, Inches(0.55), image.caption, 14,
          colour=GREY)
    top, bottom = Inches(1.65), SLIDE_HEIGHT - Inches(0.6)
    room_width, room_height = SLIDE_WIDTH - 2 * MARGIN, bottom - top
    scale = min(room_width / image.width, room_height / image.height)
    width, height = Emu(int(image.width * scale)), Emu(int(image.height * scale))
    picture = slide.shapes.add_picture(io.BytesIO(image.png), int((SLIDE_WIDTH - width) / 2),
                                       top, width, height)
    picture.name = image.title
    picture._element.nvPicPr.cNvPr.set("descr", f"{image.title}. {image.caption}")


def _gaps_slide(deck: Presentation, content: MeetingContent) -> None:
    slide = _slide(deck, content, "Enhetene med mest å rette opp")
    frame = content.gaps
    rows, columns = len(frame) + 1, len(frame.columns)
    width = sum(Inches(w) for w in GAP_COLUMN_WIDTHS)
    table = slide.shapes.add_table(rows, columns, MARGIN, Inches(1.2), width,
                                   Inches(0.42) * rows).table
    for index, inches in enumerate(GAP_COLUMN_WIDTHS):
        table.columns[index].width = Inches(inches)
    body = [list(frame.columns), *frame.astype(str).values.tolist()]
    for r, values in enumerate(body):
        for c, value in enumerate(values):
            run = table.cell(r, c).text_frame.paragraphs[0].add_run()
            run.text = value
            font = run.font
            font.size = Pt(12 if r == 0 else 14)
            font.bold = r in (0, rows - 1)
            if r == rows - 1:
                table.cell(r, c).fill.solid()
                table.cell(r, c).fill.fore_color.rgb = LIGHT
                font.color.rgb = DARK


def _about_slide(deck: Presentation, content: MeetingContent) -> None:
    slide = _slide(deck, content, "Om tallene")
    lines = [*content.about, content.suppression_note]
    _text(slide, MARGIN, Inches(1.3), SLIDE_WIDTH - 2 * MARGIN, Inches(5.4),
          "\n".join(f"•  {line}" for line in lines), 20)
    for paragraph in slide.shapes[-1].text_frame.paragraphs:
        paragraph.space_after = Pt(10)


def build_deck(content: MeetingContent) -> Presentation:
    """The deck for already computed meeting content."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _title_slide(deck, content)
    _kpi_slide(deck, content)
    for image in content.images:
        _image_slide(deck, content, image)
    _gaps_slide(deck, content)
    _about_slide(deck, content)
    properties = deck.core_properties
    properties.author = ""
    properties.last_modified_by = ""
    properties.title = f"{MEETING_TITLE} – {content.scope}"
    properties.subject = f"Beregnet per {content.as_of_text}"
    properties.keywords = ""
    properties.comments = ""
    properties.revision = 1
    return deck

