"""Who settles a dispute among all the parties at once, from the route of every pair.

PP 50/2007 Pasal 14-16 and PP 28/2018 Pasal 8 and 21 (with UU 23/2014 Pasal 370) give a route per
relation: two kab/kota of one province, a province with a kab/kota, a region with a third party.
A cooperation of several parties can mix them. One authority covers a dispute among all parties
only when its power reaches every pair:

- every pair has the same authority (the Governor of one province, the Minister, or the
  agreement's own clause); or
- every pair goes to the Minister or to a Governor whose kab/kota disputes the Minister takes
  over when the governor cannot settle them (UU 23/2014 Pasal 370 ayat (3), from 2 October 2014):
  then the Minister reaches every pair.

Otherwise there is no single authority (`None`), and the message says which authority holds
which pairs: two kab/kota and a company go to the Governor for the regions and to the
agreement for the company.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ksd.law.citations import Finding, Severity, Text
from ksd.law.verdicts import DisputeRoute

PairRoute = tuple[tuple[str, str], DisputeRoute]

_NAMES = {
    "gubernur": ("Gubernur", "the Governor"),
    "menteri": ("Menteri Dalam Negeri", "the Minister of Home Affairs"),
    "perjanjian": ("klausul perjanjian", "the agreement's clause"),
    "negosiasi_konsultasi": ("negosiasi dan konsultasi", "negotiation and consultation"),
    None: ("tidak ada pejabat yang ditunjuk", "no named authority"),
}


def _who(route: DisputeRoute) -> tuple[str, str]:
    id_, en = _NAMES.get(route.authority, (str(route.authority), str(route.authority)))
    if route.authority == "gubernur" and route.province:
        return f"{id_} ({route.province})", f"{en} ({route.province})"
    return id_, en


def _by_route(pairs: Sequence[PairRoute], label: Callable[[str], str]) -> tuple[str, str]:
    groups: dict[tuple[str | None, str | None], list[str]] = {}
    first: dict[tuple[str | None, str | None], DisputeRoute] = {}
    names: dict[str, str] = {}  # each party's label worked out once, not once per pair
    for (a, b), route in pairs:
        key = (route.authority, route.province)
        if a not in names:
            names[a] = label(a)
        if b not in names:
            names[b] = label(b)
        groups.setdefault(key, []).append(f"{names[a]} – {names[b]}")
        first.setdefault(key, route)
    parts_id, parts_en = [], []
    for key, pair_names in groups.items():
        who_id, who_en = _who(first[key])
        parts_id.append(f"{who_id} untuk {', '.join(pair_names)}")
        parts_en.append(f"{who_en} for {', '.join(pair_names)}")
    return "; ".join(parts_id), "; ".join(parts_en)


def overall(
    pairs: Sequence[PairRoute], label: Callable[[str], str]
) -> tuple[DisputeRoute | None, list[Finding]]:
    """The one authority over a dispute among all parties (authority None when there is none),
    with the findings that explain a mixed answer."""
    if not pairs:
        return None, []
    routes = [route for _, route in pairs]
    distinct = {(r.authority, r.province) for r in routes}
    if len(distinct) == 1:
        return routes[0], []
    findings: list[Finding] = []
    who_id, who_en = _by_route(pairs, label)
    findings.append(
        Finding(
            "mixed_dispute_routes",
            Severity.INFO,
            Text(
                f"Pasangan pihak dalam kerja sama ini memiliki jalur penyelesaian perselisihan "
                f"yang berbeda (lihat dispute.pairs): {who_id}. Atur jalurnya dengan tegas "
                "dalam perjanjian.",
                f"The pairs of parties in this cooperation have different dispute routes (see "
                f"dispute.pairs): {who_en}. Settle the route expressly in the agreement.",
            ),
            routes[0].citation,
        )
    )
    uncovered = [r for r in routes if r.authority is None]
    if uncovered:
        route = uncovered[0]
        return (
            DisputeRoute(
                None,
                None,
                route.citation,
                "Tidak ada satu pejabat yang berwenang atas perselisihan di antara semua pihak, "
                f"karena ada pasangan yang tidak diatur: {who_id}.",
                "No one authority can settle a dispute among all parties, since a pair is not "
                f"covered: {who_en}.",
            ),
            findings,
        )
    minister = [r for r in routes if r.authority == "menteri"]
    if minister and all(
        r.authority == "menteri" or (r.authority == "gubernur" and r.escalates_to == "menteri")
        for r in routes
    ):
        return (
            DisputeRoute(
                "menteri",
                None,
                minister[0].citation,
                "Menteri Dalam Negeri berwenang atas semua pasangan: langsung untuk pasangan yang "
                "melibatkan provinsi atau kabupaten/kota dari provinsi berbeda, dan untuk "
                "kabupaten/kota dalam satu provinsi bila gubernur tidak dapat menyelesaikannya "
                f"(UU 23/2014 Pasal 370 ayat (3)); keputusannya final (ayat (4)). {who_id}.",
                "The Minister of Home Affairs reaches every pair: directly for the pairs with a "
                "province or with kab/kota of different provinces, and for kab/kota of one "
                "province when the governor cannot settle it (UU 23/2014 Pasal 370 ayat (3)); "
                f"the decision is final (ayat (4)). {who_en}.",
                final=True,
            ),
            findings,
        )
    findings.append(
        Finding(
            "no_single_dispute_authority",
            Severity.WARNING,
            Text(
                "Tidak ada satu pihak yang berwenang menyelesaikan perselisihan di antara semua "
                f"pihak: {who_id}. Perselisihan diselesaikan per pasangan.",
                "No one authority can settle a dispute among all parties: "
                f"{who_en}. A dispute is settled pair by pair.",
            ),
            routes[0].citation,
        )
    )
    return (
        DisputeRoute(
            None,
            None,
            routes[0].citation,
            f"Tidak ada satu pihak yang berwenang atas semua pihak: {who_id}.",
            f"No one authority covers all parties: {who_en}.",
        ),
        findings,
    )
