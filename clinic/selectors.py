"""Reads about the signed-in user's place in a clinic."""

from clinic.models import Clinician, User


def clinician_for(*, user: User) -> Clinician | None:
    """The user's clinician membership (with its clinic), or None for patients and staff."""
    if not user.is_authenticated:
        return None
    try:
        return Clinician.objects.select_related("clinic").get(user=user)
    except Clinician.DoesNotExist:
        return None
