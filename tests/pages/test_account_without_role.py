"""An account without a membership (created, not yet given a role) sees only the public
register (issue 6 point 8): every internal page answers 403 with a page that says why, and the
published cooperation is read on its public page, not on the internal one with its disputes,
DPRD tracks, usernames and file names."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.translation import gettext

from pages import test_permission_matrix as matrix
from pages.test_permission_matrix import BODIES, LOGIN, MATRIX, World, answer

world = matrix.world  # the permission matrix's world, as a fixture of this module too

NO_ROLE = (
    "Your account has no role in KSD yet, so it sees only the public register. "
    "Ask your KSD administrator to give it a role and a region."
)


@pytest.fixture
def roleless(db: None) -> Client:
    client = Client()
    client.force_login(User.objects.create_user("baru_daftar"))
    return client


def expected_for_roleless(pattern: str, public_cell: object) -> object:
    """What the public gets, except that a logged-in account is refused (403) where the public
    is sent to log in, and is sent away from the login page like every logged-in user."""
    if pattern == "/akun/masuk/":
        return 302
    if public_cell == LOGIN and not pattern.startswith("/admin/"):
        return 403
    return public_cell


def test_every_page_answers_an_account_without_a_role_as_the_public(
    world: World, roleless: Client
) -> None:
    wrong = []
    for method, pattern, cells in MATRIX:
        if pattern == "/akun/keluar/" and method == "POST":
            continue  # logging out would end the session the rest of the walk needs
        expected = expected_for_roleless(pattern, cells[0])
        got = answer(roleless, method, world.url(pattern), BODIES.get(pattern, {}))
        if got != expected:
            wrong.append(f"{method} {pattern}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)


def test_the_published_cooperation_is_read_on_its_public_page_only(
    world: World, roleless: Client
) -> None:
    internal = roleless.get(f"/kerja-sama/{world.signed.pk}/")
    assert internal.status_code == 403
    page = internal.content.decode()
    assert gettext(NO_ROLE) in page
    assert world.signed.title not in page
    assert "operator_kota_yogyakarta" not in page  # who did what stays internal

    public = roleless.get(f"/publik/{world.signed.pk}/")
    assert public.status_code == 200
    assert world.signed.title in public.content.decode()
    assert "operator_kota_yogyakarta" not in public.content.decode()


def test_the_register_and_the_menu_show_nothing_internal(world: World, roleless: Client) -> None:
    assert roleless.get("/kerja-sama/", {"q": world.signed.title}).status_code == 403
    home = roleless.get("/").content.decode()
    assert 'href="/publik/"' in home
    for internal in ("/dasbor/", "/kerja-sama/", "/badan/", "/pejabat/"):
        assert f'href="{internal}"' not in home
