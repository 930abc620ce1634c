"""KSD's date formats (settings.FORMAT_MODULE_PATH), in front of Django's own per language.

Letters and decrees write "1 Desember 2026", never "1 Des. 2026" or 2026-12-01, so every page
shows dates that way: `{{ day|date }}` and `{{ moment|date:"DATETIME_FORMAT" }}`. Anything not
set here (input formats, numbers) is Django's own for the language.
"""
