"""What every lifecycle step shares: the row lock, the stage check, and refusing on an error
ksd.law finds. Each step runs in one transaction: it locks the cooperation row, asks ksd.law,
changes state and appends an Event; a refused step raises StepRefused naming the article and
changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from ksd.cooperation.law import assessment_for, law_lang
from ksd.cooperation.models import (
    Cooperation,
    Stage,
)
from ksd.core.errors import StepRefused
from ksd.law.citations import Severity


def lock(cooperation_id: int) -> Cooperation:
    """The cooperation, locked for the rest of the transaction, so two users' steps on it run
    one after the other (PostgreSQL row lock; SQLite's IMMEDIATE transactions serialise)."""
    try:
        cooperation = Cooperation.objects.select_for_update(no_key=True).get(pk=cooperation_id)
    except Cooperation.DoesNotExist:
        raise StepRefused(_("This cooperation does not exist.")) from None
    if cooperation.stage == Stage.CANCELLED:
        raise StepRefused(
            _("This record was cancelled as entered by mistake; nothing more is recorded on it.")
        )
    return cooperation


def expect_stage(cooperation: Cooperation, *stages: Stage) -> None:
    if cooperation.stage not in stages:
        raise StepRefused(
            _("This step is not possible at the stage “%(stage)s”.")
            % {"stage": Stage(cooperation.stage).label}
        )


def refuse_on_errors(
    cooperation: Cooperation, codes: set[str], *, as_of: dt.date,
    draft_contents: list[str] | None = None,
) -> None:  # fmt: skip
    """Refuse when ksd.law finds an error of one of `codes`: its own message and article."""
    lang = law_lang()
    assessment = assessment_for(cooperation, as_of=as_of, draft_contents=draft_contents)
    for finding in assessment.findings:
        if finding.code in codes and finding.severity is Severity.ERROR:
            raise StepRefused(finding.message.render(lang), str(finding.citation))
