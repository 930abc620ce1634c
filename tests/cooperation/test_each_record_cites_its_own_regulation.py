"""Each record cites its own regulation (PP 28/2018 Pasal 48 and 51; DESIGN.md "The record").

One walk per regulation takes every lifecycle step KSD has, for an inter-regional cooperation
and one with a third party of the same regulation: offer, decline, acceptance, joint agreement,
opinions, Surat Kuasa, burden facts, draft, the DPRD track (submission, opinion, resubmission,
decision, refusal, deemed approval), signing, signatories, copies, implementation, amendment and
extension, dispute and settlement, termination, expiry and the notices of `ksd tick`, and
publication. Along the way it keeps every text a user can see: each event's article and reason,
the cooperation's page (step headings, form labels, lists of grounds, findings, DPRD tracks,
timeline) as each persona sees it after each step, the dashboard with the tick's notifications,
the public page, and the message of a refused attempt at each step. The walk fails on any
citation of the other regulation, and on any article cited without naming its regulation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas
from ksd.accounts.models import Role
from ksd.cooperation import services
from ksd.cooperation.disputes import services as disputes
from ksd.cooperation.jobs import run_tick
from ksd.cooperation.law import assessment_for
from ksd.cooperation.models import Cooperation, Event, EventKind, Notification
from ksd.core.errors import StepRefused
from ksd.dprd import services as dprd
from ksd.regions.models import Agency, Official

PP50, PP28 = "pp50-2007", "pp28-2018"
OWN = {PP50: "PP 50/2007", PP28: "PP 28/2018"}
# The other regulation, however it is written; and a ground of the other regulation offered
# in a form (the termination grounds are listed by their codes).
OTHER = {
    PP50: re.compile(r"28/2018|PP 28\b|Nomor 28 Tahun 2018|value=\"pasal(9|22)_"),
    PP28: re.compile(r"50/2007|PP 50\b|Nomor 50 Tahun 2007|value=\"pasal1[89]_"),
}
ARTICLE = re.compile(r"\bPasal\s+\d+")
CONTENTS = [
    "subjek",
    "objek",
    "ruang_lingkup",
    "hak_kewajiban",
    "jangka_waktu",
    "pengakhiran",
    "keadaan_memaksa",
    "penyelesaian_perselisihan",
    "sanksi",
]
NO_BURDEN = dict.fromkeys(
    (
        "apbd_cost",
        "budgeted_current_year",
        "uses_regional_assets",
        "public_pays",
        "within_skpd_duties",
    ),
    False,
)
UNBUDGETED = {**NO_BURDEN, "apbd_cost": True}
BUDGETED_SKPD = {
    **NO_BURDEN,
    "apbd_cost": True,
    "budgeted_current_year": True,
    "within_skpd_duties": True,
}
EVERY_STEP = {
    EventKind.OFFERED,
    EventKind.OFFER_ACCEPTED,
    EventKind.OFFER_DECLINED,
    EventKind.JOINT_AGREEMENT_SIGNED,
    EventKind.AGREEMENT_DRAFTED,
    EventKind.OPINIONS_REQUESTED,
    EventKind.POWER_OF_ATTORNEY_ISSUED,
    EventKind.DPRD_SUBMITTED,
    EventKind.DPRD_OPINION,
    EventKind.DPRD_RESUBMITTED,
    EventKind.DPRD_APPROVED,
    EventKind.DPRD_REJECTED,
    EventKind.DPRD_DEEMED_APPROVED,
    EventKind.SIGNED,
    EventKind.COPIES_SENT,
    EventKind.IMPLEMENTATION_STARTED,
    EventKind.AMENDED,
    EventKind.EXTENDED,
    EventKind.PUBLISHED,
    EventKind.TERMINATED,
    EventKind.EXPIRED,
    EventKind.DISPUTE_RAISED,
    EventKind.DISPUTE_DECIDED,
}


class _Text(HTMLParser):
    """The text nodes of a page: a heading's words and the article in its <cite> are two."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.chunks.append(" ".join(data.split()))


