"""PP 50/2007 on the procedure of regional cooperation, in force 2007-08-22 to 2018-07-12."""

from __future__ import annotations

from ksd.law.pp50_2007.bodies import badan_kerja_sama
from ksd.law.pp50_2007.cite import REGULATION
from ksd.law.pp50_2007.contents import letter_contents, required_contents
from ksd.law.pp50_2007.copies import (
    advised_agreement_copies,
    agreement_copies,
    dprd_letter_copies,
)
from ksd.law.pp50_2007.disputes import dispute_route
from ksd.law.pp50_2007.dprd import approval, dprd_track
from ksd.law.pp50_2007.subjects import pair_kind, parties_findings
from ksd.law.pp50_2007.termination import termination, termination_grounds
from ksd.law.pp50_2007.uu23_sekretariat import sekretariat_kerja_sama
from ksd.law.verdicts import RegimeRules

RULES = RegimeRules(
    regulation=REGULATION,
    eligibility=parties_findings,
    pair_kind=pair_kind,
    dprd_approval=approval,
    dprd_track=dprd_track,
    required_contents=required_contents,
    letter_contents=letter_contents,
    dprd_letter_copies=dprd_letter_copies,
    agreement_copies=agreement_copies,
    advised_agreement_copies=advised_agreement_copies,
    dispute_route=dispute_route,
    badan_kerja_sama=badan_kerja_sama,
    sekretariat_kerja_sama=sekretariat_kerja_sama,
    termination=termination,
    termination_grounds=termination_grounds,
)
