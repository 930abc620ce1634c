"""Where the state shared by several app servers lives, read from KSD_* variables by settings.py
(docs/deploy.md): sessions and the cache (KSD_REDIS_URL) and stored documents (KSD_STORAGE).

With none of them set, one machine keeps everything itself: sessions in the database, the cache
in each process's memory, documents on local disk under var/documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from ksd.core.env import env_choice, env_str

DATABASE_SESSIONS = "ksd.core.sessions"  # Django's database sessions, read in one plain statement
# Sessions read from Redis and written through to the database: a request needs no database
# read for its session, and a Redis restart (this Redis keeps nothing on disk) logs nobody out.
CACHED_DATABASE_SESSIONS = "django.contrib.sessions.backends.cached_db"
LOCAL_MEMORY_CACHE = "django.core.cache.backends.locmem.LocMemCache"
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
S3_STORAGE = "storages.backends.s3.S3Storage"
STORAGE_KINDS = ("local", "s3")
# Pages one worker keeps in its memory (a register page is ~60-100 kB: at most ~30 MB).
PAGES_KEPT = 300


def cache_and_sessions(redis_url: str) -> tuple[dict[str, dict[str, Any]], str]:
    """CACHES and SESSION_ENGINE: Redis behind both when `redis_url` is set (redis://HOST:PORT/DB
    or rediss:// for TLS), else the local memory cache and database sessions."""
    if not redis_url:
        # Pages (core/page_cache.py) apart, so that they never push the aggregates out.
        pages = {"BACKEND": LOCAL_MEMORY_CACHE, "LOCATION": "ksd-pages",
                 "OPTIONS": {"MAX_ENTRIES": PAGES_KEPT}}  # fmt: skip
        return {"default": {"BACKEND": LOCAL_MEMORY_CACHE}, "pages": pages}, DATABASE_SESSIONS
    if not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"KSD_REDIS_URL must start with redis://, rediss:// or unix://, not {redis_url!r}."
        )
    caches = {
        "default": {"BACKEND": REDIS_CACHE, "LOCATION": redis_url, "KEY_PREFIX": "ksd"},
        "pages": {"BACKEND": REDIS_CACHE, "LOCATION": redis_url, "KEY_PREFIX": "ksd-pages"},
    }
    return caches, CACHED_DATABASE_SESSIONS


def document_storage(
    *, memory_limit: int, environ: Mapping[str, str] | None = None
) -> tuple[str, dict[str, Any] | None]:
    """KSD_STORAGE ("local" or "s3") and, for s3, the STORAGES entry "documents" for
    django-storages' S3Storage, built from the KSD_S3_* variables."""
    kind = env_choice("KSD_STORAGE", STORAGE_KINDS, default="local", environ=environ)
    if kind == "local":
        return kind, None

    def variable(name: str, default: str = "") -> str:
        return env_str(name, default, environ=environ)

    bucket = variable("KSD_S3_BUCKET")
    if not bucket:
        raise ImproperlyConfigured("KSD_STORAGE=s3 needs KSD_S3_BUCKET, the bucket's name.")
    if bool(variable("KSD_S3_ACCESS_KEY_ID")) != bool(variable("KSD_S3_SECRET_ACCESS_KEY")):
        raise ImproperlyConfigured(
            "Set both KSD_S3_ACCESS_KEY_ID and KSD_S3_SECRET_ACCESS_KEY, or neither (then boto3 "
            "finds credentials itself, e.g. from an instance role)."
        )
    addressing = env_choice(
        "KSD_S3_ADDRESSING_STYLE", ("auto", "path", "virtual"), default="path", environ=environ
    )
    options: dict[str, Any] = {
        "bucket_name": bucket,
        # Objects are <prefix>/<first two hex digits>/<sha256>, as on disk.
        "location": variable("KSD_S3_PREFIX", "documents").strip("/"),
        "endpoint_url": variable("KSD_S3_ENDPOINT_URL") or None,
        "region_name": variable("KSD_S3_REGION") or None,
        "access_key": variable("KSD_S3_ACCESS_KEY_ID") or None,
        "secret_key": variable("KSD_S3_SECRET_ACCESS_KEY") or None,
        "addressing_style": addressing,
        # A CA bundle for a store whose certificate a private authority signed.
        "verify": variable("KSD_S3_CA_BUNDLE") or None,
        # Objects stay private (the bucket's own default); downloads go through KSD's access
        # checks, never through a public or signed URL.
        "default_acl": None,
        "querystring_auth": False,
        # An object being read is held in memory up to this size, then in a private temporary
        # file in FILE_UPLOAD_TEMP_DIR.
        "max_memory_size": memory_limit,
        "file_overwrite": False,
    }
    return kind, {"BACKEND": S3_STORAGE, "OPTIONS": options}
