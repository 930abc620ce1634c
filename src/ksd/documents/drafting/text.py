"""The text of an uploaded DOCX or PDF, for the content check (check.py)."""

from __future__ import annotations

import io
import logging

logger = logging.getLogger(__name__)

# A draft agreement is tens of pages; reading further adds nothing and costs time.
MAX_PDF_PAGES = 200


def docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES])


def read_text(content: bytes, content_type: str) -> str | None:
    """The document's text, or None when it cannot be read (a damaged file, a scanned PDF
    has no text layer and gives an empty string)."""
    try:
        if content_type == "application/pdf":
            return pdf_text(content)
        return docx_text(content)
    except Exception:  # a malformed upload must not break the upload; the report says so
        logger.warning("Could not read the text of an uploaded draft", exc_info=True)
        return None
