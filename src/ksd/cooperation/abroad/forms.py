"""Forms for cooperation abroad: the partners on the offer, and the central steps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FOREIGN_ROWS = 2
KIND_CHOICES = [
    ("", "—"),
    ("pemerintah_daerah", _("Foreign local government (KSDPL)")),
    ("lembaga", _("Foreign institution (KSDLL)")),
]
STEP_CHOICES = [
    (
        "consultation",
        _("Consultation with the Minister and the Foreign Minister (Pasal 28 ayat (4))"),
    ),
    ("pernyataan_kehendak", _("Letter of intent signed (Pasal 28 ayat (4))")),
    ("minister_verification", _("The Minister's verification of the plan (Pasal 31)")),
    ("draft_approval", _("Draft approved after the inter-ministerial meeting (Pasal 32)")),
    ("foreign_minister_confirmation", _("The Foreign Minister's confirmation (Pasal 33)")),
    ("report", _("Report to the Minister (Pasal 43)")),
]
RESULT_CHOICES = [
    ("", "—"),
    ("rancangan", _("Draft the text (Pasal 31 ayat (3) huruf b)")),
    ("perbaikan", _("Revise the plan (Pasal 31 ayat (3) huruf a)")),
]


def add_foreign_fields(form: forms.Form) -> None:
    """The rows for partners abroad on the offer form: name, kind, country."""
    for i in range(1, FOREIGN_ROWS + 1):
        form.fields[f"foreign_{i}_name"] = forms.CharField(
            label=_("Partner abroad %(n)d: name") % {"n": i}, max_length=200, required=False
        )
        form.fields[f"foreign_{i}_kind"] = forms.ChoiceField(
            label=_("kind"), choices=KIND_CHOICES, required=False
        )
        form.fields[f"foreign_{i}_country"] = forms.CharField(
            label=_("country (ISO code, e.g. JP)"), max_length=2, required=False
        )


def foreign_rows(form: forms.Form) -> list[list[forms.BoundField]]:
    return [
        [form[f"foreign_{i}_{k}"] for k in ("name", "kind", "country")]
        for i in range(1, FOREIGN_ROWS + 1)
    ]


def clean_foreign(form: forms.Form, data: dict[str, Any]) -> None:
    for i in range(1, FOREIGN_ROWS + 1):
        if data.get(f"foreign_{i}_name"):
            if not data.get(f"foreign_{i}_kind"):
                form.add_error(f"foreign_{i}_kind", _("Choose the kind of partner."))
            if not data.get(f"foreign_{i}_country"):
                form.add_error(f"foreign_{i}_country", _("Give the country's ISO code."))


def foreign_partners(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (data[f"foreign_{i}_name"], data[f"foreign_{i}_kind"], data[f"foreign_{i}_country"])
        for i in range(1, FOREIGN_ROWS + 1)
        if data.get(f"foreign_{i}_name")
    ]


class ForeignStepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"), choices=STEP_CHOICES)
    on = forms.DateField(label=_("Date"), widget=DATE)
    reference = forms.CharField(label=_("Letter number"), max_length=200, required=False)
    result = forms.ChoiceField(
        label=_("The Minister's consideration"), choices=RESULT_CHOICES, required=False
    )


REQUIREMENT_LABELS = [
    ("hubungan_diplomatik", _("Diplomatic relations exist (Pasal 27 ayat (1) huruf a)")),
    ("urusan_pemerintah_daerah", _("It is an affair of the regional government (huruf b)")),
    ("tanpa_kantor_perwakilan", _("No representative office abroad (huruf c)")),
    (
        "tidak_mencampuri_urusan_dalam_negeri",
        _("The partner does not interfere in domestic affairs (huruf d)"),
    ),
    (
        "sesuai_rencana_pembangunan",
        _("In line with national and regional development plans (huruf e)"),
    ),
    ("alih_iptek", _("Science and technology pass to Indonesian people (ayat (2))")),
    ("kesetaraan", _("Equal status and territory (ayat (3) huruf a, KSDPL)")),
    ("saling_melengkapi", _("The parties complement each other (ayat (3) huruf b, KSDPL)")),
    (
        "peningkatan_hubungan_masyarakat",
        _("Closer ties between the peoples (ayat (3) huruf c, KSDPL)"),
    ),
]
PLAN_LABELS = [
    ("subjek", _("Parties (subject)")),
    ("latar_belakang", _("Background")),
    ("maksud_tujuan_sasaran", _("Aims, objectives and targets")),
    ("objek", _("Object")),
    ("ruang_lingkup", _("Scope")),
    ("sumber_pembiayaan", _("Source of funding")),
    ("jangka_waktu", _("Term")),
]
OBJECT_LABELS = [
    ("", "—"),
    ("iptek", _("Science and technology")),
    ("budaya", _("Culture")),
    ("teknis_manajemen", _("Technical and management capacity")),
    ("promosi", _("Promotion of the region")),
    ("lainnya", _("Other")),
]


class ForeignFactsForm(forms.Form):
    """Pasal 23 ayat (2) (object), Pasal 27 (requirements met), Pasal 30 ayat (3) (the plan)."""

    object_code = forms.ChoiceField(
        label=_("Object (Pasal 23 ayat (2))"), choices=OBJECT_LABELS, required=False
    )
    requirements = forms.MultipleChoiceField(
        label=_("Requirements met (Pasal 27)"), choices=REQUIREMENT_LABELS, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    plan_contents = forms.MultipleChoiceField(
        label=_("The plan contains (Pasal 30 ayat (3))"), choices=PLAN_LABELS, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
