"""The lifecycle steps under one name, for callers outside the step packages (the API, imports,
other apps, tests): `from ksd.cooperation import services; services.make_offer(...)`.

Each step lives with its pages in its own package (see README.md); this module only gathers
their public functions and imports no views.
"""

from __future__ import annotations

from ksd.cooperation.after_signing.services import (
    amend,
    expire,
    publish,
    send_copies,
    start_implementation,
    terminate,
)
from ksd.cooperation.common import expect_stage, lock, refuse_on_errors
from ksd.cooperation.offer.services import (
    MAX_TERM_YEARS,
    BurdenFacts,
    PartySpec,
    accept_offer,
    decline_offer,
    draft_agreement,
    make_offer,
    record_burdens,
    sign_joint_agreement,
)
from ksd.cooperation.signing.services import (
    OPINION_ADDRESSEES,
    issue_power_of_attorney,
    record_signatory,
    request_opinions,
    sign_agreement,
)
from ksd.core.errors import StepRefused  # what every step raises, long reachable from here

__all__ = [
    "MAX_TERM_YEARS",
    "OPINION_ADDRESSEES",
    "BurdenFacts",
    "PartySpec",
    "StepRefused",
    "accept_offer",
    "amend",
    "decline_offer",
    "draft_agreement",
    "expect_stage",
    "expire",
    "issue_power_of_attorney",
    "lock",
    "make_offer",
    "publish",
    "record_burdens",
    "record_signatory",
    "refuse_on_errors",
    "request_opinions",
    "send_copies",
    "sign_agreement",
    "sign_joint_agreement",
    "start_implementation",
    "terminate",
]
