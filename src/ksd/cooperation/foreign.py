"""Kept so that law.py and tick_batches.py (edited on other branches) still import; the steps of a
cooperation abroad live in cooperation/abroad/services.py. New code imports from there."""

from __future__ import annotations

from ksd.cooperation.abroad.services import (  # noqa: F401
    FOREIGN_FACT_EVENT_KINDS,
    foreign_facts_for,
    is_abroad,
)
