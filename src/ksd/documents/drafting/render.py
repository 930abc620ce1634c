"""A drafted document's parts as DOCX (docxtpl, from the shipped template or a region's own)
or as PDF (WeasyPrint, from an HTML template). PDF needs Pango and HarfBuzz from the system;
where they are missing KSD runs on, offers DOCX only and says why (pdf_unavailable)."""

from __future__ import annotations

import functools
import io
from dataclasses import asdict
from pathlib import Path

from django.utils.translation import gettext as _

from ksd.documents.drafting.parts import Part

SHIPPED_TEMPLATE = Path(__file__).with_name("templates") / "standar.docx"
# The HTML WeasyPrint lays out; never served to a browser, so it keeps its own <style> out of
# the web templates the Content-Security-Policy audit reads (tests/core/test_content_security.py).
PDF_TEMPLATE = Path(__file__).with_name("pdf") / "document.html"


def context(parts: list[Part], letterhead: str = "") -> dict[str, object]:
    """What a DOCX template sees: plain dicts and lists, so a region's template can only read."""
    rows = []
    for part in parts:
        row = asdict(part)
        row["title_lines"] = part.title.split("\n")
        row["sections"] = [{**asdict(s), "heading": s.heading} for s in part.sections]
        rows.append(row)
    return {"letterhead": letterhead, "parts": rows}


def to_docx(parts: list[Part], template: bytes | None = None, letterhead: str = "") -> bytes:
    from docxtpl import DocxTemplate

    source = io.BytesIO(template) if template is not None else str(SHIPPED_TEMPLATE)
    document = DocxTemplate(source)
    document.render(context(parts, letterhead), autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@functools.cache
def _weasyprint_error() -> str | None:
    """Why WeasyPrint cannot run here, or None when it can. Importing it loads Pango through
    cffi, which raises OSError naming the missing library."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:
        return str(error).splitlines()[0][:300]
    return None


def pdf_unavailable() -> str | None:
    """A sentence for the user when PDF cannot be made on this server, or None."""
    error = _weasyprint_error()
    if error is None:
        return None
    return _(
        "PDF is not available on this server: the system libraries WeasyPrint needs (Pango, "
        "HarfBuzz) are missing (%(error)s). Download the DOCX instead, or ask the administrator "
        "to install them: apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0."
    ) % {"error": error}


def to_pdf(parts: list[Part], letterhead: str = "") -> bytes:
    from django.template import engines
    from weasyprint import HTML

    template = engines["django"].from_string(PDF_TEMPLATE.read_text(encoding="utf-8"))
    html = template.render({"parts": parts, "letterhead": letterhead})
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
