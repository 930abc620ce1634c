"""Personal API tokens: a user's programs call the API as that user (docs/api.md).

Only the SHA-256 of a token is stored: the token itself is shown once, when it is created. A
token is random (32 bytes), so a fast hash is enough; a slow password hash would only slow
down every API call.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
        related_name="api_tokens",
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=100)
    # The token's first characters, so its owner can tell tokens apart; not enough to use it.
    prefix = models.CharField(_("starts with"), max_length=12)
    key_hash = models.CharField(_("SHA-256 of the token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"))
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
