"""Django's database sessions, read with one plain statement.

Every logged-in request reads its session. Django builds that read through the ORM (a queryset,
its SQL compiled anew each time), which was a third of a logged-in bare request's Python on the
national dataset (docs/performance.md). The statement here is the same read: the session with
this key that has not expired, from the same table; writing, expiry and everything else stay
Django's own.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        # The names come from the model, quoted; the values are parameters.
        sql = (
            f"SELECT {quote('session_data')} FROM {quote(model._meta.db_table)} "  # noqa: S608
            f"WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s"
        )
        # Expiry is Django's wall clock, as Django wrote expire_date, not the lifecycle's clock.
        now = connection.ops.adapt_datetimefield_value(timezone.now())  # noqa: TID251
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])
