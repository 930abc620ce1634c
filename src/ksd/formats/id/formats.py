"""Bahasa Indonesia: "1 Desember 2026", "1 Desember 2026 pukul 20.26" (PUEBI writes 20.26)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"j F Y \p\u\k\u\l H.i"
SHORT_DATETIME_FORMAT = "j M Y H.i"
TIME_FORMAT = "H.i"