def text_nodes(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.chunks


def wrong_citations(regime: str, where: str, text: str) -> list[str]:
    """What in `text` cites the other regulation, or an article without its regulation."""
    found = [
        f"{where}: …{text[max(0, m.start() - 80) : m.end() + 40]}…"
        for m in OTHER[regime].finditer(text)
    ]
    if ARTICLE.search(text) and OWN[regime] not in text and "UU 23/2014" not in text:
        found.append(f"{where}: an article without its regulation: {text[:200]}")
    return found


def at(day: dt.date) -> dt.datetime:
    """10:00 WIB on `day`."""
    return dt.datetime.combine(day, dt.time(3, 0), tzinfo=dt.UTC)


@dataclass
class Walk:
    """Takes the steps, remembers what a user could read, and says what cites wrongly."""

    regime: str
    clock: list[dt.datetime]
    problems: list[str] = field(default_factory=list)
    clients: dict[str, Client] = field(default_factory=dict)

    def now(self, day: dt.date) -> dt.datetime:
        self.clock[0] = max(self.clock[0], at(day))
        return self.clock[0]

    def check(self, where: str, text: str) -> None:
        self.problems += wrong_citations(self.regime, where, text)

    def refused(self, where: str, step: Callable[[], Any]) -> StepRefused:
        with pytest.raises(StepRefused) as refused:
            step()
        self.check(f"refusal of {where}", str(refused.value))
        return refused.value

    def client(self, user: User) -> Client:
        if user.username not in self.clients:
            self.clients[user.username] = Client()
            self.clients[user.username].force_login(user)
        return self.clients[user.username]

    def read(self, where: str, user: User | None, url: str) -> str:
        client = self.client(user) if user else Client()
        response = client.get(url)
        assert response.status_code == 200, (where, url, response.status_code)
        html = response.content.decode()
        for match in OTHER[self.regime].finditer(html):  # codes in attributes, too
            self.problems.append(f"{where} {url}: …{html[match.start() - 80 : match.end() + 40]}…")
        for chunk in text_nodes(html):
            if ARTICLE.search(chunk) or OTHER[self.regime].search(chunk):
                self.check(f"{where} {url}", chunk)
        return html

    def refused_on_the_page(self, where: str, user: User, url: str, data: dict[str, str]) -> str:
        """A step posted from the page and refused: the form comes back with the refusal."""
        response = self.client(user).post(url, data)
        assert response.status_code == 400, (where, url, response.status_code)
        html = response.content.decode()
        assert 'class="ksd-refused"' in html, where
        for chunk in text_nodes(html):
            self.check(f"refusal of {where} on the page", chunk)
        return html

    def look(self, coop: Cooperation, where: str, *users: User) -> dict[str, str]:
        """The cooperation's page as each of `users` sees it now, in Indonesian and English."""
        seen = {}
        for user in users:
            seen[user.username] = self.read(
                f"{where} ({user.username})", user, f"/kerja-sama/{coop.pk}/"
            )
        english = self.client(users[0])
        english.cookies.load({"django_language": "en"})
        seen["en"] = self.read(f"{where} (en)", users[0], f"/kerja-sama/{coop.pk}/")
        english.cookies.load({"django_language": "id"})
        assert '<html lang="en">' in seen["en"]
        return seen

    def tick(self, day: dt.date) -> None:
        run_tick(now=self.now(day))


@dataclass
class People:
    yogya: User
    sleman: User
    bantul: User
    dprd_yogya: User
    dprd_sleman: User
    biro_diy: User

    def all(self) -> tuple[User, ...]:
        """Everyone who reads an inter-regional cooperation of Yogyakarta and Sleman (a DPRD
        once the draft reached it)."""
        return (self.yogya, self.sleman, self.dprd_yogya, self.dprd_sleman, self.biro_diy)

    def before_dprd(self) -> tuple[User, ...]:
        return (self.yogya, self.sleman, self.biro_diy)


@pytest.fixture
def people(regions_loaded: None) -> People:
    return People(
        personas.operator_kota_yogyakarta(),
        personas.operator_sleman(),
        personas.persona("operator_bantul", Role.OPERATOR, "34.02"),
        personas.dprd_kota_yogyakarta(),
        personas.dprd_sleman(),
        personas.biro_pemerintahan_diy(),
    )


@dataclass
class Officials:
    wali_kota: Official
    kabag: Official
    staff: Official
    bupati_sleman: Official


@pytest.fixture
def officials(regions_loaded: None) -> Officials:
    bagian = Agency.objects.create(region_id="34.71", name="Bagian Kerja Sama", short_name="BKS")
    return Officials(
        Official.objects.create(
            region_id="34.71",
            name="Wali Kota Yogyakarta",
            position="Wali Kota",
            is_head=True,
            term_start_on=dt.date(2012, 1, 2),
        ),
        Official.objects.create(
            region_id="34.71",
            agency=bagian,
            name="Kepala Bagian Kerja Sama",
            position="Kepala Bagian",
            term_start_on=dt.date(2013, 1, 2),
        ),
        Official.objects.create(
            region_id="34.71",
            agency=bagian,
            name="Analis Kerja Sama",
            position="Analis",
            term_start_on=dt.date(2013, 1, 2),
        ),
        Official.objects.create(
            region_id="34.04",
            name="Bupati Sleman",
            position="Bupati",
            is_head=True,
            term_start_on=dt.date(2012, 1, 2),
        ),
    )


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.datetime]:
    """The wall clock the pages read (ksd.core.clock.now), moved forward by the walk."""
    holder = [at(dt.date(2007, 9, 3))]
    monkeypatch.setattr("ksd.core.clock.now", lambda: holder[0])
    return holder


