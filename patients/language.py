"""Rendering in a patient's language where no request chose it: emails, the handout."""

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from django.utils import translation

from patients.models import Patient

Result = TypeVar("Result")


def in_patient_language(
    patient_of: Callable[..., Patient],
) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """Run the decorated function in the language of the patient `patient_of` picks from its
    arguments (called with them by name), e.g. `@in_patient_language(lambda patient, **_:
    patient)`: one line where an email or the handout is built, whoever calls it."""

    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        signature = inspect.signature(function)

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Result:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            with translation.override(patient_of(**bound.arguments).language):
                return function(*args, **kwargs)

        return wrapper

    return decorate
