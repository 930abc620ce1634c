"""Pages name regions, never their codes, and naming many costs no query per row."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from pytest_django import DjangoAssertNumQueries

from ksd.regions.models import Region
from ksd.regions.names import forget


@pytest.mark.usefixtures("regions_loaded")
def test_codes_become_names_in_one_query_for_the_whole_page(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    forget()
    template = Template(
        "{% for c in codes %}{{ c|region_name }};{% endfor %}{{ codes|region_names }}"
    )
    codes = [r.code for r in Region.objects.all()[:60]]

    with django_assert_num_queries(1):
        text = template.render(Context({"codes": codes}))

    assert "34.71" not in text
    with django_assert_num_queries(0):
        assert Template("{{ c|region_name }}").render(Context({"c": "34.71"})) == "Kota Yogyakarta"
    assert Template("{{ c|region_names }}").render(Context({"c": ["34.71", "34.04"]})) == (
        "Kota Yogyakarta, Kabupaten Sleman"
    )


@pytest.mark.usefixtures("regions_loaded")
def test_a_renamed_region_is_read_again() -> None:
    Template("{{ c|region_name }}").render(Context({"c": "34.71"}))
    region = Region.objects.get(code="34.71")
    region.name = "Kota Jogja"
    try:
        region.save()  # a save tells the map to read again

        assert Template("{{ c|region_name }}").render(Context({"c": "34.71"})) == "Kota Jogja"
    finally:
        forget()  # the test's database is rolled back: so must the map be