@pytest.fixture
def ministers_clocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """PP 28/2018 sets no DPRD clock; an administrator who has the Minister's regulation enters
    its numbers (parameter pp28_dprd_clocks), and deemed approval becomes possible."""
    from ksd.law import parameters

    table = dict(parameters._table())
    label, _entries = table["pp28_dprd_clocks"]
    clocks = {"assessment": 45, "opinion": 15, "revision": 14, "deemed_approval": 15}
    table["pp28_dprd_clocks"] = (label, ((dt.date(2018, 7, 13), clocks, "test"),))
    monkeypatch.setattr(parameters, "_table", lambda: table)


@dataclass(frozen=True)
class Dates:
    """The legal dates of the walk, in order; the two regulations differ only in dates, and in
    PP 28/2018 placing the DPRD before the draft (Pasal 6 ayat (1) huruf e-f)."""

    offer: dt.date

    def __call__(self, days: int) -> dt.date:
        return self.offer + dt.timedelta(days=days)


def offer(
    walk: Walk, people: People, title: str, parties: list[services.PartySpec], on: dt.date
) -> Cooperation:
    coop = services.make_offer(
        actor=people.yogya,
        title=title,
        initiator="34.71",
        parties=parties,
        offered_on=on,
        offer_number="415.4/001",
        now=walk.now(on),
    )
    assert coop.regime == walk.regime
    return coop


