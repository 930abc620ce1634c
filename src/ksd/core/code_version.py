"""A digest of KSD's own files and of some KSD_* variables: the version of anything computed
and kept outside one process (whole pages in a shared cache, the oversight counts in the
database), so that what other code or other settings computed is never read back."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import ksd

# Code, templates, translations and the data files the rules read.
SUFFIXES = (".py", ".html", ".mo", ".yaml", ".csv", ".json")


@functools.cache
def _files() -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    root = Path(ksd.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.digest()


def digest(variables: str, *extra: str) -> str:
    """KSD's files, the environment variables whose names start with `variables` (read now),
    and `extra`."""
    found = sorted((k, v) for k, v in os.environ.items() if k.startswith(variables))
    digest = hashlib.blake2b(_files(), digest_size=8)
    digest.update(repr((found, extra)).encode())
    return digest.hexdigest()
