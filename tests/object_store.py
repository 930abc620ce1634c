"""A local S3-compatible object store for the tests (moto in server mode, on a free port of
127.0.0.1) and the settings that point KSD_STORAGE=s3 at it. Import the fixtures by name:
`from object_store import moto_endpoint, s3_documents` (pytest puts tests/ on the path).

Without moto installed the tests that use them skip, saying so."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from ksd.core.deployment import document_storage

ACCESS_KEY = "ksd-test"
SECRET_KEY = "ksd-test-secret"  # noqa: S105 (moto accepts any)
REGION = "us-east-1"


def environment(endpoint: str, bucket: str) -> dict[str, str]:
    """The KSD_* variables of docs/deploy.md for this store and bucket."""
    return {
        "KSD_STORAGE": "s3",
        "KSD_S3_BUCKET": bucket,
        "KSD_S3_ENDPOINT_URL": endpoint,
        "KSD_S3_REGION": REGION,
        "KSD_S3_ACCESS_KEY_ID": ACCESS_KEY,
        "KSD_S3_SECRET_ACCESS_KEY": SECRET_KEY,
    }


def client(endpoint: str) -> Any:
    import boto3

    return boto3.client(
        "s3", endpoint_url=endpoint, region_name=REGION,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
    )  # fmt: skip


def new_bucket(endpoint: str, *, versioned: bool = False) -> str:
    name = f"ksd-{uuid.uuid4().hex[:12]}"
    s3 = client(endpoint)
    s3.create_bucket(Bucket=name)
    if versioned:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name


def objects(endpoint: str, bucket: str) -> dict[str, bytes]:
    """Every object in the bucket: its key and its bytes."""
    s3 = client(endpoint)
    listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {o["Key"]: s3.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listed}


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """http://127.0.0.1:PORT of a moto S3 server running for the whole test session."""
    server_module = pytest.importorskip(
        "moto.server", reason="moto[server] is not installed (pip install -e '.[dev]')"
    )
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3_documents(settings: Any, moto_endpoint: str) -> str:
    """Documents stored in a new, empty bucket of the moto server, as KSD_STORAGE=s3 configures
    it; the bucket's name."""
    bucket = new_bucket(moto_endpoint, versioned=True)
    kind, entry = document_storage(
        memory_limit=settings.FILE_UPLOAD_MAX_MEMORY_SIZE,
        environ=environment(moto_endpoint, bucket),
    )
    settings.DOCUMENT_STORAGE = kind
    settings.STORAGES = {**settings.STORAGES, "documents": entry}
    return bucket
