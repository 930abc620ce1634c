"""The logged-in user read by one plain statement (ksd.core.authentication) is the same user
Django's ORM gives, and every check of Django's session authentication still holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory

from ksd.core.authentication import get_user

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "kata-sandi-panjang-1"  # noqa: S105 - a test account


def _request_of(client: Client):  # type: ignore[no-untyped-def]
    """A request carrying `client`'s session, as the middleware sees it."""
    from importlib import import_module

    from django.conf import settings

    request = RequestFactory().get("/")
    store = import_module(settings.SESSION_ENGINE).SessionStore
    request.session = store(client.cookies["sessionid"].value)
    return request


def test_the_logged_in_user_is_the_row_the_orm_reads() -> None:
    user = User.objects.create_user("siti", password=PASSWORD)
    user.last_login = dt.datetime(2026, 11, 30, 8, 15, tzinfo=dt.UTC)
    user.save()
    client = Client()
    client.force_login(user)
    loaded = get_user(_request_of(client))
    expected = User.objects.get(pk=user.pk)
    assert loaded.pk == user.pk
    assert loaded.is_authenticated
    for field in User._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
        assert type(getattr(loaded, field.attname)) is type(getattr(expected, field.attname))


def test_a_changed_password_ends_the_other_sessions() -> None:
    user = User.objects.create_user("budi", password=PASSWORD)
    client = Client()
    client.force_login(user)
    user.set_password("kata-sandi-panjang-2")
    user.save()
    request = _request_of(client)
    assert not get_user(request).is_authenticated
    assert request.session.is_empty(), "the stale session is flushed"


def test_an_inactive_or_deleted_account_is_anonymous() -> None:
    user = User.objects.create_user("ani", password=PASSWORD)
    client = Client()
    client.force_login(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert not get_user(_request_of(client)).is_authenticated
    User.objects.filter(pk=user.pk).delete()
    assert not get_user(_request_of(client)).is_authenticated


def test_pages_know_the_logged_in_user(client: Client) -> None:
    user = User.objects.create_user("dewi", password=PASSWORD)
    client.force_login(user)
    assert client.get("/healthz/").wsgi_request.user == user
    client.logout()
    assert not client.get("/healthz/").wsgi_request.user.is_authenticated


def test_the_role_and_region_come_with_the_user_in_one_statement(
    operator_sleman: User, django_assert_num_queries
) -> None:
    client = Client()
    client.force_login(operator_sleman)
    request = _request_of(client)
    request.session.keys()  # the session's own statement, not counted below
    with django_assert_num_queries(1):
        loaded = get_user(request)
        membership = loaded.membership
    expected = operator_sleman.membership
    assert (membership.role, membership.region_id) == (expected.role, expected.region_id)
    assert membership.user is loaded


def test_an_account_without_a_role_has_no_membership_and_is_refused_internal_pages() -> None:
    from django.contrib.auth.models import User as DjangoUser

    user = User.objects.create_user("tanpa-peran", password=PASSWORD)
    client = Client()
    client.force_login(user)
    loaded = get_user(_request_of(client))
    with pytest.raises(DjangoUser.membership.RelatedObjectDoesNotExist):
        loaded.membership  # noqa: B018 - the access is the test
    response = client.get("/kerja-sama/")
    assert response.status_code == 403
    assert "belum memiliki peran di KSD" in response.content.decode()
