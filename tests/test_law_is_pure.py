"""ksd.law must stay pure Python: importable and usable without Django (STYLE §5.3).

import-linter checks the import graph statically; this test checks it at run time, in a fresh
interpreter, so an import hidden in a function body or a plugin is caught too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

_IMPORT_EVERY_LAW_MODULE = """
import importlib, json, pkgutil, sys
import ksd.law
names = sorted(m.name for m in pkgutil.walk_packages(ksd.law.__path__, "ksd.law."))
for name in names:
    importlib.import_module(name)
django = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print(json.dumps({"modules": names, "django": django}))
"""


def test_importing_every_module_of_ksd_law_loads_no_django() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EVERY_LAW_MODULE],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    # The walk really went through the package, not just its __init__.
    assert "ksd.law.regions" in report["modules"]
    assert "ksd.law.citations" in report["modules"]
    assert report["django"] == [], f"ksd.law pulled in Django: {report['django'][:5]}"
