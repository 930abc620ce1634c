"""Files only KSD's own user may read: the SQLite database, the generated secret key and the
stored documents. Anyone else on the server who could read them would have every record, the
key that signs sessions, or every uploaded document."""

from __future__ import annotations

import os
import stat
from pathlib import Path

OWNER_READ_WRITE = 0o600
OWNER_READ_ONLY = 0o400
OWNER_ONLY_DIRECTORY = 0o700


def restrict(path: Path, mode: int) -> None:
    """Give `path` exactly `mode` if it exists, is ours and has other permission bits. A file
    owned by another user is left alone: only its owner (or root) could change it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != mode:
        path.chmod(mode)


def ensure_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (so it never exists with a wider
    mode, whatever the umask), else tighten it to 0600. An empty file is a valid, empty SQLite
    database."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_READ_WRITE)
    except FileExistsError:
        restrict(path, OWNER_READ_WRITE)
    else:
        os.close(descriptor)
