"""Django settings for KSD, read from KSD_* environment variables (docs/setup.md lists them).

With nothing set, KSD runs on SQLite at var/ksd.sqlite3 with DEBUG off, which is what `make run`
uses. There is no local_settings.py: a deployment sets environment variables.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

from ksd.core.deployment import cache_and_sessions, document_storage
from ksd.core.env import env_choice, env_flag, env_int, env_list, env_str, secret_key
from ksd.core.private_files import ensure_private_file

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
    "auditlog",
    "ksd.core",
    "ksd.regions",
    "ksd.accounts",
    "ksd.cooperation",
    "ksd.dprd",
    "ksd.documents",
    "ksd.bodies",
    # The JSON API; "ninja" serves its docs page's Swagger UI from static files, not a CDN.
    "ninja",
    "ksd.api",
    # Login throttling: failed attempts per account and per address, unlocked in the admin.
    "axes",
    "ksd.dataset",
    "ksd.reminders",
    "ksd.exchange",
    "ksd.oversight",
    "ksd.monitoring",
]

MIDDLEWARE = [
    # Outermost, so that every response carries the policy, the 413 below included.
    "ksd.core.content_security.ContentSecurityPolicyMiddleware",
    # A body over the limit is refused before anything reads it (ksd.core.request_limits).
    "ksd.core.request_limits.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Serves the collected static files from the app server itself (no CDN, no separate web
    # server needed on a closed intranet), with far-future caching and compression.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Bahasa Indonesia unless English was chosen on the page; never the browser's language.
    "ksd.core.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the logged-in user read by one plain statement (ksd.core.authentication).
    "ksd.core.authentication.AuthenticationMiddleware",
    # After the session, language and user, so that the page it answers with knows them; before
    # anything that reads the user (the audit log's actor), so that a NUL in the session cookie
    # never reaches a query.
    "ksd.core.middleware.RefuseUnusableInputMiddleware",
    # Names the logged-in user as the actor of every change the audit log records.
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: answers a locked-out login with accounts/locked_out.html.
    "axes.middleware.AxesMiddleware",
]
# A form sent without its CSRF token gets KSD's 403 page, in the visitor's language.
CSRF_FAILURE_VIEW = "ksd.core.error_pages.csrf_failure"

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
                "ksd.core.navigation.navigation",
            ],
            # region_name, region_names: on every page without {% load %}.
            "builtins": ["ksd.core.templatetags.ksd"],
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
    # Readable by KSD's user only (0600); SQLite gives its journal files the same mode.
    ensure_private_file(VAR_DIR / "ksd.sqlite3")
    DATABASES = {
        "default": {
            # Django's SQLite backend, whose flush keeps the append-only triggers (see there).
            "ENGINE": "ksd.core.sqlite_backend",
            "NAME": VAR_DIR / "ksd.sqlite3",
            # A lifecycle step reads, then writes, in one transaction. Under SQLite's default
            # deferred BEGIN, two such steps can both read and then fail at once with "database is
            # locked" when they try to write. IMMEDIATE takes the write lock at BEGIN, so the
            # second step waits its turn instead, for up to `timeout` seconds.
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            # Keep each worker's connection between requests, as on PostgreSQL: opening one, and
            # SQLite reading the schema again on its first statement, was most of what a
            # logged-in request cost more than an anonymous one (docs/performance.md).
            "CONN_MAX_AGE": env_int("KSD_SQLITE_CONN_MAX_AGE", 600),
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 hashes new passwords; a PBKDF2 hash still checks and is re-hashed with Argon2 at the
# user's next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

# django-axes checks each login before the password: after AXES_FAILURE_LIMIT failures for one
# username, or from one address whatever the usernames, further logins are refused (even with
# the right password) until the lock-out time has passed or an administrator deletes the
# attempts in the admin (Axes > Access attempts). Its records live in the database, so the lock
# holds for every web process, on SQLite and PostgreSQL alike.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("KSD_LOGIN_FAILURE_LIMIT", 10, minimum=1)
_LOCKOUT_MINUTES = env_int("KSD_LOGIN_LOCKOUT_MINUTES", 30, minimum=0)
# 0 minutes: the lock stays until an administrator lifts it.
AXES_COOLOFF_TIME = dt.timedelta(minutes=_LOCKOUT_MINUTES) if _LOCKOUT_MINUTES > 0 else None
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success does not wipe the failures: axes would wipe those of the whole address too, so an
# attacker with an account of their own could log in now and then to keep guessing others'.
# Failures age out after the lock-out time instead.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "ksd.accounts.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "ksd.accounts.throttle.client_address"
# Behind N reverse proxies, the client's address is the N-th from the right of X-Forwarded-For;
# 0 (no proxy): REMOTE_ADDR. A wrong count lets a client choose the address it is locked by.
PROXY_COUNT = env_int("KSD_PROXY_COUNT", 0, minimum=0)
# Calls per API token per minute (api/auth.py); 0: no limit. Tokens are not passwords: they are
# long random strings, so guessing them needs no throttle; this only keeps one runaway program
# from filling a server. Logins (and so the docs page's session) stay throttled by axes above.
API_REQUESTS_PER_MINUTE = env_int("KSD_API_REQUESTS_PER_MINUTE", 600, minimum=0)
# New XLSX or PDF files of the public himpunan (/publik/himpunan/) per address per minute, for
# visitors who are not logged in (exchange/public_downloads.py); a file already built since the
# register last changed is served from the cache and not counted. 0: no limit.
HIMPUNAN_DOWNLOADS_PER_MINUTE = env_int("KSD_HIMPUNAN_DOWNLOADS_PER_MINUTE", 6, minimum=0)
# Successful logins are not logged by axes (the session table already shows who is in).
AXES_DISABLE_ACCESS_LOG = True

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
# The language switch's choice is kept a year (Django's default: until the browser closes).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
# "1 Desember 2026", "1 Desember 2026 pukul 20.26": ksd/formats, before Django's own formats.
FORMAT_MODULE_PATH = ["ksd.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# `ksd collectstatic` fills it (make serve); it exists from the start so WhiteNoise finds it.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# State that several app servers share (docs/deploy.md, ksd.core.deployment). KSD_REDIS_URL puts
# the cache in Redis and sessions in Redis written through to the database; unset, sessions live
# in the database and the cache in each process's memory. KSD_STORAGE=s3 keeps stored documents
# in an S3-compatible bucket (KSD_S3_*) instead of var/documents (ksd.documents.storage).
CACHES, SESSION_ENGINE = cache_and_sessions(env_str("KSD_REDIS_URL", ""))
# How long a page computed once may answer again while nothing is written (core/page_cache.py);
# 0 computes every page on every visit.
PAGE_CACHE_SECONDS = env_int("KSD_PAGE_CACHE_SECONDS", 3600)
DOCUMENT_STORAGE, _documents_storage = document_storage(memory_limit=2_621_440)
if _documents_storage is not None:
    STORAGES["documents"] = _documents_storage

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The audit trail of reference data: who changed what, old and new values. Which models it
# follows is listed in ksd/core/audit.py.
AUDITLOG_STORE_JSON_CHANGES = True  # old and new values as JSON values, not their str()
# X-Forwarded-For can be forged by any client: the trail names the user, not an address.
AUDITLOG_DISABLE_REMOTE_ADDR = True


# The thresholds of the stalled and at-risk rules (cooperation/stalled.py): unset, each takes its
# dated value from cooperation/data/stalled.yaml; set, the server's value wins and the dashboard
# says so. KSD_STALLED_WORKING_DAYS is the "no step recorded" rule's (working days).
def _stalled(name: str, minimum: int) -> int | None:
    return env_int(name, 0, minimum=minimum) if env_str(name, "").strip() else None


KSD_STALLED_WORKING_DAYS = _stalled("KSD_STALLED_WORKING_DAYS", 1)
KSD_STALLED_OFFER_UNANSWERED = _stalled("KSD_STALLED_OFFER_UNANSWERED", 1)
KSD_STALLED_JOINT_AGREEMENT_WITHOUT_PKS = _stalled("KSD_STALLED_JOINT_AGREEMENT_WITHOUT_PKS", 1)
KSD_STALLED_AWAITING_SIGNATURE = _stalled("KSD_STALLED_AWAITING_SIGNATURE", 1)
KSD_STALLED_DPRD_OVERDUE = _stalled("KSD_STALLED_DPRD_OVERDUE", 0)
KSD_STALLED_EXPIRING_UNRENEWED = _stalled("KSD_STALLED_EXPIRING_UNRENEWED", 1)
KSD_STALLED_DISPUTE_WAITING = _stalled("KSD_STALLED_DISPUTE_WAITING", 0)
KSD_STALLED_REPORT_ABROAD_OVERDUE = _stalled("KSD_STALLED_REPORT_ABROAD_OVERDUE", 1)

# Logins live in the accounts app, under Indonesian paths.
LOGIN_URL = "/akun/masuk/"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# HTTPS, for a server behind a TLS-terminating reverse proxy (docs/setup.md, "Production").
# KSD_HTTPS=1 redirects plain HTTP to HTTPS, sends HSTS for a year (subdomains included, preload
# allowed), keeps the session, CSRF and language cookies to HTTPS, and trusts the proxy's
# X-Forwarded-Proto header to tell which scheme the browser used: the proxy must set it itself,
# overwriting whatever a client sent.
HTTPS = env_flag("KSD_HTTPS", default=False)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Request bodies (ksd.core.request_limits): a request whose Content-Length is over the limit is
# answered 413 before Django reads a byte of it. Only the document upload takes files, so only
# it gets the larger limit (the document limit, 20 MB, plus room for the form around the file).
REQUEST_BODY_LIMIT = 2 * 1024 * 1024
UPLOAD_BODY_LIMIT = 21 * 1024 * 1024
UPLOAD_PATHS = (r"^/dokumen/kerja-sama/\d+/unggah/$", r"^/kerja-sama/impor/$")
# What Django keeps in memory before it spills an uploaded file to a private temporary file
# (mode 0600) in FILE_UPLOAD_TEMP_DIR (the system's, unless KSD_UPLOAD_TEMP_DIR names one).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_LIMIT
FILE_UPLOAD_TEMP_DIR = env_str("KSD_UPLOAD_TEMP_DIR", "") or None
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# E-mail (reminders, digests, invitations: ksd.reminders, ksd.accounts.people). With no
# KSD_EMAIL_HOST, mail is printed on the console of `make run`; with one, it goes by SMTP.
EMAIL_HOST = env_str("KSD_EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("KSD_EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("KSD_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_str("KSD_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_flag("KSD_EMAIL_USE_TLS", default=True)
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("KSD_EMAIL_FROM", "KSD <ksd@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address users reach KSD at, for links in e-mail (no request to read it from).
SITE_URL = env_str("KSD_SITE_URL", "http://127.0.0.1:8000")
# The daily digest goes from this hour (WIB) on, and names what is due within these working days.
REMINDER_DIGEST_HOUR = env_int("KSD_DIGEST_HOUR", 7, minimum=0)
REMINDER_WORKING_DAYS = env_int("KSD_REMINDER_WORKING_DAYS", 5, minimum=0)
# `ksd run` (make run) runs the scheduled jobs in a thread every SCHEDULER_MINUTES; a server
# runs `ksd scheduler --once` from a systemd timer instead (docs/deploy.md).
SCHEDULER_IN_PROCESS = env_flag("KSD_SCHEDULER", default=True)
SCHEDULER_MINUTES = env_int("KSD_SCHEDULER_MINUTES", 5, minimum=1)
# The open-data JSON (docs/open-data.md): who publishes it, and the OCDS prefix of the `ocid` of
# cooperation with a third party. "ocds-ksd000" is a placeholder: an instance that publishes
# OCDS data registers its own prefix with the Open Contracting Partnership and sets it here.
KSD_PUBLISHER = env_str("KSD_PUBLISHER", "KSD")
KSD_OCID_PREFIX = env_str("KSD_OCID_PREFIX", "ocds-ksd000")