def walk_inter_regional(walk: Walk, people: People, officials: Officials, day: Dates) -> None:
    """Kota Yogyakarta and Sleman: two DPRD tracks (one deemed, one decided), then everything
    after signing, to expiry and publication."""
    everyone = people.all()
    pp28 = walk.regime == PP28
    coop = offer(
        walk,
        people,
        "Pengelolaan sampah regional",
        [services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        day(0),
    )
    walk.look(coop, "offered", *people.before_dprd())
    walk.refused(
        "acceptance before the offer",
        lambda: services.accept_offer(
            coop.pk, actor=people.sleman, party_key="34.04", on=day(-1), now=walk.now(day(0))
        ),
    )
    services.accept_offer(
        coop.pk, actor=people.sleman, party_key="34.04", on=day(7), now=walk.now(day(7))
    )
    walk.look(coop, "accepted", people.yogya)
    walk.refused(
        "joint agreement without a number",
        lambda: services.sign_joint_agreement(
            coop.pk, actor=people.yogya, number=" ", signed_on=day(14), now=walk.now(day(14))
        ),
    )
    services.sign_joint_agreement(
        coop.pk, actor=people.yogya, number="KB/01", signed_on=day(14), now=walk.now(day(14))
    )
    walk.look(coop, "joint agreement", people.yogya)
    walk.refused(
        "opinions of nobody",
        lambda: services.request_opinions(
            coop.pk, actor=people.yogya, addressees=[], requested_on=day(15), now=walk.now(day(15))
        ),
    )
    services.request_opinions(
        coop.pk,
        actor=people.yogya,
        addressees=["pakar", "menteri"],
        requested_on=day(15),
        now=walk.now(day(15)),
    )
    walk.refused(
        "a Surat Kuasa to the head himself",
        lambda: services.issue_power_of_attorney(
            coop.pk,
            actor=people.yogya,
            region_code="34.71",
            grantor_id=officials.wali_kota.pk,
            grantee_id=officials.wali_kota.pk,
            number="SK/0",
            issued_on=day(16),
            scope="Menandatangani PKS",
            now=walk.now(day(16)),
        ),
    )
    services.issue_power_of_attorney(
        coop.pk,
        actor=people.yogya,
        region_code="34.71",
        grantor_id=officials.wali_kota.pk,
        grantee_id=officials.kabag.pk,
        number="SK/1",
        issued_on=day(16),
        scope="Menandatangani PKS pengelolaan sampah",
        now=walk.now(day(16)),
    )
    burdens = {"34.71": UNBUDGETED, "34.04": UNBUDGETED}
    walk.refused(
        "burden facts of a stranger",
        lambda: services.record_burdens(
            coop.pk, actor=people.yogya, burdens={"12.71": UNBUDGETED}, now=walk.now(day(17))
        ),
    )
    services.record_burdens(coop.pk, actor=people.yogya, burdens=burdens, now=walk.now(day(17)))

    def draft(on: dt.date) -> None:
        services.draft_agreement(
            coop.pk,
            actor=people.yogya,
            contents=CONTENTS[:8],
            burdens=burdens,
            term_years=2,
            on=on,
            now=walk.now(on),
        )

    walk.refused(
        "a draft with unknown contents",
        lambda: services.draft_agreement(
            coop.pk,
            actor=people.yogya,
            contents=["lampiran"],
            burdens=burdens,
            on=day(21),
            now=walk.now(day(21)),
        ),
    )
    if not pp28:  # PP 50/2007 Pasal 11: the DPRD receives the draft agreement
        draft(day(21))
        walk.look(coop, "drafted", people.yogya)
    received = day(28)
    for code, user in (("34.71", people.yogya), ("34.04", people.sleman)):
        dprd.submit_to_dprd(
            coop.pk, actor=user, region_code=code, received_on=received, now=walk.now(received)
        )
    walk.refused(
        "a second submission",
        lambda: dprd.submit_to_dprd(
            coop.pk,
            actor=people.yogya,
            region_code="34.71",
            received_on=received,
            now=walk.now(received),
        ),
    )
    walk.look(coop, "in the DPRD", *everyone)
    for code, user in (("34.71", people.dprd_yogya), ("34.04", people.dprd_sleman)):
        dprd.record_dprd_opinion(
            coop.pk,
            actor=user,
            region_code=code,
            sent_on=day(42),
            received_on=day(43),
            summary="Perjelas pembagian biaya",
            now=walk.now(day(43)),
        )
    walk.look(coop, "DPRD opinions", *everyone)
    for code, user in (("34.71", people.yogya), ("34.04", people.sleman)):
        dprd.record_resubmission(
            coop.pk, actor=user, region_code=code, received_on=day(49), now=walk.now(day(49))
        )
    walk.look(coop, "resubmitted", *everyone)
    dprd.record_dprd_decision(
        coop.pk,
        actor=people.dprd_sleman,
        region_code="34.04",
        approved=True,
        on=day(56),
        now=walk.now(day(56)),
    )
    # Kota Yogyakarta's DPRD stays silent: the tick notes its deadline, then deems approval.
    track = next(v for v in assessment_for(coop, as_of=day(56)).dprd if v.region == "34.71")
    due = track.track.deadlines["deemed_approval_due"]
    assert due is not None
    walk.tick(due - dt.timedelta(days=1))
    walk.tick(due + dt.timedelta(days=1))
    walk.refused(
        "a decision after the deemed approval",
        lambda: dprd.record_dprd_decision(
            coop.pk,
            actor=people.dprd_yogya,
            region_code="34.71",
            approved=False,
            on=due + dt.timedelta(days=1),
            now=walk.now(due + dt.timedelta(days=1)),
        ),
    )
    coop.refresh_from_db()
    walk.look(coop, "DPRD approved", *everyone)
    signing = due + dt.timedelta(days=7)
    if pp28:  # PP 28/2018 Pasal 6 ayat (1) huruf f: the agreement is drafted after the DPRD
        draft(signing - dt.timedelta(days=1))
    walk.refused(
        "signing without a number",
        lambda: services.sign_agreement(
            coop.pk, actor=people.yogya, number="", signed_on=signing, now=walk.now(signing)
        ),
    )
    services.sign_agreement(
        coop.pk, actor=people.yogya, number="PKS/01", signed_on=signing, now=walk.now(signing)
    )
    walk.look(coop, "signed", *everyone)
    walk.refused(
        "a signatory without authority",
        lambda: services.record_signatory(
            coop.pk,
            actor=people.yogya,
            region_code="34.71",
            official_id=officials.staff.pk,
            now=walk.now(signing),
        ),
    )
    services.record_signatory(
        coop.pk,
        actor=people.yogya,
        region_code="34.71",
        official_id=officials.kabag.pk,
        now=walk.now(signing),
    )
    services.record_signatory(
        coop.pk,
        actor=people.sleman,
        region_code="34.04",
        official_id=officials.bupati_sleman.pk,
        now=walk.now(signing),
    )
    page = walk.look(coop, "signatories", people.yogya)[people.yogya.username]
    # The copies step exists under both regulations, with the recipients ksd.law names or advises.
    assert f'action="/kerja-sama/{coop.pk}/salinan/"' in page
    recipients = (
        ["gubernur", "menteri", "menteri_lpnd_terkait"]
        if pp28
        else ["gubernur", "menteri_lpnd_terkait", "dprd"]
    )
    wrong = ["dprd"] if pp28 else ["menteri"]
    walk.refused(
        "copies to a recipient the law does not name",
        lambda: services.send_copies(
            coop.pk,
            actor=people.yogya,
            region_code="34.71",
            recipients=wrong,
            sent_on=signing + dt.timedelta(days=1),
            now=walk.now(signing + dt.timedelta(days=1)),
        ),
    )
    services.send_copies(
        coop.pk,
        actor=people.yogya,
        region_code="34.71",
        recipients=recipients,
        sent_on=signing + dt.timedelta(days=1),
        now=walk.now(signing + dt.timedelta(days=1)),
    )
    started = signing + dt.timedelta(days=7)
    walk.refused(
        "implementation before the agreement is in force",
        lambda: services.start_implementation(
            coop.pk,
            actor=people.yogya,
            on=signing - dt.timedelta(days=1),
            agencies={"34.71": ["DLH"]},
            now=walk.now(started),
        ),
    )
    services.start_implementation(
        coop.pk,
        actor=people.yogya,
        on=started,
        agencies={"34.71": ["Dinas Lingkungan Hidup"]},
        now=walk.now(started),
    )
    walk.look(coop, "implementing", *everyone)
    amended = started + dt.timedelta(days=30)
    walk.refused(
        "an amendment that changes nothing",
        lambda: services.amend(
            coop.pk,
            actor=people.yogya,
            number="ADD/1",
            signed_on=amended,
            summary=" ",
            now=walk.now(amended),
        ),
    )
    services.amend(
        coop.pk,
        actor=people.yogya,
        number="ADD/1",
        signed_on=amended,
        summary="Lokasi TPS ditambah",
        now=walk.now(amended),
    )
    raised = amended + dt.timedelta(days=30)
    walk.refused(
        "a dispute of one party",
        lambda: disputes.raise_dispute(
            coop.pk,
            actor=people.yogya,
            between=["34.71"],
            raised_on=raised,
            description="Biaya",
            now=walk.now(raised),
        ),
    )
    dispute = disputes.raise_dispute(
        coop.pk,
        actor=people.yogya,
        between=["34.71", "34.04"],
        raised_on=raised,
        description="Pembagian biaya angkut",
        now=walk.now(raised),
    )
    walk.look(coop, "dispute", *everyone)
    settled = raised + dt.timedelta(days=30)
    walk.refused(
        "a settlement by someone the law does not name",
        lambda: disputes.settle_dispute(
            dispute.pk,
            actor=people.dprd_sleman,
            settlement="gubernur",
            settled_on=settled,
            decision_number="188/1",
            summary="Dibagi dua",
            now=walk.now(settled),
        ),
    )
    disputes.settle_dispute(
        dispute.pk,
        actor=people.biro_diy,
        settlement="gubernur",
        settled_on=settled,
        decision_number="188/1",
        summary="Biaya dibagi menurut tonase",
        now=walk.now(settled),
    )
    walk.look(coop, "dispute settled", *everyone)
    coop.refresh_from_db()
    assert coop.ends_on is not None
    walk.tick(coop.ends_on - dt.timedelta(days=30))  # expiring soon
    walk.tick(coop.ends_on + dt.timedelta(days=1))  # expired
    walk.look(coop, "expired", *everyone)
    services.publish(coop.pk, actor=people.yogya, now=walk.now(coop.ends_on + dt.timedelta(days=2)))
    walk.refused(
        "publishing twice",
        lambda: services.publish(
            coop.pk, actor=people.yogya, now=walk.now(coop.ends_on + dt.timedelta(days=2))
        ),
    )
    walk.look(coop, "published", *everyone)
    walk.read("public page", None, f"/publik/{coop.pk}/")
    for user in (people.yogya, people.sleman):
        walk.read("dashboard", user, "/dasbor/")


def walk_third_party(walk: Walk, people: People, officials: Officials, day: Dates) -> None:
    """Kota Yogyakarta with a company: no DPRD needed; extension, a dispute settled as the
    contract provides, and an ending on a ground of the regulation (a ground of the other one is
    refused)."""
    pp28 = walk.regime == PP28
    company = "PT Sarana Jogja Lestari"
    coop = offer(
        walk,
        people,
        "Pengelolaan parkir tepi jalan",
        [
            services.PartySpec(region="34.71"),
            services.PartySpec(third_party_name=company, third_party_form="perseroan_terbatas"),
        ],
        day(2),
    )
    walk.look(coop, "offered to a company", people.yogya)
    services.accept_offer(
        coop.pk, actor=people.yogya, party_key=company, on=day(9), now=walk.now(day(9))
    )
    services.sign_joint_agreement(
        coop.pk, actor=people.yogya, number="KB/02", signed_on=day(16), now=walk.now(day(16))
    )
    services.issue_power_of_attorney(
        coop.pk,
        actor=people.yogya,
        region_code="34.71",
        grantor_id=officials.wali_kota.pk,
        grantee_id=officials.kabag.pk,
        number="SK/2",
        issued_on=day(17),
        scope="Menandatangani kontrak parkir",
        now=walk.now(day(17)),
    )
    burdens = {"34.71": NO_BURDEN if pp28 else BUDGETED_SKPD}
    walk.refused(
        "a contract without its required contents",
        lambda: services.draft_agreement(
            coop.pk,
            actor=people.yogya,
            contents=["subjek", "objek"],
            burdens=burdens,
            term_years=5,
            on=day(23),
            now=walk.now(day(23)),
        ),
    )
    services.draft_agreement(
        coop.pk,
        actor=people.yogya,
        contents=CONTENTS,
        burdens=burdens,
        term_years=5,
        on=day(23),
        now=walk.now(day(23)),
    )
    walk.look(coop, "contract drafted", people.yogya)
    signed = day(30)
    services.sign_agreement(
        coop.pk, actor=people.yogya, number="PKS/02", signed_on=signed, now=walk.now(signed)
    )
    services.record_signatory(
        coop.pk,
        actor=people.yogya,
        region_code="34.71",
        official_id=officials.kabag.pk,
        now=walk.now(signed),
    )
    page = walk.look(coop, "contract signed", people.yogya, people.biro_diy)[people.yogya.username]
    grounds = set(re.findall(r'value="(pasal[0-9_a-z]+)"', page))
    assert grounds == (
        {f"pasal9_{x}" for x in "abcde"} | {"pasal22_2_a", "pasal22_2_b"}
        if pp28
        else {f"pasal18_{x}" for x in "abcdefghi"}
    )
    extended = signed + dt.timedelta(days=60)
    services.amend(
        coop.pk,
        actor=people.yogya,
        number="ADD/2",
        signed_on=extended,
        summary="Jangka waktu diperpanjang",
        new_ends_on=signed.replace(year=signed.year + 7),
        now=walk.now(extended),
    )
    raised = extended + dt.timedelta(days=10)
    dispute = disputes.raise_dispute(
        coop.pk,
        actor=people.yogya,
        between=["34.71", company],
        raised_on=raised,
        description="Setoran retribusi terlambat",
        now=walk.now(raised),
    )
    walk.look(coop, "dispute with the company", people.yogya, people.biro_diy)
    walk.refused(
        "a governor's decree on a contract dispute",
        lambda: disputes.settle_dispute(
            dispute.pk,
            actor=people.biro_diy,
            settlement="gubernur",
            settled_on=raised,
            decision_number="188/2",
            summary="-",
            now=walk.now(raised),
        ),
    )
    disputes.settle_dispute(
        dispute.pk,
        actor=people.yogya,
        settlement="perjanjian",
        settled_on=raised + dt.timedelta(days=5),
        summary="Denda dibayar",
        now=walk.now(raised + dt.timedelta(days=5)),
    )
    ending = raised + dt.timedelta(days=30)
    other_ground = "pasal18_d" if pp28 else "pasal9_c"
    walk.refused(
        "an ending on the other regulation's ground",
        lambda: services.terminate(
            coop.pk, actor=people.yogya, ground=other_ground, on=ending, now=walk.now(ending)
        ),
    )
    walk.refused(
        "an ending by a change of regional head",
        lambda: services.terminate(
            coop.pk,
            actor=people.yogya,
            ground="pergantian_kepala_daerah",
            on=ending,
            now=walk.now(ending),
        ),
    )
    if pp28:
        services.terminate(
            coop.pk, actor=people.yogya, ground="pasal22_2_b", on=ending, now=walk.now(ending)
        )
    else:
        walk.now(ending)
        walk.refused_on_the_page(
            "an early ending without written notice",
            people.yogya,
            f"/kerja-sama/{coop.pk}/pengakhiran/",
            {"ground": "pasal18_d", "on": str(ending), "early": "on", "initiated_by": "34.71"},
        )
        services.terminate(
            coop.pk,
            actor=people.yogya,
            ground="pasal18_d",
            on=ending,
            initiated_by="34.71",
            early=True,
            written_notice=True,
            now=walk.now(ending),
        )
    services.publish(coop.pk, actor=people.yogya, now=walk.now(ending))
    walk.look(coop, "contract ended", people.yogya, people.biro_diy)
    walk.read("public page of the contract", None, f"/publik/{coop.pk}/")


def walk_declined_and_refused(walk: Walk, people: People, day: Dates) -> None:
    """Bantul declines one offer; Sleman's DPRD refuses another draft."""
    coop = offer(
        walk,
        people,
        "Angkutan sekolah",
        [services.PartySpec(region="34.71"), services.PartySpec(region="34.02")],
        day(3),
    )
    services.decline_offer(
        coop.pk,
        actor=people.bantul,
        party_key="34.02",
        on=day(10),
        reason="Belum dianggarkan",
        now=walk.now(day(10)),
    )
    walk.refused(
        "accepting a declined offer",
        lambda: services.accept_offer(
            coop.pk, actor=people.bantul, party_key="34.02", on=day(11), now=walk.now(day(11))
        ),
    )
    walk.look(coop, "declined", people.yogya, people.bantul)

    coop = offer(
        walk,
        people,
        "Terminal terpadu",
        [services.PartySpec(region="34.71"), services.PartySpec(region="34.04")],
        day(4),
    )
    services.accept_offer(
        coop.pk, actor=people.sleman, party_key="34.04", on=day(11), now=walk.now(day(11))
    )
    services.sign_joint_agreement(
        coop.pk, actor=people.yogya, number="KB/03", signed_on=day(18), now=walk.now(day(18))
    )
    # Budgeted agency work needs no DPRD under PP 50/2007 Pasal 10; PP 28/2018 has no such
    # exemption, so there Kota Yogyakarta's plan burdens nothing at all.
    mine = BUDGETED_SKPD if walk.regime == PP50 else NO_BURDEN
    burdens = {"34.71": mine, "34.04": UNBUDGETED}
    services.record_burdens(coop.pk, actor=people.yogya, burdens=burdens, now=walk.now(day(19)))
    if walk.regime == PP50:
        services.draft_agreement(
            coop.pk,
            actor=people.yogya,
            contents=CONTENTS[:8],
            burdens=burdens,
            on=day(25),
            now=walk.now(day(25)),
        )
    page = walk.refused_on_the_page(
        "submitting to a DPRD whose approval is not needed",
        people.yogya,
        f"/dprd/kerja-sama/{coop.pk}/ajukan/",
        {"region": "34.71", "received_on": str(day(32))},
    )
    assert OWN[walk.regime] in page
    dprd.submit_to_dprd(
        coop.pk,
        actor=people.sleman,
        region_code="34.04",
        received_on=day(32),
        now=walk.now(day(32)),
    )
    dprd.record_dprd_decision(
        coop.pk,
        actor=people.dprd_sleman,
        region_code="34.04",
        approved=False,
        on=day(46),
        now=walk.now(day(46)),
    )
    walk.refused(
        "signing after the DPRD refused",
        lambda: services.sign_agreement(
            coop.pk, actor=people.yogya, number="PKS/03", signed_on=day(60), now=walk.now(day(60))
        ),
    )
    walk.look(coop, "refused by the DPRD", people.yogya, people.sleman, people.dprd_sleman)


def events_and_notices(walk: Walk) -> tuple[set[int], set[str]]:
    for event in Event.objects.select_related("cooperation"):
        assert event.cooperation.regime == walk.regime
        label = f"event {EventKind(event.kind).label} of “{event.cooperation.title}”"
        walk.check(f"{label}: article", event.citation)
        walk.check(f"{label}: reason", event.reason)
        if event.citation and not event.citation.startswith((OWN[walk.regime], "UU 23/2014")):
            walk.problems.append(f"{label}: cites {event.citation}")
    for notice in Notification.objects.select_related("cooperation"):
        walk.check(
            f"notice {notice.kind} of “{notice.cooperation.title}”",
            f"{notice.message} {notice.citation}",
        )
        if not notice.citation.startswith(OWN[walk.regime]):
            walk.problems.append(f"notice {notice.kind}: cites {notice.citation}")
    kinds = set(Event.objects.values_list("kind", flat=True))
    notices = set(Notification.objects.values_list("kind", flat=True))
    return kinds, notices


@pytest.mark.parametrize(
    ("regime", "first_offer"),
    [(PP50, dt.date(2016, 1, 4)), (PP28, dt.date(2019, 1, 7))],
    ids=["PP 50/2007", "PP 28/2018"],
)
@pytest.mark.usefixtures("ministers_clocks")
def test_every_step_of_a_cooperation_cites_only_its_own_regulation(
    regime: str,
    first_offer: dt.date,
    people: People,
    officials: Officials,
    clock: list[dt.datetime],
) -> None:
    walk = Walk(regime, clock)
    day = Dates(first_offer)

    # The clock only moves forward: the walk with the tick's exact moments goes first.
    walk_inter_regional(walk, people, officials, day)
    walk_third_party(walk, people, officials, day)
    walk_declined_and_refused(walk, people, day)
    kinds, notices = events_and_notices(walk)

    assert walk.problems == []
    # The walk reached every step and every kind of notice.
    assert {EventKind(k) for k in kinds} >= EVERY_STEP, EVERY_STEP - {EventKind(k) for k in kinds}
    assert notices == set(Notification.Kind.values)
    copies = Event.objects.get(kind=EventKind.COPIES_SENT)
    assert copies.citation == (
        "PP 28/2018 Pasal 44" if regime == PP28 else "PP 50/2007 Pasal 12 ayat (6)"
    )


def test_the_check_finds_the_other_regulation_and_a_bare_article() -> None:
    """The checker itself: it must see what the walk looks for."""
    assert wrong_citations(PP28, "x", "Pelaksanaan dimulai — PP 50/2007 Pasal 8")
    assert wrong_citations(PP28, "x", "(Pasal 7 huruf c)")
    assert wrong_citations(PP50, "x", '<option value="pasal9_a">')
    assert not wrong_citations(PP28, "x", "Dasar: PP 28/2018 Pasal 9 ayat (1) atau Pasal 22")
    assert not wrong_citations(PP28, "x", "UU 23/2014 Pasal 58 huruf d")
    assert [c for c in text_nodes("<h3>Amend <cite>(Pasal 17)</cite></h3>") if "Pasal" in c] == [
        "(Pasal 17)"
    ]
