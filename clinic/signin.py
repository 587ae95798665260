"""Sign-in helpers shared by the web login and the API's token endpoint."""

from django.contrib.auth import get_user_model
from django.http import HttpRequest

# Emails are at most 254 characters (RFC 5321); nothing longer can name an account.
USERNAME_MAX_LENGTH = 254


def normalise_username(value: object) -> str:
    """An email as accounts store it: trimmed, lower-case, never longer than an email can be."""
    return str(value or "").strip().lower()[:USERNAME_MAX_LENGTH]


def lockout_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The name django-axes counts failures under (AXES_USERNAME_CALLABLE).

    Normalised like the account's email, so "Ann@x.org" and "ann@x.org" share one lockout,
    and cut to the email limit, so a 300-character input is refused by the form instead of
    overflowing axes' 255-character column.
    """
    field = get_user_model().USERNAME_FIELD
    source = credentials if credentials else getattr(request, "POST", {})
    return normalise_username(source.get("username") or source.get(field))
