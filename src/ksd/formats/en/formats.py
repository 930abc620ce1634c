"""English, day first as the Indonesian letters are: "1 December 2026", "1 December 2026, 20:26"."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y H:i"
TIME_FORMAT = "H:i"
