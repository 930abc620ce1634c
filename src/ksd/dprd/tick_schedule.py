"""When ksd tick must read the open DPRD tracks again, whatever their schedule says.

The tick keeps, on each open track, the day it must next read it (DprdReview.next_check_on),
counted with the DPRD clocks and the working-day calendar of the day it read it. A change of
either can move every open track's deadlines: the administrator's DPRD clocks of PP 28/2018
(ClockSetting) or a holiday override. Then every open track is read on the next run, as if it
had never been read, so no notice comes late.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from ksd.dprd.models import ClockSetting, DprdReview


def read_every_open_track_again(**_kwargs: Any) -> None:
    DprdReview.objects.filter(
        approved_on__isnull=True, rejected_on__isnull=True, deemed_approved_on__isnull=True
    ).exclude(next_check_on__isnull=True).update(next_check_on=None)


def connect() -> None:
    from ksd.regions.models import HolidayOverride

    for model in (ClockSetting, HolidayOverride):
        for signal in (post_save, post_delete):
            signal.connect(
                read_every_open_track_again, sender=model, dispatch_uid=f"tick-{model.__name__}"
            )
