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
    if args and args[0] in ("assess", "workdays"):
        return _guarded(args[0], args[1:])
    return _django(args)


def _guarded(command: str, args: list[str]) -> int:
    """Run `ksd assess` or `ksd workdays` so that nothing ends in a traceback: each refuses bad
    input itself (ksd.cli.input_limits); this is the net under an error nobody foresaw."""
    if command == "assess":
        from ksd.cli.assess import run
    else:
        from ksd.cli.workdays import run
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130  # interrupted by the user (Ctrl-C): the shell's usual status, no traceback
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (Exception, RecursionError, MemoryError) as exc:
        print(
            f"ksd {command}: kesalahan tak terduga / unexpected error ({type(exc).__name__}); "
            "laporkan masukan ini / please report this input.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT


def _django(args: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ksd.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ksd", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
