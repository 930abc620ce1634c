"""Who supervises a cooperation (pembinaan dan pengawasan), from the regions as they were on its date.

- PP 50/2007 Pasal 22 ayat (1)-(2): the Minister (general) and the related ministers (technical)
  supervise cooperation between provinces and between kab/kota of different provinces; the article
  names no one for kab/kota of one province or for a province with its own kab/kota.
- From 2 October 2014, UU 23/2014 Pasal 368: the governor, as the central government's
  representative, monitors and evaluates the cooperation of kab/kota within one province (ayat
  (1)); the Minister that of provinces, and of a province with kab/kota inside or outside it
  (ayat (2)).
- PP 28/2018 Pasal 44: the Minister generally and nationally (ayat (1)); the governor, as the
  central government's representative, for the cooperation of kab/kota within one province
  (ayat (4)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ksd.law.citations import Citation, Lang, Text
from ksd.law.facts import Facts
from ksd.law.regimes import Regime

UU23_IN_FORCE = dt.date(2014, 10, 2)


@dataclass(frozen=True, slots=True)
class Supervision:
    authority: str | None  # gubernur, menteri; None where no article names one
    province: str | None
    citation: Citation
    message: Text

    def to_json(self, lang: Lang) -> dict[str, str | None]:
        return {
            "authority": self.authority,
            "province": self.province,
            "citation": str(self.citation),
            "message": self.message.render(lang),
        }


def supervision(facts: Facts) -> Supervision | None:
    regions = list({r.code: r for r in facts.regions if r.is_autonomous}.values())
    if not regions:
        return None
    provinces = {r.province_code for r in regions}
    kabkota_of_one = len(provinces) == 1 and not any(r.is_province for r in regions)
    # Cooperation abroad (KSDPL, KSDLL) runs through the central government (PP 28/2018 Pasal 29,
    # 37, 43): its supervision is the Minister's, even for one kab/kota.
    abroad = any(p.foreign is not None for p in facts.parties)
    if facts.regime is Regime.PP28_2018:
        if kabkota_of_one and not abroad:
            return Supervision(
                "gubernur", regions[0].province_code, Citation("PP 28/2018", "44", "4"),
                Text(
                    "Kerja sama daerah kabupaten/kota dalam satu provinsi dibina dan diawasi "
                    "gubernur sebagai wakil Pemerintah Pusat.",
                    "Cooperation of kab/kota within one province is supervised by the governor "
                    "as the central government's representative.",
                ),
            )  # fmt: skip
        return Supervision(
            "menteri", None, Citation("PP 28/2018", "44", "1"),
            Text(
                "Pembinaan dan pengawasan kerja sama daerah secara umum dilaksanakan dan secara "
                "nasional dikoordinasikan oleh Menteri Dalam Negeri.",
                "Cooperation is supervised generally by, and nationally coordinated by, the "
                "Minister of Home Affairs.",
            ),
        )  # fmt: skip
    after_uu23 = facts.date >= UU23_IN_FORCE
    if kabkota_of_one:
        if after_uu23:
            return Supervision(
                "gubernur", regions[0].province_code, Citation("UU 23/2014", "368", "1"),
                Text(
                    "Sejak 2 Oktober 2014 gubernur sebagai wakil Pemerintah Pusat memantau dan "
                    "mengevaluasi kerja sama kabupaten/kota dalam satu provinsi.",
                    "Since 2 October 2014 the governor, as the central government's "
                    "representative, monitors and evaluates cooperation of kab/kota within one "
                    "province.",
                ),
            )  # fmt: skip
        return _unnamed()
    has_province = any(r.is_province for r in regions)
    if has_province and len(regions) > 1 and not all(r.is_province for r in regions):
        if after_uu23:
            return Supervision(
                "menteri", None, Citation("UU 23/2014", "368", "2"),
                Text(
                    "Sejak 2 Oktober 2014 Menteri memantau dan mengevaluasi kerja sama antara "
                    "provinsi dan kabupaten/kota di dalam maupun di luar wilayahnya.",
                    "Since 2 October 2014 the Minister monitors and evaluates cooperation "
                    "between a province and kab/kota inside or outside it.",
                ),
            )  # fmt: skip
        return _unnamed()  # Pasal 22 ayat (1) names neither a province with a kab/kota
    if len(regions) < 2:
        if after_uu23 and not regions[0].is_province:
            return Supervision(
                "gubernur", regions[0].province_code, Citation("UU 23/2014", "368", "1"),
                Text(
                    "Sejak 2 Oktober 2014 gubernur sebagai wakil Pemerintah Pusat memantau dan "
                    "mengevaluasi kerja sama yang dilakukan kabupaten/kota di provinsinya.",
                    "Since 2 October 2014 the governor, as the central government's "
                    "representative, monitors and evaluates the cooperation of the kab/kota of "
                    "the province.",
                ),
            )  # fmt: skip
        return _unnamed()
    return Supervision(
        "menteri", None, Citation("PP 50/2007", "22", "1"),
        Text(
            "Menteri melakukan pembinaan dan pengawasan umum atas kerja sama antarprovinsi atau "
            "antarkabupaten/kota dari provinsi lain; pengawasan teknis oleh Menteri dan "
            "pimpinan LPND terkait (ayat (2)).",
            "The Minister supervises generally the cooperation between provinces or between "
            "kab/kota of different provinces; technical supervision lies with the related "
            "ministers and agencies (ayat (2)).",
        ),
    )  # fmt: skip


def _unnamed() -> Supervision:
    return Supervision(
        None,
        None,
        Citation("PP 50/2007", "22", "1"),
        Text(
            "PP 50/2007 Pasal 22 hanya menyebut pembinaan dan pengawasan atas kerja sama "
            "antarprovinsi dan antarkabupaten/kota dari provinsi lain; untuk kerja sama ini "
            "tidak ada pembina yang ditunjuk.",
            "PP 50/2007 Pasal 22 names supervisors only for cooperation between provinces and "
            "between kab/kota of different provinces; no supervisor is named for this one.",
        ),
    )
