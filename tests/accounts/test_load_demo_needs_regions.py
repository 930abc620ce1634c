"""`ksd load_demo` before `ksd load_reference_data`: a clear message, nothing created."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from ksd.cooperation.models import Cooperation


@pytest.mark.usefixtures("no_regions")
def test_without_the_regions_the_command_says_what_to_run_first_and_creates_nothing() -> None:
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", stdout=StringIO())

    assert "load_reference_data" in str(refused.value)
    assert (User.objects.count(), Cooperation.objects.count()) == (0, 0)
