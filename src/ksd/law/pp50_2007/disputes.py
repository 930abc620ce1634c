"""Who settles a dispute between two parties under PP 50/2007 (Pasal 14-16)."""

from __future__ import annotations

import datetime as dt

from ksd.law.citations import Citation
from ksd.law.facts import Party
from ksd.law.geography import Scope, region_scope
from ksd.law.parameters import parameter
from ksd.law.pp50_2007.cite import pasal
from ksd.law.verdicts import DisputeRoute


def dispute_route(a: Party, b: Party, on: dt.date) -> DisputeRoute | None:
    if a.region is None and b.region is None:
        return None
    if a.region is None or b.region is None:
        return DisputeRoute(
            "perjanjian",
            None,
            pasal("16", "1"),
            "Perselisihan dengan pihak ketiga diselesaikan menurut klausul penyelesaian "
            "perselisihan dalam perjanjian kerja sama; bila tidak selesai, menurut peraturan "
            "perundang-undangan (ayat (2)).",
            "A dispute with a third party is settled by the agreement's dispute clause; failing "
            "that, under the law (ayat (2)).",
        )
    scope = region_scope(a.region, b.region)
    if scope is Scope.KABKOTA_SATU_PROVINSI:
        province = a.region.province_code
        final = parameter("pp50_governor_decree_final", on=on).value
        if final:
            return DisputeRoute(
                "gubernur",
                province,
                pasal("14", "1"),
                "Perselisihan antardaerah dalam satu provinsi diselesaikan dengan musyawarah atau "
                "Keputusan Gubernur, yang bersifat final dan mengikat (ayat (2)).",
                "A dispute between regions of one province is settled by deliberation or by a "
                "Governor's Decree, which is final and binding (ayat (2)).",
                "pp50_governor_decree_final",
                final=True,
            )
        return DisputeRoute(
            "gubernur",
            province,
            pasal("14", "1"),
            "Perselisihan antardaerah dalam satu provinsi diselesaikan dengan musyawarah atau "
            "oleh Gubernur (Pasal 14 ayat (1); UU 23/2014 Pasal 370 ayat (1)). Sejak 2 Oktober "
            "2014, bila gubernur tidak dapat menyelesaikannya, Menteri Dalam Negeri yang "
            "menanganinya (UU 23/2014 Pasal 370 ayat (3)), dan hanya keputusan Menteri yang "
            "final (ayat (4)); PP 50/2007 Pasal 14 ayat (2) tidak lagi berlaku sejauh "
            "bertentangan (UU 23/2014 Pasal 408).",
            "A dispute between regions of one province is settled by deliberation or by the "
            "Governor (Pasal 14 ayat (1); UU 23/2014 Pasal 370 ayat (1)). Since 2 October 2014, "
            "when the governor cannot settle it, the Minister of Home Affairs handles it "
            "(UU 23/2014 Pasal 370 ayat (3)), and only the Minister's decision is final "
            "(ayat (4)); PP 50/2007 Pasal 14 ayat (2) no longer applies as far as it conflicts "
            "(UU 23/2014 Pasal 408).",
            "pp50_governor_decree_final",
            final=False,
            escalates_to="menteri",
        )
    if scope is Scope.PROVINSI_KABKOTA_LUAR and parameter("uu23_2014_overlay", on=on).value:
        return DisputeRoute(
            "menteri",
            None,
            Citation("UU 23/2014", "370", "2"),
            "PP 50/2007 Pasal 14-15 tidak mengatur perselisihan antara provinsi dan "
            "kabupaten/kota dari provinsi lain; sejak 2 Oktober 2014 UU 23/2014 Pasal 370 "
            "ayat (2) menyerahkannya kepada Menteri Dalam Negeri, yang keputusannya final "
            "(ayat (4)).",
            "PP 50/2007 Pasal 14-15 do not cover a dispute between a province and a kab/kota "
            "of another province; since 2 October 2014 UU 23/2014 Pasal 370 ayat (2) gives it "
            "to the Minister of Home Affairs, whose decision is final (ayat (4)).",
            "uu23_2014_overlay",
            final=True,
        )
    if scope is Scope.PROVINSI_KABKOTA_LUAR:
        return DisputeRoute(
            None,
            None,
            pasal("15", "1"),
            "Pasal 14 dan 15 tidak mengatur perselisihan antara provinsi dan kabupaten/kota dari "
            "provinsi lain: tidak ada pejabat yang ditunjuk untuk memutusnya. Atur penyelesaian "
            "perselisihan dalam perjanjian dan konsultasikan dengan Kementerian Dalam Negeri.",
            "Pasal 14 and 15 do not cover a dispute between a province and a kab/kota of another "
            "province: no authority is named to decide it. Settle it in the agreement's dispute "
            "clause and consult the Ministry of Home Affairs.",
        )
    return DisputeRoute(
        "menteri",
        None,
        pasal("15", "1"),
        "Perselisihan antarprovinsi, antara provinsi dan kabupaten/kota di wilayahnya, atau "
        "antara kabupaten/kota dari provinsi berbeda diselesaikan dengan musyawarah atau "
        "Keputusan Menteri Dalam Negeri, yang bersifat final dan mengikat (ayat (2)).",
        "A dispute between provinces, between a province and a kab/kota within it, or between "
        "kab/kota of different provinces is settled by deliberation or by a decree of the "
        "Minister of Home Affairs, which is final and binding (ayat (2)).",
        final=True,
    )
