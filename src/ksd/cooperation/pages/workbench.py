"""The top of a cooperation's page: what this visitor can do now, each with its deadline, the
steps that would certainly be refused with what unblocks them, and a refused step's message.

It reads only what the page has already loaded (the forms, the DPRD tracks, the parties), so it
adds no query per party or per event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ksd.cooperation import queries
from ksd.cooperation.models import Cooperation, Stage


@dataclass(frozen=True)
class StepSpec:
    key: str
    url_name: str
    heading: Promise
    button: Promise
    has_article: bool = False


# Every step form of the page, in the order of the lifecycle; their POST endpoints live in the
# step packages and the dprd app.
STEPS: tuple[StepSpec, ...] = (
    StepSpec("answer", "cooperation:answer_offer", gettext_lazy("Answer the offer"),
             gettext_lazy("Record the answer")),
    StepSpec("joint", "cooperation:sign_joint_agreement",
             gettext_lazy("Sign the joint agreement (KB)"),
             gettext_lazy("Record the joint agreement")),
    StepSpec("draft", "cooperation:draft_agreement", gettext_lazy("Draft the agreement (PKS)"),
             gettext_lazy("Record the draft")),
    StepSpec("submit", "dprd:submit", gettext_lazy("Submit to the DPRD"),
             gettext_lazy("Record the submission")),
    StepSpec("opinion", "dprd:opinion", gettext_lazy("Record the DPRD opinion"),
             gettext_lazy("Record the opinion")),
    StepSpec("resubmit", "dprd:resubmit", gettext_lazy("Resubmit the revised draft"),
             gettext_lazy("Record the resubmission")),
    StepSpec("decide", "dprd:decide", gettext_lazy("Record the DPRD decision"),
             gettext_lazy("Record the decision")),
    StepSpec("sign", "cooperation:sign_agreement", gettext_lazy("Sign the agreement (PKS)"),
             gettext_lazy("Record the signing")),
    StepSpec("opinions", "cooperation:request_opinions",
             gettext_lazy("Ask for opinions on the draft"), gettext_lazy("Record the request"),
             has_article=True),
    StepSpec("signatory", "cooperation:record_signatory",
             gettext_lazy("Who signed for your region"), gettext_lazy("Record the signatory")),
    StepSpec("copies", "cooperation:send_copies",
             gettext_lazy("Send copies of the signed agreement"),
             gettext_lazy("Record the copies"), has_article=True),
    StepSpec("implement", "cooperation:start_implementation",
             gettext_lazy("Start implementation"), gettext_lazy("Record the start"),
             has_article=True),
    StepSpec("amend", "cooperation:amend", gettext_lazy("Amend or extend the agreement"),
             gettext_lazy("Record the amendment"), has_article=True),
    StepSpec("terminate", "cooperation:terminate", gettext_lazy("End the cooperation"),
             gettext_lazy("Record the ending"), has_article=True),
    StepSpec("dispute", "cooperation:raise_dispute", gettext_lazy("Record a dispute"),
             gettext_lazy("Record the dispute"), has_article=True),
    StepSpec("settle", "cooperation:settle_dispute",
             gettext_lazy("Record the settlement of the dispute"),
             gettext_lazy("Record the settlement")),
    StepSpec("publish", "cooperation:publish", gettext_lazy("Publish in the public register"),
             gettext_lazy("Publish"), has_article=True),
)  # fmt: skip
SPECS = {spec.key: spec for spec in STEPS}
# The steps whose form names the region whose DPRD track they move.
TRACK_STEPS = frozenset({"submit", "opinion", "resubmit", "decide"})
APPROVED = frozenset({"approved", "deemed_approved"})


@dataclass
class Step:
    """One step form on the page, with what the top of the page says about it."""

    key: str
    form: forms.Form
    action: str
    heading: str
    button: str
    article: str = ""
    deadline: queries.Deadline | None = None
    refused: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"step-{self.key}"


@dataclass
class Blocked:
    """A step this visitor would take but that would certainly be refused now: why, and what
    unblocks it (with a link where the unblocking happens elsewhere in KSD)."""

    key: str
    heading: str
    reasons: list[str]
    link: str = ""
    link_text: str = ""


def human(day: Any) -> str:
    """A date as people write it: 14 Juli 2026."""
    return date_format(day, "j F Y")


def refusal_of(form: forms.Form) -> list[str]:
    if not form.is_bound or not form.errors:
        return []
    found = [str(e) for e in form.non_field_errors()]
    return found or [_("Check the fields marked below.")]


def _sign_blockers(tracks: list[queries.DprdTrack]) -> list[str]:
    """Why signing would be refused today (signing/services.py sign_agreement asks the same of
    ksd.law, as of the signing date, which is never later than today)."""
    reasons = []
    for track in tracks:
        name = track.region_name
        if track.approval_required is None:
            reasons.append(
                _("the burden facts of %(region)s are not recorded yet: record them in the "
                  "draft agreement") % {"region": name}
            )  # fmt: skip
        elif track.approval_required and track.status not in APPROVED:
            due = track.next_deadline
            if track.status == "rejected":
                reasons.append(_("the DPRD of %(region)s refused its approval") % {"region": name})
            elif due is not None:
                reasons.append(
                    _("awaiting the approval of the DPRD of %(region)s, due %(date)s")
                    % {"region": name, "date": human(due.due_on)}
                )
            elif track.status == "not_submitted":
                reasons.append(
                    _("the draft has not been submitted to the DPRD of %(region)s yet")
                    % {"region": name}
                )
            else:
                reasons.append(
                    _("awaiting the approval of the DPRD of %(region)s") % {"region": name}
                )
    return reasons


def workbench(
    cooperation: Cooperation,
    step_forms: dict[str, forms.Form],
    articles: dict[str, str],
    tracks: list[queries.DprdTrack],
    *,
    own: str | None,
    signatory_missing: bool,
) -> dict[str, Any]:
    """The page's steps in lifecycle order, and the steps blocked now."""
    by_region = {t.region_code: t for t in tracks}
    blocked: list[Blocked] = []
    if "sign" in step_forms and not refusal_of(step_forms["sign"]):
        reasons = _sign_blockers(tracks)
        if reasons:
            del step_forms["sign"]
            blocked.append(Blocked("sign", str(SPECS["sign"].heading), reasons))
    if signatory_missing:
        blocked.append(
            Blocked(
                "signatory", str(SPECS["signatory"].heading),
                [_("There is no signing official for your region on the signing day: KSD can "
                   "only record a regional head or an official holding a Surat Kuasa.")],
                reverse("regions:new_official"), _("Add the official in the officials register"),
            )
        )  # fmt: skip
    steps = []
    for spec in STEPS:
        form = step_forms.get(spec.key)
        if form is None:
            continue
        step = Step(
            spec.key, form, reverse(spec.url_name, args=[cooperation.pk]), str(spec.heading),
            str(spec.button), articles.get(spec.key, "") if spec.has_article else "",
            refused=refusal_of(form),
        )  # fmt: skip
        if spec.key in TRACK_STEPS:
            region = form["region"].value() if "region" in form.fields else own
            track = by_region.get(region)
            step.deadline = track.next_deadline if track is not None else None
        steps.append(step)
    return {"steps": steps, "blocked": blocked, "refused": [s for s in steps if s.refused]}


def signatory_missing(user_region: str | None, cooperation: Cooperation, offered: bool) -> bool:
    """After signing, the operator's region has no signatory recorded and KSD knows no official
    who could have signed (so the step is not offered)."""
    if user_region is None or offered:
        return False
    if cooperation.stage not in (Stage.SIGNED, Stage.IMPLEMENTING):
        return False
    return not any(s.region_id == user_region for s in cooperation.signatories.all())
