"""`ksd assess` as a user runs it: a subprocess, JSON on stdout, one clear line on stderr for bad
input with exit status 2 and no traceback (docs/assess-json.md). No Django: runs with
`-p no:django` too. Every input gives `as_of`, so nothing depends on today's date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# Kartamantul in 2016 under PP 50/2007, with a draft that lacks keadaan memaksa (Pasal 7 huruf b
# angka 7) and a DPRD that has been silent past its 45 working days (Pasal 12 ayat (1)).
FACTS: dict[str, Any] = {
    "date": "2016-02-01",
    "as_of": "2016-05-02",
    "parties": [{"region": "34.71"}, {"region": "34.04"}, {"region": "34.02"}],
    "burden": {"apbd_cost": True, "budgeted_current_year": False},
    "draft_contents": [
        "subjek",
        "objek",
        "ruang_lingkup",
        "hak_kewajiban",
        "jangka_waktu",
        "pengakhiran",
        "penyelesaian_perselisihan",
    ],
    "dprd": {"34.02": {"received": "2016-02-05"}},
}


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ksd", "assess", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _write(tmp_path: Path, data: object, name: str = "facts.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _finding(output: dict[str, Any], code: str, **keys: Any) -> dict[str, Any]:
    for finding in output["findings"]:
        if finding["code"] == code and all(finding.get(k) == v for k, v in keys.items()):
            return finding
    raise AssertionError(f"no finding {code} {keys} in {output['findings']}")


# --- good input --------------------------------------------------------------------------------------


def test_assess_file_prints_the_assessment_as_json(tmp_path: Path) -> None:
    done = _run(str(_write(tmp_path, FACTS)))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    output = json.loads(done.stdout)
    assert output["schema"] == "ksd.assess/2"
    assert output["regime"] == "pp50-2007"
    assert output["as_of"] == "2016-05-02"
    missing = _finding(output, "missing_content", subject="keadaan_memaksa")
    assert missing["citation"] == "PP 50/2007 Pasal 7 huruf b angka 7"
    assert missing["severity"] == "error"


def test_schema_1_keeps_version_1_readers_working(tmp_path: Path) -> None:
    """Two kab/kota of DIY and a company: version 2 names no single authority (PP 50/2007 Pasal 14
    for the regions, Pasal 16 for the company); version 1 named the most senior route."""
    facts = {
        "date": "2016-02-01",
        "as_of": "2016-05-02",
        "parties": [
            {"region": "34.71"},
            {"region": "34.04"},
            {"third_party": {"name": "PT Contoh", "form": "perseroan_terbatas"}},
        ],
    }
    path = str(_write(tmp_path, facts))
    v2 = json.loads(_run(path).stdout)
    done = _run(path, "--schema", "1")
    assert done.returncode == 0, done.stderr
    v1 = json.loads(done.stdout)
    assert (v2["schema"], v2["dispute"]["authority"]) == ("ksd.assess/2", None)
    assert v1["schema"] == "ksd.assess/1"
    assert (v1["dispute"]["authority"], v1["dispute"]["province"]) == ("gubernur", "34")
    assert v1["dispute"]["citation"] == "PP 50/2007 Pasal 14 ayat (1)"
    assert v1["dispute"]["pairs"] == v2["dispute"]["pairs"]


def test_assess_reads_standard_input_with_a_dash() -> None:
    done = _run("-", stdin=json.dumps(FACTS))
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert output["regime"] == "pp50-2007"
    _finding(output, "dprd_assessment_overdue", citation="PP 50/2007 Pasal 12 ayat (1)")


def test_file_and_stdin_give_the_same_assessment(tmp_path: Path) -> None:
    from_file = _run(str(_write(tmp_path, FACTS)))
    from_stdin = _run("-", stdin=json.dumps(FACTS))
    assert json.loads(from_file.stdout) == json.loads(from_stdin.stdout)


def test_pp28_input_is_assessed_under_pp28(tmp_path: Path) -> None:
    facts = {
        "date": "2019-03-01",
        "as_of": "2019-06-03",
        "parties": [
            {"region": "21.71"},
            {"third_party": {"name": "PT Batam Bersih", "form": "perseroan_terbatas"}},
        ],
        "draft_contents": ["hak_kewajiban", "jangka_waktu", "penyelesaian_perselisihan"],
    }
    done = _run(str(_write(tmp_path, facts)))
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert output["regime"] == "pp28-2018"
    _finding(
        output, "missing_content", subject="sanksi", citation="PP 28/2018 Pasal 19 ayat (2) huruf d"
    )


def test_legal_problems_still_exit_0(tmp_path: Path) -> None:
    """An ineligible partner is a finding, not bad input (PP 50/2007 Pasal 1 angka 3)."""
    facts = {
        "date": "2016-02-01",
        "as_of": "2016-02-01",
        "parties": [
            {"region": "34.71"},
            {"third_party": {"name": "Budi Santoso", "form": "perseorangan"}},
        ],
    }
    done = _run(str(_write(tmp_path, facts)))
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert output["eligible"] is False
    _finding(output, "ineligible_party", severity="error")


def test_lang_en_gives_english_messages(tmp_path: Path) -> None:
    path = str(_write(tmp_path, FACTS))
    default = json.loads(_run(path).stdout)
    indonesian = json.loads(_run(path, "--lang", "id").stdout)
    english = json.loads(_run(path, "--lang", "en").stdout)
    assert default == indonesian
    # Same verdicts and citations, other words.
    assert english["regime"] == indonesian["regime"]
    id_missing = _finding(indonesian, "missing_content", subject="keadaan_memaksa")
    en_missing = _finding(english, "missing_content", subject="keadaan_memaksa")
    assert en_missing["citation"] == id_missing["citation"]
    assert en_missing["message"]
    assert en_missing["message"] != id_missing["message"]
    assert english["dispute"]["message"] != indonesian["dispute"]["message"]


# --- bad input: exit 2, one clear line on stderr, no traceback ---------------------------------------


def _assert_bad_input(done: subprocess.CompletedProcess[str], *mentions: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {done.stderr!r}"
    for text in mentions:
        assert text in lines[0], f"{text!r} not named in {lines[0]!r}"
    return lines[0]


def _with(**changes: Any) -> dict[str, Any]:
    return {**FACTS, **changes}


BAD_JSON_INPUTS = [
    pytest.param("{not json", (), id="invalid JSON"),
    pytest.param("", (), id="empty input"),
    pytest.param("[1, 2]", (), id="top level is a list, not an object"),
    pytest.param('"2016-02-01"', (), id="top level is a string, not an object"),
    pytest.param(json.dumps(_with(tanggal="2016-02-01")), ("tanggal",), id="unknown field"),
    pytest.param(
        json.dumps(_with(parties=[{"region": "99.99"}, {"region": "34.04"}])),
        ("99.99",),
        id="unknown region",
    ),
    pytest.param(json.dumps(_with(date="2016-13-01")), ("2016-13-01",), id="malformed date"),
    pytest.param(json.dumps(_with(as_of="02/05/2016")), ("02/05/2016",), id="malformed as_of"),
    pytest.param(
        json.dumps(
            _with(parties=[{"region": "34.71"}, {"third_party": {"name": "CV Maju", "form": "cv"}}])
        ),
        ("cv",),
        id="unknown third-party form",
    ),
    pytest.param(
        json.dumps(_with(dprd={"34.03": {"received": "2016-02-05"}})),
        ("34.03",),
        id="DPRD track for a region that is not a party",
    ),
    pytest.param(
        json.dumps(_with(termination={"ground": "pasal18_z", "initiated_by": "34.71"})),
        ("pasal18_z",),
        id="unknown termination ground",
    ),
    pytest.param(
        json.dumps(_with(object={"affair": "kehutanan", "sub_affair": "tambang"})),
        ("tambang",),
        id="unknown sub-affair",
    ),
]


@pytest.mark.parametrize(("text", "mentions"), BAD_JSON_INPUTS)
def test_bad_input_from_a_file_exits_2(
    tmp_path: Path, text: str, mentions: tuple[str, ...]
) -> None:
    path = tmp_path / "facts.json"
    path.write_text(text, encoding="utf-8")
    _assert_bad_input(_run(str(path)), *mentions)


@pytest.mark.parametrize(("text", "mentions"), BAD_JSON_INPUTS)
def test_bad_input_from_stdin_exits_2(text: str, mentions: tuple[str, ...]) -> None:
    _assert_bad_input(_run("-", stdin=text), *mentions)


def test_missing_file_exits_2(tmp_path: Path) -> None:
    _assert_bad_input(_run(str(tmp_path / "nope.json")), "nope.json")


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    _assert_bad_input(_run(str(tmp_path)))


def test_a_file_that_is_not_utf8_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(
        '{"date": "2016-02-01", "catatan": "Kerja sama daerah \u00e9"}'.encode("latin-1")
    )
    _assert_bad_input(_run(str(path)))


def test_unknown_lang_exits_2(tmp_path: Path) -> None:
    _assert_bad_input(_run(str(_write(tmp_path, FACTS)), "--lang", "fr"), "fr")


def test_no_file_argument_exits_2() -> None:
    done = _run()
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip()


def test_bad_input_messages_follow_lang(tmp_path: Path) -> None:
    path = str(_write(tmp_path, _with(parties=[{"region": "99.99"}, {"region": "34.04"}])))
    indonesian = _assert_bad_input(_run(path), "99.99")
    english = _assert_bad_input(_run(path, "--lang", "en"), "99.99")
    assert indonesian != english
