"""KSD_STORAGE and the KSD_S3_* variables (ksd.core.deployment, docs/deploy.md): unset, documents
stay on local disk; s3 builds django-storages' S3Storage from the variables; a missing or wrong
value stops the start-up with a message naming the variable."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ksd.core.deployment import document_storage

S3 = {
    "KSD_STORAGE": "s3",
    "KSD_S3_BUCKET": "ksd-jateng",
    "KSD_S3_ENDPOINT_URL": "https://s3.jatengprov.go.id",
    "KSD_S3_REGION": "id-central-1",
    "KSD_S3_ACCESS_KEY_ID": "AKIAKSD",
    "KSD_S3_SECRET_ACCESS_KEY": "rahasia",
}


def test_unset_the_documents_stay_on_local_disk() -> None:
    assert document_storage(memory_limit=1, environ={}) == ("local", None)
    assert settings.DOCUMENT_STORAGE == "local"
    assert "documents" not in settings.STORAGES


def test_s3_builds_a_private_s3_storage_from_the_variables() -> None:
    kind, entry = document_storage(memory_limit=2_621_440, environ=S3)

    assert kind == "s3"
    assert entry is not None
    assert entry["BACKEND"] == "storages.backends.s3.S3Storage"
    options = entry["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == (
        "ksd-jateng", "https://s3.jatengprov.go.id", "id-central-1",
    )  # fmt: skip
    assert (options["access_key"], options["secret_key"]) == ("AKIAKSD", "rahasia")
    assert (options["location"], options["addressing_style"]) == ("documents", "path")
    assert options["default_acl"] is None
    assert options["querystring_auth"] is False


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"KSD_STORAGE": "nfs"}, "KSD_STORAGE must be one of local, s3, not 'nfs'."),
        ({"KSD_S3_BUCKET": ""}, "KSD_STORAGE=s3 needs KSD_S3_BUCKET"),
        (
            {"KSD_S3_SECRET_ACCESS_KEY": ""},
            "Set both KSD_S3_ACCESS_KEY_ID and KSD_S3_SECRET_ACCESS_KEY",
        ),
        (
            {"KSD_S3_ADDRESSING_STYLE": "dns"},
            "KSD_S3_ADDRESSING_STYLE must be one of auto, path, virtual",
        ),
    ],
)
def test_a_missing_or_unknown_value_stops_the_start(change: dict[str, str], message: str) -> None:
    with pytest.raises(ImproperlyConfigured) as stopped:
        document_storage(memory_limit=1, environ={**S3, **change})
    assert message in str(stopped.value)
