"""Checking a region's own DOCX template before KSD uses it: a DOCX within the size limit,
Jinja that parses, only the variables KSD provides, the loop over `parts` present, and a
rendering with a sample document that succeeds. Every refusal is a sentence in Bahasa
Indonesia (through gettext) that says what to fix."""

from __future__ import annotations

import io
import zipfile

from django.utils.translation import gettext as _

from ksd.core.errors import StepRefused
from ksd.documents.drafting.parts import Part, Section, Signer

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024
KNOWN_VARIABLES = frozenset({"parts", "letterhead"})
REQUIRED_VARIABLES = frozenset({"parts"})
# What the sample document must show once rendered: the loop over the parts really ran.
SAMPLE_MARK = "KSD-CONTOH-7b4e"


def sample_parts() -> list[Part]:
    return [
        Part(
            title=f"PERJANJIAN KERJA SAMA\n{SAMPLE_MARK}", number="Nomor: 000/CONTOH",
            place_date="1 Januari 2025", recipient=["Kepada Yth.", "Contoh"], subject="Contoh",
            opening=["Contoh pembukaan."],
            sections=[Section(["Contoh isi pasal."], "CONTOH", 1), Section(["Contoh."], "Blok")],
            closing=["Contoh penutup."],
            signers=[Signer("PIHAK PERTAMA", "Pemerintah Contoh", "Nama Contoh", "Jabatan")],
            copies=["Contoh tembusan"], annex_title="Lampiran", annex=["Contoh lampiran"],
        ),
    ]  # fmt: skip


def too_large() -> StepRefused:
    return StepRefused(
        _("The template is larger than %(limit)d MB; remove large images and upload it again.")
        % {"limit": MAX_TEMPLATE_BYTES // (1024 * 1024)}
    )


def check_template(content: bytes) -> None:
    """Refuse (StepRefused) a template KSD cannot use, saying why."""
    if len(content) > MAX_TEMPLATE_BYTES:
        raise too_large()
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise zipfile.BadZipFile
    except zipfile.BadZipFile:
        raise StepRefused(_("The template must be a Word document (DOCX).")) from None
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError, TemplateSyntaxError

    try:
        template = DocxTemplate(io.BytesIO(content))
        used = set(template.get_undeclared_template_variables())
    except TemplateSyntaxError as error:
        raise StepRefused(
            _("The template has a tag KSD cannot read (%(error)s). Check the {{ }} and {%% %%} "
              "tags in the Word document.") % {"error": error.message}
        ) from None  # fmt: skip
    except Exception:
        raise StepRefused(_("The template cannot be opened as a Word document.")) from None
    unknown = sorted(used - KNOWN_VARIABLES)
    if unknown:
        raise StepRefused(
            _("The template uses variables KSD does not provide: %(names)s. Known: %(known)s.")
            % {"names": ", ".join(unknown), "known": ", ".join(sorted(KNOWN_VARIABLES))}
        )
    absent = sorted(REQUIRED_VARIABLES - used)
    if absent:
        raise StepRefused(
            _("The template lacks the loop over the document's parts ({%%p for part in parts %%}"
              " … {%%p endfor %%}); see the shipped template.")
        )  # fmt: skip
    from ksd.documents.drafting.render import to_docx

    try:
        rendered = to_docx(sample_parts(), content, letterhead="KOP CONTOH")
    except TemplateError as error:
        raise StepRefused(
            _("The template could not be filled with a sample document: %(error)s.")
            % {"error": getattr(error, "message", None) or str(error)}
        ) from None
    except Exception as error:
        raise StepRefused(
            _("The template could not be filled with a sample document: %(error)s.")
            % {"error": type(error).__name__}
        ) from None
    from ksd.documents.drafting.text import docx_text

    if SAMPLE_MARK not in docx_text(rendered):
        raise StepRefused(
            _("The template does not show the document's title ({{ part.title }} or "
              "part.title_lines) inside the loop over the parts.")
        )  # fmt: skip
