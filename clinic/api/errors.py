"""How the API answers errors: 400 {field: [messages]}, 401, 403, 404, 409 {detail, red_flags},
413, 415 and 429 with Retry-After; never a 500 for anything a client sends."""

import logging

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from clinic.errors import StateConflict

logger = logging.getLogger(__name__)


class Conflict(exceptions.APIException):
    """The request conflicts with the state of the patient or program (HTTP 409)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the record."
    default_code = "conflict"

    def __init__(self, detail: str | None = None, *, red_flags: list[str] | None = None):
        body: dict[str, str | list[str]] = {"detail": detail or self.default_detail}
        if red_flags:
            body["red_flags"] = list(red_flags)
        super().__init__(body)


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


def service_error_to_api(exc: DjangoValidationError) -> exceptions.APIException:
    """A service's ValidationError as the API answers it: 409 for state conflicts (naming the
    red flags when they are the reason), otherwise 400 with messages per field."""
    if isinstance(exc, StateConflict):
        return Conflict(" ".join(exc.messages), red_flags=list(exc.flags))
    if hasattr(exc, "error_dict"):
        errors = {
            (api_settings.NON_FIELD_ERRORS_KEY if name == NON_FIELD_ERRORS else name): messages
            for name, messages in exc.message_dict.items()
        }
    else:
        errors = {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return exceptions.ValidationError(errors)


def api_exception_handler(exc, context):
    """DRF's handler, taught the services' errors and the database's last word on races."""
    if isinstance(exc, DjangoValidationError):
        exc = service_error_to_api(exc)
    elif isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        exc = PayloadTooLarge(f"The request body may be at most {limit} bytes.")
    elif isinstance(exc, IntegrityError):
        # A constraint caught a race the services' checks could not see (e.g. two requests
        # activating programs of one patient at once); nothing was saved.
        logger.warning("API request lost a race: %s", exc)
        exc = Conflict("Another change to this record happened at the same time; try again.")
    return exception_handler(exc, context)
