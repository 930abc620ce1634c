"""Typed readers for KSD_* environment variables, used by settings.py.

Each reader rejects a value it does not know with ImproperlyConfigured, naming the variable and
the values it accepts: a typo such as KSD_DEBUG=true must stop the start-up, not silently mean
"off". An empty value counts as unset, as an empty line in an env file would.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from ksd.core.private_files import OWNER_READ_WRITE, restrict


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    value = (os.environ if environ is None else environ).get(name, "")
    return value or None


def env_str(name: str, default: str, *, environ: Mapping[str, str] | None = None) -> str:
    """The variable's text, or `default` when unset."""
    value = _raw(name, environ)
    return default if value is None else value


def env_flag(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    """A switch written "1" (on) or "0" (off); anything else is an error."""
    value = _raw(name, environ)
    if value is None:
        return default
    if value not in ("1", "0"):
        raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")
    return value == "1"


def env_choice(
    name: str, choices: tuple[str, ...], default: str, *, environ: Mapping[str, str] | None = None
) -> str:
    """One of `choices`; anything else is an error that lists them."""
    value = _raw(name, environ)
    if value is None:
        return default
    if value not in choices:
        allowed = ", ".join(choices)
        raise ImproperlyConfigured(f"{name} must be one of {allowed}, not {value!r}.")
    return value


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """A whole number, at least `minimum` when one is given; anything else is an error."""
    value = _raw(name, environ)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be {minimum} or more, not {value!r}.")
    return number


def env_list(name: str, *, environ: Mapping[str, str] | None = None) -> list[str]:
    """A comma-separated list; blanks around the commas are dropped."""
    value = _raw(name, environ)
    if value is None:
        return []
    return [item.strip() for item in value.split(",") if item.strip()]


def secret_key(generated_file: Path, *, environ: Mapping[str, str] | None = None) -> str:
    """Django's SECRET_KEY: from KSD_SECRET_KEY, else from the file KSD_SECRET_KEY_FILE names,
    else from `generated_file`, which is written once with a random key on the first start.

    The generated key lets `make run` work with no set-up and survives restarts, so sessions and
    password-reset links stay valid. A deployment should set one of the two variables.
    """
    direct = _raw("KSD_SECRET_KEY", environ)
    from_file = _raw("KSD_SECRET_KEY_FILE", environ)
    if direct is not None and from_file is not None:
        raise ImproperlyConfigured("Set KSD_SECRET_KEY or KSD_SECRET_KEY_FILE, not both.")
    if direct is not None:
        return direct
    if from_file is not None:
        try:
            key = Path(from_file).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ImproperlyConfigured(
                f"KSD_SECRET_KEY_FILE names {from_file!r}, which cannot be read: {error}."
            ) from None
        if not key:
            raise ImproperlyConfigured(f"KSD_SECRET_KEY_FILE names {from_file!r}, which is empty.")
        return key
    return _generated_secret_key(generated_file)


def _generated_secret_key(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = get_random_secret_key()
        descriptor, draft = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(key + "\n")
            # link() is atomic and refuses to replace: when two processes start at once, the
            # first key wins whole and the other process reads it below.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(draft)
    # mkstemp creates the file 0600; a key file copied in with a wider mode is tightened.
    restrict(path, OWNER_READ_WRITE)
    key = path.read_text(encoding="utf-8").strip()
    if not key:
        raise ImproperlyConfigured(f"{path} is empty: delete it to have a new key generated.")
    return key
