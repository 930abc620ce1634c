"""URLs of the cooperation app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.cooperation.abroad import views as abroad
from ksd.cooperation.after_signing import views as after_signing
from ksd.cooperation.corrections import views as corrections
from ksd.cooperation.disputes import views as disputes
from ksd.cooperation.offer import views as offer
from ksd.cooperation.pages import history
from ksd.cooperation.pages import views as pages
from ksd.cooperation.signing import views as signing

app_name = "cooperation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("kerja-sama/", pages.register, name="register"),
    path("kerja-sama/baru/", offer.new, name="new"),
    path("kerja-sama/<int:pk>/", pages.detail, name="detail"),
    path("kerja-sama/<int:pk>/riwayat/", history.history, name="history"),
    path("kerja-sama/<int:pk>/per/<str:day>/", pages.detail_as_of, name="detail_as_of"),
    path("kerja-sama/<int:pk>/jawab-penawaran/", offer.answer_offer, name="answer_offer"),
    path(
        "kerja-sama/<int:pk>/kesepakatan-bersama/",
        offer.sign_joint_agreement,
        name="sign_joint_agreement",
    ),
    path("kerja-sama/<int:pk>/rancangan/", offer.draft_agreement, name="draft_agreement"),
    path("kerja-sama/<int:pk>/tanda-tangan/", signing.sign_agreement, name="sign_agreement"),
    path("kerja-sama/<int:pk>/pendapat/", signing.request_opinions, name="request_opinions"),
    path("kerja-sama/<int:pk>/penanda-tangan/", signing.record_signatory, name="record_signatory"),
    path("kerja-sama/<int:pk>/salinan/", after_signing.send_copies, name="send_copies"),
    path(
        "kerja-sama/<int:pk>/pelaksanaan/",
        after_signing.start_implementation,
        name="start_implementation",
    ),
    path("kerja-sama/<int:pk>/adendum/", after_signing.amend, name="amend"),
    path("kerja-sama/<int:pk>/pengakhiran/", after_signing.terminate, name="terminate"),
    path("kerja-sama/<int:pk>/terbitkan/", after_signing.publish, name="publish"),
    path("kerja-sama/<int:pk>/perselisihan/", disputes.raise_dispute, name="raise_dispute"),
    path(
        "kerja-sama/<int:pk>/perselisihan/putusan/",
        disputes.settle_dispute,
        name="settle_dispute",
    ),
    # Record keeping (cooperation/corrections/views.py)
    path("kerja-sama/<int:pk>/koreksi/", corrections.correct_fact, name="correct_fact"),
    path(
        "kerja-sama/<int:pk>/koreksi/jawaban/",
        corrections.correct_answer_date,
        name="correct_answer_date",
    ),
    path(
        "kerja-sama/<int:pk>/koreksi/dprd/",
        corrections.correct_dprd_date,
        name="correct_dprd_date",
    ),
    path("kerja-sama/<int:pk>/koreksi/beban/", corrections.correct_burden, name="correct_burden"),
    path(
        "kerja-sama/<int:pk>/koreksi/pihak/",
        corrections.correct_parties,
        name="correct_parties",
    ),
    path(
        "kerja-sama/<int:pk>/tarik-penawaran/",
        corrections.withdraw_offer,
        name="withdraw_offer",
    ),
    path("kerja-sama/<int:pk>/batalkan/", corrections.cancel_record, name="cancel_record"),
    path("kerja-sama/audit/", corrections.audit, name="audit"),
    path("kerja-sama/<int:pk>/luar-negeri/", abroad.record_step, name="foreign_step"),
    path(
        "kerja-sama/<int:pk>/luar-negeri/persyaratan/",
        abroad.state_facts,
        name="foreign_facts",
    ),
    path("dasbor/", pages.dashboard, name="dashboard"),
    path("publik/", pages.public_register, name="public_register"),
    path("publik/<int:pk>/", pages.public_detail, name="public_detail"),
]
