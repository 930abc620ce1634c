"""Table-driven legal cases: every case in tests/cases/*.yaml, checked against `assess_json`.

The cases are written from the texts of PP 50/2007, PP 28/2018 and UU 23/2014, and from the JSON
contract in docs/assess-json.md; tests/cases/README.md explains the format for lawyers. This file
only loads them and compares: pure Python, no Django (it runs with `-p no:django`).

Matching rules (the README says the same in plain words):
- an object in `expect` matches when every key written there matches the output (other keys of
  the output are ignored);
- a list of plain values (e.g. the recipients of a copy) must hold exactly those values, in any
  order;
- a list of objects matches when each expected object matches a different item of the output list;
- dates are compared as ISO strings (2016-04-07);
- `dprd` is keyed by region code; `findings_include`, `findings_exclude` and `absent` look through
  lists; `pair_count` counts `pair_kinds`; `error` expects a LawInputError with that code.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"

# Used as `today` when a case gives neither `today` nor facts.as_of would matter; fixed so that
# no case depends on the day the tests run.
DEFAULT_TODAY = dt.date(2025, 1, 2)

CASE_KEYS = {"name", "article", "today", "facts", "expect", "note"}
SPECIAL_EXPECT_KEYS = {
    "dprd",
    "findings_include",
    "findings_exclude",
    "absent",
    "pair_count",
    "error",
}


def _iso(value: Any) -> Any:
    """YAML reads 2016-04-07 as a date; the output carries ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value


def _load_cases() -> list[Any]:
    params = []
    seen: dict[str, str] = {}
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text("utf-8"))
        if not isinstance(cases, list):
            raise ValueError(f"{path.name}: the file must be a list of cases")
        for number, case in enumerate(cases, 1):
            where = f"{path.name} case {number}"
            if not isinstance(case, dict):
                raise ValueError(f"{where}: a case must be a mapping")
            unknown = set(case) - CASE_KEYS
            missing = {"name", "article", "facts", "expect"} - set(case)
            if unknown or missing:
                raise ValueError(
                    f"{where}: unknown keys {sorted(unknown)}, missing {sorted(missing)}"
                )
            name = str(case["name"])
            if name in seen:
                raise ValueError(f"{where}: name {name!r} already used in {seen[name]}")
            seen[name] = path.name
            params.append(pytest.param(path.name, case, id=name))
    return params


CASES = _load_cases()


# --- matching -------------------------------------------------------------------------------


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _match(expected: Any, actual: Any, path: str, problems: list[str]) -> None:
    """Append a line to `problems` for every place where `actual` does not match `expected`."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{path}: expected an object {expected!r}, got {actual!r}")
            return
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing from the output (expected {value!r})")
            else:
                _match(value, actual[key], f"{path}.{key}", problems)
        return
    if isinstance(expected, list):
        if not isinstance(actual, list):
            problems.append(f"{path}: expected a list {expected!r}, got {actual!r}")
            return
        if all(_is_scalar(v) for v in expected):
            if not all(_is_scalar(v) for v in actual) or sorted(map(repr, expected)) != sorted(
                map(repr, actual)
            ):
                problems.append(
                    f"{path}: expected exactly {expected!r} (any order), got {actual!r}"
                )
            return
        used: set[int] = set()
        for i, item in enumerate(expected):
            found = next(
                (j for j, a in enumerate(actual) if j not in used and _matches(item, a)), None
            )
            if found is None:
                problems.append(f"{path}[{i}]: no item matches {item!r}; the output has {actual!r}")
            else:
                used.add(found)
        return
    numbers = (
        isinstance(expected, int | float)
        and isinstance(actual, int | float)
        and not isinstance(expected, bool)
        and not isinstance(actual, bool)
    )
    if expected != actual or (type(expected) is not type(actual) and not numbers):
        problems.append(f"{path}: expected {expected!r}, got {actual!r}")


def _matches(expected: Any, actual: Any) -> bool:
    problems: list[str] = []
    _match(expected, actual, "", problems)
    return not problems


def _lookup(output: dict[str, Any], dotted: str) -> Any:
    value: Any = output
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _check(expect: dict[str, Any], output: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    findings = output.get("findings") or []
    for key, value in expect.items():
        if key == "dprd":
            by_region = {item.get("region"): item for item in output.get("dprd") or []}
            for region, wanted in value.items():
                if region not in by_region:
                    problems.append(
                        f"dprd[{region}]: no DPRD entry for this region; "
                        f"entries: {sorted(map(str, by_region))}"
                    )
                else:
                    _match(wanted, by_region[region], f"dprd[{region}]", problems)
        elif key == "findings_include":
            for wanted in value:
                if not any(_matches(wanted, f) for f in findings):
                    problems.append(f"findings: none matches {wanted!r}")
        elif key == "findings_exclude":
            for unwanted in value:
                pattern = {"code": unwanted} if isinstance(unwanted, str) else unwanted
                hits = [f for f in findings if _matches(pattern, f)]
                if hits:
                    problems.append(f"findings: must have none like {pattern!r}, got {hits!r}")
        elif key == "absent":
            for dotted, patterns in value.items():
                items = _lookup(output, dotted) or []
                for pattern in patterns:
                    hits = [i for i in items if _matches(pattern, i)]
                    if hits:
                        problems.append(
                            f"{dotted}: must have no item like {pattern!r}, got {hits!r}"
                        )
        elif key == "pair_count":
            got = len(output.get("pair_kinds") or [])
            if got != value:
                problems.append(f"pair_kinds: expected {value} pairs, got {got}")
        elif key not in output:
            problems.append(f"{key}: missing from the output (expected {value!r})")
        else:
            _match(value, output[key], key, problems)
    return problems


# --- the test -------------------------------------------------------------------------------


@pytest.mark.parametrize(("file", "case"), CASES)
def test_legal_case(file: str, case: dict[str, Any]) -> None:
    from ksd.law.assessment import assess_json
    from ksd.law.errors import LawInputError

    facts = _iso(case["facts"])
    expect = _iso(case["expect"])
    today = case.get("today", DEFAULT_TODAY)
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    header = f"{file}: {case['name']}\n  article: {case['article']}"

    if "error" in expect:
        with pytest.raises(LawInputError) as caught:
            assess_json(facts, today=today)
        assert caught.value.code == expect["error"], (
            f"{header}\n  expected input error {expect['error']!r}, "
            f"got {caught.value.code!r}: {caught.value}"
        )
        return

    try:
        output = assess_json(facts, today=today)
    except LawInputError as exc:
        pytest.fail(f"{header}\n  unexpected input error {exc.code!r}: {exc}")
    json.dumps(output)  # the contract is JSON: the output must serialise
    problems = _check(expect, output)
    if problems:
        summary = [
            f"{f.get('code')} [{f.get('severity')}] {f.get('citation')} subject={f.get('subject')}"
            for f in output.get("findings") or []
        ]
        pytest.fail(
            header
            + "\n  mismatches:\n    "
            + "\n    ".join(problems)
            + "\n  findings in the output:\n    "
            + ("\n    ".join(summary) or "(none)"),
            pytrace=False,
        )
