"""The oversight pages' counts kept in the database (oversight/kept.py): bookkeeping of the
pages, never a fact of the register, rebuilt from the register whenever it is missing."""

from __future__ import annotations

from django.db import models


class KeptCounts(models.Model):
    """One aggregate of the oversight pages, kept per slice of the register (oversight/summed.py)
    so that a new process, a cleared cache or another server starts from it instead of reading
    the whole register."""

    key = models.CharField(max_length=64, primary_key=True)  # the name and the code's version
    name = models.CharField(max_length=300)  # what it counts, for a person reading the table
    last_event = models.BigIntegerField()  # the register's state the counts are at
    last_record = models.BigIntegerField()
    whole_at = models.DateTimeField()  # when the whole register was last read for them
    saved_at = models.DateTimeField()
    counts = models.BinaryField()

    class Meta:
        db_table = "oversight_kept_counts"

    def __str__(self) -> str:
        return self.name
