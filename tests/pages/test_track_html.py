"""The cooperation page's DPRD tracks, written in Python, read as dprd/_track.html writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import get_template
from django.utils import translation

from ksd.cooperation.queries import Deadline, DprdTrack
from ksd.cooperation.track_html import tracks_html
from ksd.dprd.models import DprdReview

D = dt.date


def _deadline(name: str, due: dt.date, left: int) -> Deadline:
    explanation = "Start 2 Januari 2025\n<hari libur> & cuti bersama"
    return Deadline(name, due, "UU 23/2014 Pasal 363 ayat (3)", left, explanation, ())


def _tracks() -> list[DprdTrack]:
    review = DprdReview(received_on=D(2025, 1, 2), opinion_sent_on=D(2025, 2, 3),
                        resubmitted_on=D(2025, 2, 3), approved_on=None, rejected_on=D(2025, 3, 4))  # fmt: skip
    open_review = DprdReview(received_on=D(2025, 1, 2))
    return [
        DprdTrack("3404", 'Kabupaten "Sleman" <&>', "opinion_given", True, review,
                  deadlines=[_deadline("assessment_due", D(2025, 1, 20), -1),
                             _deadline("revision_due", D(2025, 2, 20), 3)]),
        DprdTrack("3401", "Kabupaten Kulon Progo", "under_review", True, open_review,
                  deadlines=[_deadline("assessment_due", D(2025, 1, 20), -12)]),
        DprdTrack("3402", "Kabupaten Bantul", "under_review", True, open_review,
                  deadlines=[_deadline("assessment_due", D(2025, 1, 20), 1)]),
        DprdTrack("3403", "Kabupaten Gunungkidul", "not_required", False, None,
                  reasons=["Tidak membebani <APBD> (Pasal 9)", "Kedua"]),
        DprdTrack("3471", "Kota Yogyakarta", "not_submitted", None, None),
    ]  # fmt: skip


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_tracks_read_as_the_template_writes_them(language: str) -> None:
    template = get_template("dprd/_track.html")
    with translation.override(language):
        tracks = _tracks()
        expected = "".join(template.render({"track": t}) for t in tracks)
        written = tracks_html(tracks)

    assert written == expected
    assert "<&>" not in written
    assert "<hari libur>" not in written
    assert "<APBD>" not in written
    assert written.count("ksd-countdown overdue") == 1
    assert written.count('ksd-countdown"') == 2
