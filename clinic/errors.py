"""The errors every app's services raise, defined on the ground floor: the API and the pages
answer them without knowing which clinical rule was broken."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError


class StateConflict(ValidationError):
    """The request conflicts with the state of a record: the API answers 409.

    A subclass may set `flags` to the codes that explain the conflict (the red flags that
    forbid a program), which the API lists in its answer.
    """

    flags: Sequence[str] = ()
