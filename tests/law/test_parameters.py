"""Choices the regulations leave open are dated data with a source, never hidden in code."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import yaml

from ksd.law.parameters import parameter, parameter_names


def test_every_parameter_value_has_a_dated_key_and_a_source() -> None:
    raw = yaml.safe_load(
        resources.files("ksd.law").joinpath("data/parameters.yaml").read_text("utf-8")
    )
    assert raw["parameters"], "no parameters"
    for name, spec in raw["parameters"].items():
        assert spec["label_id"].strip(), name
        assert spec["label_en"].strip(), name
        for since, entry in spec["values"].items():
            assert isinstance(since, dt.date), (name, since)
            assert str(entry.get("source", "")).strip(), (name, since)


def test_a_parameter_has_no_value_before_its_first_date() -> None:
    assert parameter("pp28_dprd_clocks", on=dt.date(2018, 7, 12)).value is None
    assert parameter("pp28_burden_reading", on=dt.date(2018, 7, 13)).value == "either"


def test_every_parameter_is_explained_in_the_public_contract() -> None:
    contract = (Path(__file__).resolve().parents[2] / "docs" / "assess-json.md").read_text("utf-8")
    for name in parameter_names():
        assert f"`{name}`" in contract, name
