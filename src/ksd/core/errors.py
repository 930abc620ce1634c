"""The one error a lifecycle step raises when the law or the state does not allow it."""

from __future__ import annotations


class StepRefused(Exception):  # noqa: N818 - named for what the user sees: a refused step
    """A step that was refused and changed nothing. `message` is already in the user's language;
    `citation` names the article, when one decides it."""

    def __init__(self, message: str, citation: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.citation = citation

    def __str__(self) -> str:
        return f"{self.message} ({self.citation})" if self.citation else self.message
