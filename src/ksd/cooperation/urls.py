"""URLs of the cooperation app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.cooperation import correction_views, foreign_views, history_views, later_views, views

app_name = "cooperation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("kerja-sama/", views.register, name="register"),
    path("kerja-sama/baru/", views.new, name="new"),
    path("kerja-sama/<int:pk>/", views.detail, name="detail"),
    path("kerja-sama/<int:pk>/riwayat/", history_views.history, name="history"),
    path("kerja-sama/<int:pk>/jawab-penawaran/", views.answer_offer, name="answer_offer"),
    path(
        "kerja-sama/<int:pk>/kesepakatan-bersama/",
        views.sign_joint_agreement,
        name="sign_joint_agreement",
    ),
    path("kerja-sama/<int:pk>/rancangan/", views.draft_agreement, name="draft_agreement"),
    path("kerja-sama/<int:pk>/tanda-tangan/", views.sign_agreement, name="sign_agreement"),
    path("kerja-sama/<int:pk>/pendapat/", later_views.request_opinions, name="request_opinions"),
    path(
        "kerja-sama/<int:pk>/penanda-tangan/", later_views.record_signatory, name="record_signatory"
    ),
    path("kerja-sama/<int:pk>/salinan/", later_views.send_copies, name="send_copies"),
    path(
        "kerja-sama/<int:pk>/pelaksanaan/",
        later_views.start_implementation,
        name="start_implementation",
    ),
    path("kerja-sama/<int:pk>/adendum/", later_views.amend, name="amend"),
    path("kerja-sama/<int:pk>/pengakhiran/", later_views.terminate, name="terminate"),
    path("kerja-sama/<int:pk>/terbitkan/", later_views.publish, name="publish"),
    path("kerja-sama/<int:pk>/perselisihan/", later_views.raise_dispute, name="raise_dispute"),
    path(
        "kerja-sama/<int:pk>/perselisihan/putusan/",
        later_views.settle_dispute,
        name="settle_dispute",
    ),
    # Record keeping (cooperation/correction_views.py)
    path("kerja-sama/<int:pk>/koreksi/", correction_views.correct_fact, name="correct_fact"),
    path(
        "kerja-sama/<int:pk>/koreksi/jawaban/",
        correction_views.correct_answer_date,
        name="correct_answer_date",
    ),
    path(
        "kerja-sama/<int:pk>/koreksi/dprd/",
        correction_views.correct_dprd_date,
        name="correct_dprd_date",
    ),
    path(
        "kerja-sama/<int:pk>/koreksi/beban/", correction_views.correct_burden, name="correct_burden"
    ),
    path(
        "kerja-sama/<int:pk>/koreksi/pihak/",
        correction_views.correct_parties,
        name="correct_parties",
    ),
    path(
        "kerja-sama/<int:pk>/tarik-penawaran/",
        correction_views.withdraw_offer,
        name="withdraw_offer",
    ),
    path("kerja-sama/<int:pk>/batalkan/", correction_views.cancel_record, name="cancel_record"),
    path("kerja-sama/audit/", correction_views.audit, name="audit"),
    path("kerja-sama/<int:pk>/luar-negeri/", foreign_views.record_step, name="foreign_step"),
    path(
        "kerja-sama/<int:pk>/luar-negeri/persyaratan/",
        foreign_views.state_facts,
        name="foreign_facts",
    ),
    path("dasbor/", views.dashboard, name="dashboard"),
    path("publik/", views.public_register, name="public_register"),
    path("publik/<int:pk>/", views.public_detail, name="public_detail"),
]
