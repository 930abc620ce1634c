"""Writes the DOCX template KSD ships (templates/standar.docx): plain A4 pages with docxtpl's
Jinja tags laid out as a region's own template would lay them out. Run it after changing the
layout: `python -m ksd.documents.drafting.build_template`.

A region's template (docs/documents.md) uses the same variables: `letterhead`, and the loop
over `parts`, each with `title`, `number`, `place_date`, `recipient`, `subject`, `opening`,
`title_lines`, `sections` (`heading`, `title`, `paragraphs`), `closing`, `signers` (`role`, `party`, `name`,
`position`), `copies`, `annex_title`, `annex`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

TEMPLATE = Path(__file__).with_name("templates") / "standar.docx"


def _line(document: Document, text: str, *, bold: bool = False, center: bool = False) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def build(path: Path = TEMPLATE) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    tags = [
        ("{%p for part in parts %}", {}),
        ("{%p if not loop.first %}", {}),
    ]
    for text, options in tags:
        _line(document, text, **options)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for text, options in [
        ("{%p endif %}", {}),
        ("{{ letterhead }}", {"bold": True, "center": True}),
        ("{%p for line in part.title_lines %}", {}),
        ("{{ line }}", {"bold": True, "center": True}),
        ("{%p endfor %}", {}),
        ("{{ part.number }}", {"center": True}),
        ("{%p if part.place_date %}", {}),
        ("{{ part.place_date }}", {}),
        ("{%p endif %}", {}),
        ("{%p for line in part.recipient %}", {}),
        ("{{ line }}", {}),
        ("{%p endfor %}", {}),
        ("{%p if part.subject %}", {}),
        ("Perihal: {{ part.subject }}", {}),
        ("{%p endif %}", {}),
        ("{%p for line in part.opening %}", {}),
        ("{{ line }}", {}),
        ("{%p endfor %}", {}),
        ("{%p for section in part.sections %}", {}),
        ("{%p if section.heading %}", {}),
        ("{{ section.heading }}", {"bold": True, "center": True}),
        ("{%p endif %}", {}),
        ("{%p if section.title %}", {}),
        ("{{ section.title }}", {"bold": True, "center": True}),
        ("{%p endif %}", {}),
        ("{%p for line in section.paragraphs %}", {}),
        ("{{ line }}", {}),
        ("{%p endfor %}", {}),
        ("{%p endfor %}", {}),
        ("{%p for line in part.closing %}", {}),
        ("{{ line }}", {}),
        ("{%p endfor %}", {}),
        ("{%p for signer in part.signers %}", {}),
        ("{{ signer.role }}", {"bold": True}),
        ("{{ signer.party }}", {}),
        ("", {}),
        ("{{ signer.name }}", {"bold": True}),
        ("{{ signer.position }}", {}),
        ("{%p endfor %}", {}),
        ("{%p if part.copies %}", {}),
        ("Tembusan:", {}),
        ("{%p for line in part.copies %}", {}),
        ("{{ loop.index }}. {{ line }}", {}),
        ("{%p endfor %}", {}),
        ("{%p endif %}", {}),
        ("{%p if part.annex %}", {}),
        ("{{ part.annex_title }}", {"bold": True}),
        ("{%p for line in part.annex %}", {}),
        ("{{ line }}", {}),
        ("{%p endfor %}", {}),
        ("{%p endif %}", {}),
        ("{%p endfor %}", {}),
    ]:
        _line(document, text, **options)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
