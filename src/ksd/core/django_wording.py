"""Django's own strings whose Indonesian translation is wrong, corrected in KSD's catalogue.

src/ksd/locale comes before Django's catalogues (settings.LOCALE_PATHS), so the msgstr that KSD's
django.po gives these msgids wins in the admin and the login forms. They are listed here so that
`makemessages` keeps them. Found on the admin's pages: "Autentidikasi" (a typo) on the user
form, "Rubah" (non-standard; KBBI: "ubah") in the admin index's column heading and the user
form's note. "Change", the admin index's link, is "Ubah".
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

CORRECTED = (
    gettext_noop("Password-based authentication"),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    gettext_noop("Change or view list link"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Change"),
)
