"""URLs of the accounts app; each app names its own full paths (included at the site root)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, path

from ksd.accounts import people_views
from ksd.accounts.forms import LoginForm

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "akun/masuk/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
            next_page="home",
        ),
        name="login",
    ),
    # Logging out is a POST (Django 5), from the button in accounts/_user.html.
    path("akun/keluar/", auth_views.LogoutView.as_view(next_page="home"), name="logout"),
    # Regions manage their own people (accounts/people.py).
    path("akun/orang/", people_views.my_people, name="my_people"),
    path("akun/daerah/<str:code>/orang/", people_views.region_people, name="people"),
    path("akun/daerah/<str:code>/undang/", people_views.invite, name="invite"),
    path(
        "akun/daerah/<str:code>/undangan/<int:pk>/batalkan/",
        people_views.revoke,
        name="revoke",
    ),
    path(
        "akun/daerah/<str:code>/orang/<int:user_id>/status/",
        people_views.set_active,
        name="set_active",
    ),
    path("akun/undangan/<str:token>/", people_views.accept, name="accept"),
]
