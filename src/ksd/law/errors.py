"""The one error ksd.law raises for bad input: a stable code and a message in both languages."""

from __future__ import annotations

from ksd.law.citations import Lang, Text


class LawInputError(ValueError):
    """Facts that cannot be assessed: unknown region, malformed date, unknown field, ..."""

    def __init__(self, code: str, message_id: str, message_en: str) -> None:
        super().__init__(message_id)
        self.code = code
        self.text = Text(message_id, message_en)

    def render(self, lang: Lang = "id") -> str:
        return self.text.render(lang)
