"""The header's menu fits the role: each sees what its day needs, and nothing it cannot open."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

import personas


def _menu(user: User | None) -> list[str]:
    client = Client()
    if user is not None:
        client.force_login(user)
    page = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', page, re.S)
    assert nav, "no site menu"
    return re.findall(r'<a href="([^"]+)"', nav.group(0))


@pytest.mark.usefixtures("regions_loaded")
@pytest.mark.parametrize(
    ("who", "menu"),
    [
        (None, ["/publik/"]),
        ("operator_kota_yogyakarta", ["/dasbor/", "/kerja-sama/", "/kerja-sama/baru/",
                                      "/pengawasan/", "/badan/", "/pihak-ketiga/",
                                      "/perangkat-daerah/", "/pejabat/"]),
        ("dprd_kota_yogyakarta", ["/dasbor/"]),
        ("biro_pemerintahan_diy", ["/kerja-sama/", "/dasbor/", "/pengawasan/", "/badan/",
                                   "/pihak-ketiga/", "/perangkat-daerah/", "/pejabat/"]),
        ("kemendagri", ["/kerja-sama/", "/dasbor/", "/pengawasan/", "/badan/",
                        "/pihak-ketiga/", "/perangkat-daerah/", "/pejabat/"]),
        ("administrator", ["/kerja-sama/", "/admin/", "/badan/", "/pihak-ketiga/",
                           "/perangkat-daerah/", "/pejabat/", "/pengaturan/batas-waktu-dprd/"]),
    ],
)  # fmt: skip
def test_each_role_gets_the_menu_of_its_day(who: str | None, menu: list[str]) -> None:
    user = getattr(personas, who)() if who else None

    assert _menu(user) == menu


@pytest.mark.usefixtures("regions_loaded")
def test_every_link_of_every_menu_opens_for_its_role() -> None:
    for make in (personas.operator_kota_yogyakarta, personas.dprd_kota_yogyakarta,
                 personas.biro_pemerintahan_diy, personas.kemendagri, personas.administrator):  # fmt: skip
        client = Client()
        client.force_login(make())
        for url in _menu(make()):
            assert client.get(url).status_code == 200, (make.__name__, url)


@pytest.mark.usefixtures("regions_loaded")
def test_the_current_page_is_marked_in_the_menu() -> None:
    client = Client()
    client.force_login(personas.operator_kota_yogyakarta())

    page = client.get("/kerja-sama/baru/").content.decode()

    assert '<a href="/kerja-sama/baru/" aria-current="page">' in page
    assert '<a href="/kerja-sama/" aria-current="page">' not in page


@pytest.mark.usefixtures("regions_loaded")
def test_a_logged_in_home_page_starts_from_the_tasks_and_shows_no_command_line() -> None:
    client = Client()
    client.force_login(personas.operator_kota_yogyakarta())

    page = client.get("/").content.decode()

    assert "Tugas saya" in page
    assert 'href="/dasbor/"' in page
    assert "Tidak ada yang menunggu tindakan Anda." in page
    assert "ksd " not in page
