"""Limits on what a person types, shared by the forms.

A one-line field is limited by its column's max_length (the form says so, field by field). A
free text (a summary, a description, a decision) has no column limit, but nobody writes 100,000
characters into a record's summary: TEXT_LIMIT keeps pasted accidents out of the record.
"""

from __future__ import annotations

TEXT_LIMIT = 5000
