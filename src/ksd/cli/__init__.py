"""The `ksd` command: `ksd assess`, `ksd workdays`, and every Django management command.

`ksd assess` and `ksd workdays` use only ksd.law and start without Django; any other word is
handed to Django's management commands (`ksd migrate`, `ksd runserver`, ...).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

# Exit status for bad input, as argparse uses for bad usage.
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "assess":
        from ksd.cli.assess import run as run_assess

        return run_assess(args[1:])
    if args and args[0] == "workdays":
        from ksd.cli.workdays import run as run_workdays

        return run_workdays(args[1:])
    return _django(args)


def _django(args: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ksd", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
