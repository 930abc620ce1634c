"""placeholder"""

from __future__ import annotations

from dataclasses import dataclass

from ksd.law.citations import Finding
from ksd.law.facts import Facts


@dataclass(frozen=True, slots=True)
class LevelVerdict:
    region: str

    def to_json(self, lang: object) -> dict[str, object]:
        return {"region": self.region}


def check_object(affair: object, sub: object) -> None:
    return None


def judge(facts: Facts) -> tuple[list[LevelVerdict], list[Finding]]:
    return [], []
