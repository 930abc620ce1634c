"""When ksd tick must read the open DPRD tracks again, whatever their schedule says.

The tick keeps, on each open track, the day it must next read it (DprdReview.next_check_on),
counted with the DPRD clocks and the working-day calendar of the day it read it. A change of
either can move every open track's deadlines: the administrator's DPRD clocks of PP 28/2018
(ClockSetting) or a holiday override. Then every open track is read on the next run, as if it
had never been read, so no notice comes late. A saved cooperation or party (a step, a
correction of its dates, its regulation or a region's burden facts) has that cooperation's
tracks read again the same way; a saved track resets itself (DprdReview.save).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from ksd.dprd.models import ClockSetting, DprdReview


def read_every_open_track_again(**_kwargs: Any) -> None:
    DprdReview.objects.filter(
        approved_on__isnull=True, rejected_on__isnull=True, deemed_approved_on__isnull=True
    ).exclude(next_check_on__isnull=True).update(next_check_on=None)


def read_its_tracks_again(instance: Any, **_kwargs: Any) -> None:
    cooperation_id = getattr(instance, "cooperation_id", None) or instance.pk
    DprdReview.objects.filter(cooperation_id=cooperation_id).exclude(
        next_check_on__isnull=True
    ).update(next_check_on=None)


def connect() -> None:
    from ksd.cooperation.models import Cooperation, Party
    from ksd.regions.models import HolidayOverride

    for model in (ClockSetting, HolidayOverride):
        for signal in (post_save, post_delete):
            signal.connect(
                read_every_open_track_again, sender=model, dispatch_uid=f"tick-{model.__name__}"
            )
    for model in (Cooperation, Party):
        post_save.connect(
            read_its_tracks_again, sender=model, dispatch_uid=f"tick-{model.__name__}"
        )
