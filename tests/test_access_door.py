"""Views reach cooperation records only through the access door (src/ksd/core/access.py), so a
user never sees what their role and region do not allow (STYLE §5.4)."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ksd"
DIRECT = re.compile(r"\b(Cooperation|DprdReview|Party|Event|Document)\.objects\.(get|filter|all)\(")


def test_no_view_queries_cooperation_records_directly() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.glob("*/views.py")
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if DIRECT.search(line)
    ]
    assert offenders == [], f"use ksd.core.access instead: {offenders}"
