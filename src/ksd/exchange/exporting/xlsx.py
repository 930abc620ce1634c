"""Workbooks as bytes that depend only on their cells: the same register gives the same file.

openpyxl stamps the save time into docProps/core.xml and into every zip entry; both are set to
one fixed moment here, so an export can be compared byte for byte (the round trip of
tests/exchange) and a published file's checksum only changes when its data does.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

FIXED_STAMP = "2000-01-01T00:00:00Z"
_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def workbook_bytes(book: Any) -> bytes:
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMPS.sub(rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()
