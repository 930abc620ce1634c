"""When a draft may go to a DPRD, per regime: one rule for the service and the page alike.

PP 50/2007 Pasal 11 sends the draft agreement; PP 28/2018 Pasal 6 ayat (1) huruf e puts the DPRD
right after the joint agreement, before the agreement is drafted.
"""

from __future__ import annotations

from ksd.cooperation.models import Stage
from ksd.law.regimes import Regime

SUBMIT_STAGES: dict[Regime, tuple[Stage, ...]] = {
    Regime.PP50_2007: (Stage.DRAFTING, Stage.DPRD_REVIEW),
    Regime.PP28_2018: (Stage.JOINT_AGREEMENT, Stage.DRAFTING, Stage.DPRD_REVIEW),
}
