"""Django's own Indonesian catalogue misspells a few words that show in the admin; KSD's
catalogue corrects them ("Autentidikasi", "Rubah")."""

from __future__ import annotations

import pytest
from django.test import Client

import personas


@pytest.fixture
def admin_client(db: None) -> Client:
    client = Client()
    client.force_login(personas.administrator())
    return client


def test_the_admin_index_reads_ubah_not_rubah(admin_client: Client) -> None:
    page = admin_client.get("/admin/").content.decode()

    assert "Rubah" not in page
    assert "Perubahan</a>" not in page
    assert ">Ubah</a>" in page
    assert "Autentikasi dan Otorisasi" in page


def test_the_new_user_form_spells_autentikasi(admin_client: Client) -> None:
    page = admin_client.get("/admin/auth/user/add/").content.decode()

    assert "utentidikasi" not in page
    assert "Autentikasi dengan sandi" in page
    assert "merubah" not in page
