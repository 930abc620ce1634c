"""Django settings for KSD, read from KSD_* environment variables (docs/setup.md lists them).

With nothing set, KSD runs on SQLite at var/ksd.sqlite3 with DEBUG off, which is what `make run`
uses. There is no local_settings.py: a deployment sets environment variables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

from ksd.core.env import env_choice, env_flag, env_int, env_list, env_str, secret_key

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout: src/ksd/settings.py -> src/ksd -> src -> project root.
PROJECT_ROOT = PACKAGE_DIR.parent.parent
# Files KSD writes at run time (database, generated secret key, collected static files).
VAR_DIR = Path(env_str("KSD_VAR_DIR", str(PROJECT_ROOT / "var")))

DEBUG = env_flag("KSD_DEBUG", default=False)
SECRET_KEY = secret_key(VAR_DIR / "secret_key")

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *env_list("KSD_ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env_list("KSD_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ksd.core",
    "ksd.regions",
    "ksd.accounts",
    "ksd.cooperation",
    "ksd.dprd",
    "ksd.documents",
    "ksd.bodies",
    "ksd.dataset",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves the collected static files from the app server itself (no CDN, no separate web
    # server needed on a closed intranet), with far-future caching and compression.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ksd.urls"
WSGI_APPLICATION = "ksd.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_KIND = env_choice("KSD_DB", ("sqlite", "postgres"), default="sqlite")
DATABASES: dict[str, dict[str, Any]]
if DATABASE_KIND == "postgres":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": env_str("KSD_PG_NAME", "ksd"),
            "HOST": env_str("KSD_PG_HOST", "127.0.0.1"),
            "PORT": env_int("KSD_PG_PORT", 5432),
            "USER": env_str("KSD_PG_USER", "postgres"),
            "PASSWORD": env_str("KSD_PG_PASSWORD", ""),
            # Keep each worker's connection between requests: opening one costs more than most
            # pages (measured in docs/performance.md). Checked before reuse, so a restarted
            # database is reconnected rather than answered with an error.
            "CONN_MAX_AGE": env_int("KSD_PG_CONN_MAX_AGE", 600),
            "CONN_HEALTH_CHECKS": True,
        }
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "ksd.sqlite3",
            # A lifecycle step reads, then writes, in one transaction. Under SQLite's default
            # deferred BEGIN, two such steps can both read and then fail at once with "database is
            # locked" when they try to write. IMMEDIATE takes the write lock at BEGIN, so the
            # second step waits its turn instead, for up to `timeout` seconds.
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Timestamps are stored in UTC; Asia/Jakarta (WIB) is only the display default. Legal dates
# follow each region's own zone (Region.timezone), see ksd.core.clock.
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"

USE_I18N = True
LANGUAGE_CODE = "id"
LANGUAGES = [
    ("id", _("Indonesian")),
    ("en", _("English")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# `ksd collectstatic` fills it (make serve); it exists from the start so WhiteNoise finds it.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Logins live in the accounts app, under Indonesian paths.
LOGIN_URL = "/akun/masuk/"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
