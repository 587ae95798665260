"""OpenAPI: the bearer scheme, and the error answers every operation can give."""

import inspect

from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import AllowAny
from rest_framework.serializers import Serializer

from clinic.api.converters import ApiIdConverter
from clinic.api.serializers import ErrorDetailSerializer, ValidationErrorSerializer


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = "clinic.api.authentication.BearerAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "An API token from POST /api/v1/auth/token/ (bst_…, valid 12 hours) or a clinic "
                "API key made by a clinic admin at /clinic/api-keys/ (bsk_…)."
            ),
        }


class ValidationErrorScheme(OpenApiSerializerExtension):
    target_class = "clinic.api.serializers.ValidationErrorSerializer"

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "description": inspect.cleandoc(ValidationErrorSerializer.__doc__ or ""),
            "additionalProperties": {},
            "example": {"pain_level": ["Ensure this value is less than or equal to 10."]},
        }


BODY_METHODS = {"POST", "PUT", "PATCH"}


class BackstrongAutoSchema(AutoSchema):
    """Documents the errors of each operation from what the view does.

    Views list the methods that may answer 409 in `conflict_methods`, and the body of that
    answer in `conflict_serializer` (the clinical apps name the red flags there).
    """

    def _resolve_path_parameters(self, variables):
        # drf-spectacular sees the custom <api_id:…> converter as a pattern-constrained string.
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            if parameter["schema"].get("pattern") == f"^{ApiIdConverter.regex}$":
                parameter["schema"] = {"type": "integer", "minimum": 1}
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, serializer, description in self._error_responses():
            if code not in responses:
                responses[code] = self._get_response_for_code(serializer, code)
                responses[code]["description"] = description
        if "401" in responses:
            responses["401"]["headers"] = {
                "WWW-Authenticate": {
                    "schema": {"type": "string"},
                    "description": 'Bearer realm="api"',
                }
            }
        responses["429"]["headers"] = {
            "Retry-After": {
                "schema": {"type": "integer"},
                "description": "Seconds to wait before trying again.",
            }
        }
        return dict(sorted(responses.items()))

    def _error_responses(self):
        method = self.method.upper()
        public = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        has_body = method in BODY_METHODS
        errors: list[tuple[str, type[Serializer], str]] = []
        if has_body or self._is_list_view():
            errors.append(("400", ValidationErrorSerializer, "Invalid input: messages per field."))
        if not public:
            errors.append(("401", ErrorDetailSerializer, "No valid credentials."))
            errors.append(
                (
                    "403",
                    ErrorDetailSerializer,
                    "The credentials give no access here: a user who is not a clinician, or a "
                    "read-only API key trying to write.",
                )
            )
        if "{" in self.path or self._is_list_view():
            errors.append(
                (
                    "404",
                    ErrorDetailSerializer,
                    "No such object in your clinic (another clinic's objects are answered the "
                    "same way), or a page past the last one.",
                )
            )
        if method in getattr(self.view, "conflict_methods", ()):
            body = getattr(self.view, "conflict_serializer", None) or ErrorDetailSerializer
            errors.append(("409", body, "The request conflicts with the record's state."))
        if has_body:
            errors.append(("413", ErrorDetailSerializer, "The request body is too large."))
            errors.append(("415", ErrorDetailSerializer, "The body is not application/json."))
        errors.append(("429", ErrorDetailSerializer, "Too many requests: see Retry-After."))
        return errors
