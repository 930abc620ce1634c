"""What each regulation itself says about copies and grounds for ending: ksd.law never lends one
regulation's rule to a cooperation under the other."""

from __future__ import annotations

import datetime as dt

import pytest

from ksd.law.assessment import RULES, copies_to_send
from ksd.law.facts import Facts, Party, Termination
from ksd.law.regimes import Regime
from ksd.law.regions import get_region


@pytest.mark.parametrize(
    ("code", "recipients", "article"),
    [
        ("34.71", ("gubernur", "menteri_lpnd_terkait", "dprd"), "PP 50/2007 Pasal 12 ayat (6)"),
        ("34", ("menteri_lpnd_terkait", "dprd"), "PP 50/2007 Pasal 12 ayat (5)"),
    ],
)
def test_under_pp_50_a_region_sends_copies_to_whom_pasal_12_names(
    code: str, recipients: tuple[str, ...], article: str
) -> None:
    rule = copies_to_send(Regime.PP50_2007, get_region(code))
    assert rule is not None
    assert (rule.recipients, str(rule.citation)) == (recipients, article)


@pytest.mark.parametrize(
    ("code", "recipients"),
    [
        # Kota Yogyakarta: the governor of DIY supervises the cooperation of its kab/kota
        # (Pasal 44 ayat (4)), the Minister generally (ayat (1)), the technical ministries (2).
        ("34.71", ("gubernur", "menteri", "menteri_lpnd_terkait")),
        # A province has no governor above it: the Minister and the technical ministries.
        ("34", ("menteri", "menteri_lpnd_terkait")),
    ],
)
def test_under_pp_28_copies_go_to_the_supervisors_of_pasal_44(
    code: str, recipients: tuple[str, ...]
) -> None:
    region = get_region(code)
    assert RULES[Regime.PP28_2018].agreement_copies(region) is None  # the PP names none
    rule = copies_to_send(Regime.PP28_2018, region)
    assert rule is not None
    assert (rule.recipients, str(rule.citation)) == (recipients, "PP 28/2018 Pasal 44")


@pytest.mark.parametrize("third_party", [False, True])
def test_pp_50_ends_a_cooperation_only_on_the_nine_grounds_of_pasal_18(third_party: bool) -> None:
    grounds = RULES[Regime.PP50_2007].termination_grounds(third_party)
    assert grounds == tuple(f"pasal18_{letter}" for letter in "abcdefghi")


def test_pp_28_adds_the_grounds_of_pasal_22_only_for_a_third_party() -> None:
    ksdd = RULES[Regime.PP28_2018].termination_grounds(False)
    ksdpk = RULES[Regime.PP28_2018].termination_grounds(True)
    assert ksdd == tuple(f"pasal9_{letter}" for letter in "abcde")
    assert ksdpk == (*ksdd, "pasal22_2_a", "pasal22_2_b")


@pytest.mark.parametrize(
    ("regime", "day"),
    [(Regime.PP50_2007, dt.date(2016, 2, 1)), (Regime.PP28_2018, dt.date(2019, 2, 1))],
)
def test_every_ground_a_regime_lists_is_accepted_by_its_own_rule_citing_itself(
    regime: Regime, day: dt.date
) -> None:
    other = "PP 28/2018" if regime is Regime.PP50_2007 else "PP 50/2007"
    facts = Facts(
        date=day, regime=regime, regime_overridden=False, as_of=day,
        parties=(Party("34.71", region=get_region("34.71")),
                 Party("34.04", region=get_region("34.04"))),
    )  # fmt: skip
    for ground in RULES[regime].termination_grounds(False):
        verdict = RULES[regime].termination(facts, Termination(ground))
        assert verdict.valid, ground
        assert other not in verdict.reason.message.render("id")
        assert str(verdict.citation).startswith(RULES[regime].regulation)
