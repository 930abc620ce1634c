"""URLs of the reminders app (included at the site root)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from ksd.reminders import views

app_name = "reminders"
urlpatterns: list[URLPattern | URLResolver] = [
    path("akun/saya/", views.account, name="account"),
    path("akun/saya/kalender-baru/", views.renew_feed, name="renew_feed"),
    path("kalender/<str:token>.ics", views.feed, name="feed"),
]
