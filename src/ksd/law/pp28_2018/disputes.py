"""Who settles a dispute under PP 28/2018: Pasal 8 (KSDD, by UU 23/2014 Pasal 370) and
Pasal 21 (KSDPK)."""

from __future__ import annotations

import datetime as dt

from ksd.law.facts import Party
from ksd.law.geography import Scope, region_scope
from ksd.law.pp28_2018 import foreign
from ksd.law.pp28_2018.cite import pasal, uu23
from ksd.law.verdicts import DisputeRoute


def dispute_route(a: Party, b: Party, on: dt.date) -> DisputeRoute | None:
    if a.abroad is not None or b.abroad is not None:
        return foreign.dispute_route(a, b)  # Pasal 34 and 41, never Pasal 21
    if a.region is None and b.region is None:
        return None
    if a.region is None or b.region is None:
        return DisputeRoute(
            "perjanjian",
            None,
            pasal("21"),
            "Perselisihan KSDPK diselesaikan dengan mengutamakan musyawarah mufakat dan sesuai "
            "kesepakatan dalam kontrak/perjanjian kerja sama.",
            "A KSDPK dispute is settled first by deliberation and consensus, and by what the "
            "contract or agreement provides.",
        )
    scope = region_scope(a.region, b.region)
    if scope is Scope.KABKOTA_SATU_PROVINSI:
        return DisputeRoute(
            "gubernur",
            a.region.province_code,
            uu23("370", "1"),
            "PP 28/2018 Pasal 8 merujuk ke aturan perselisihan antardaerah: perselisihan "
            "antarkabupaten/kota dalam satu provinsi diselesaikan gubernur sebagai wakil "
            "Pemerintah Pusat; bila gubernur tidak dapat menyelesaikannya, oleh Menteri "
            "(ayat (3)), yang keputusannya saja bersifat final (ayat (4)).",
            "PP 28/2018 Pasal 8 refers to the rules on disputes between regions: a dispute "
            "between kab/kota of one province is settled by the governor as representative of "
            "the central government; if the governor cannot, by the Minister (ayat (3)), whose "
            "decision alone is final (ayat (4)).",
            final=False,
            escalates_to="menteri",
        )
    if scope is Scope.KABKOTA_LAIN_PROVINSI:
        return DisputeRoute(
            None,
            None,
            uu23("370"),
            "UU 23/2014 Pasal 370, yang dirujuk PP 28/2018 Pasal 8, tidak menyebut perselisihan "
            "antarkabupaten/kota dari provinsi berbeda: tidak ada pejabat yang ditunjuk untuk "
            "memutusnya. Atur penyelesaiannya dalam perjanjian dan konsultasikan dengan "
            "Kementerian Dalam Negeri.",
            "UU 23/2014 Pasal 370, to which PP 28/2018 Pasal 8 refers, does not name disputes "
            "between kab/kota of different provinces: no authority is named to decide them. "
            "Settle it in the agreement and consult the Ministry of Home Affairs.",
        )
    return DisputeRoute(
        "menteri",
        None,
        uu23("370", "2"),
        "PP 28/2018 Pasal 8 merujuk ke aturan perselisihan antardaerah: perselisihan "
        "antarprovinsi, atau antara provinsi dan kabupaten/kota di dalam maupun di luar "
        "wilayahnya, diselesaikan Menteri Dalam Negeri; keputusannya final (ayat (4)).",
        "PP 28/2018 Pasal 8 refers to the rules on disputes between regions: a dispute between "
        "provinces, or between a province and a kab/kota inside or outside it, is settled by "
        "the Minister of Home Affairs, whose decision is final (ayat (4)).",
        final=True,
    )
