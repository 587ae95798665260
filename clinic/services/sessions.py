"""Ending a user's sessions and API tokens: after a password change or reset, a deactivation or a
two-factor reset (SPEC 6)."""

import secrets

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from clinic.models import ApiToken, User
from clinic.selectors import api_credential_forget


@transaction.atomic
def api_tokens_revoke_all(*, user: User) -> int:
    """Revoke every usable API token of the user at once; returns how many."""
    tokens = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True))
    ApiToken.objects.filter(pk__in=[token.pk for token in tokens]).update(revoked_at=timezone.now())
    for token in tokens:
        api_credential_forget(key_hash=token.key_hash)
    return len(tokens)


@transaction.atomic
def user_sessions_end(*, user: User) -> None:
    """End every session and API token of the user: a new stamp changes their sessions' hash."""
    user.session_stamp = secrets.token_hex(16)
    User.objects.filter(pk=user.pk).update(session_stamp=user.session_stamp)
    api_tokens_revoke_all(user=user)


@transaction.atomic
def user_password_set(*, user: User, password: str) -> User:
    """Set a new password (a change or a reset): the user's API tokens are revoked and their
    other sessions end, since Django's session hash is made from the password."""
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    api_tokens_revoke_all(user=user)
    return user
