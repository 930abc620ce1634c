"""The worked examples in docs/examples are real outputs: a change to the rules that alters one
must regenerate it (`make docs-examples`) so the public contract never shows stale answers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ksd.law.assessment import assess_json

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
INPUTS = sorted(p for p in EXAMPLES.glob("*.json") if not p.name.endswith(".out.json"))


def test_there_are_worked_examples_of_the_seed_cooperations() -> None:
    names = {p.stem for p in INPUTS}
    assert {"kartamantul", "subosukawonosraten", "pawonsari-pp50", "jalur-sutra"} <= names


@pytest.mark.parametrize("example", INPUTS, ids=lambda p: p.stem)
def test_a_worked_example_matches_what_ksd_assess_prints(example: Path) -> None:
    facts = json.loads(example.read_text("utf-8"))
    expected = json.loads(example.with_suffix(".out.json").read_text("utf-8"))
    # Every example fixes its own as_of, so `today` does not matter.
    assert assess_json(facts, today=dt.date(2000, 1, 1)) == expected
