"""Reading a generated document's text back, as a user opening it would."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
