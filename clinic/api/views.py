"""The token endpoint, the base of clinic-scoped endpoints, and the API's JSON 404."""

from axes.helpers import get_cool_off
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.urls import Resolver404, resolve
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import exceptions, serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clinic.api.authentication import BearerAuthentication
from clinic.api.permissions import NOT_CLINIC_STAFF
from clinic.api.scope import ApiScope, api_scope_for
from clinic.api.serializers import (
    ErrorDetailSerializer,
    TokenRequestSerializer,
    TokenSerializer,
    ValidationErrorSerializer,
)
from clinic.api.throttling import (
    AnonymousRateThrottle,
    CredentialRateThrottle,
    TokenRequestRateThrottle,
)
from clinic.models import ApiToken, User
from clinic.selectors import clinician_for
from clinic.services import api_token_create, api_token_revoke
from clinic.services.two_factor import WRONG_CODE, code_wait_seconds, two_factor_verify

BAD_CREDENTIALS = "Unable to sign in with this email and password."
OTP_MISSING = "This account signs in with two-factor: send the code from the app as “otp”."
TWO_FACTOR_NOT_SET_UP = (
    "Your clinic requires two-factor sign-in: set it up on your account page in the app first."
)


class ClinicAPIView(GenericAPIView):
    """Base of every clinic-scoped endpoint; `ClinicAccess` (the default permission) has made
    sure that the request has a scope."""

    # The methods that may answer 409, and that answer's body, for the schema.
    conflict_methods: tuple[str, ...] = ()
    conflict_serializer: type[serializers.Serializer] | None = None

    @property
    def scope(self) -> ApiScope:
        scope = api_scope_for(self.request)
        # ClinicAccess, the default permission, refused every request without one.
        if scope is None:
            raise exceptions.NotAuthenticated()
        return scope


class _PresentsToken(BasePermission):
    message = "Only an API token can be revoked here; clinic admins revoke API keys in the app."

    def has_permission(self, request, view) -> bool:
        return isinstance(request.auth, ApiToken)


class TokenView(APIView):
    """Exchange an email and password for an API token, or revoke the token presented."""

    def _asks_for_token(self) -> bool:
        # The schema generator may ask before it has set a request.
        return getattr(self.request, "method", None) == "POST"

    def get_authenticators(self):
        # Asking for a token needs no credentials: a stale Authorization header must not stop it.
        if self._asks_for_token():
            return []
        return [BearerAuthentication()]

    def get_permissions(self):
        if self._asks_for_token():
            return [AllowAny()]
        return [_PresentsToken()]

    def get_throttles(self):
        if self._asks_for_token():
            return [TokenRequestRateThrottle(), AnonymousRateThrottle()]
        return [CredentialRateThrottle()]

    @extend_schema(
        operation_id="auth_token_create",
        tags=["auth"],
        request=TokenRequestSerializer,
        responses={
            201: TokenSerializer,
            400: OpenApiResponse(
                response=ValidationErrorSerializer,
                description=(
                    "Invalid body, or wrong email or password: "
                    f'{{"non_field_errors": ["{BAD_CREDENTIALS}"]}}.'
                ),
            ),
            403: OpenApiResponse(response=ErrorDetailSerializer, description=NOT_CLINIC_STAFF),
        },
        description=(
            "A bearer token valid for 12 hours. Wrong credentials answer 400; five failures "
            "for one account from one address lock it for 15 minutes (429, like too many "
            "requests from one address). An account with two-factor sign-in must send `otp`: "
            "missing or wrong, it answers 400 naming `otp`, and wrong codes count as failures."
        ),
    )
    def post(self, request: Request) -> Response:
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email = serializer.validated_data["email"].lower()
        # django-axes needs the Django request to count failures and refuse locked accounts.
        user = authenticate(
            request=request._request, username=email, password=serializer.validated_data["password"]
        )
        if user is None:
            self._refuse_if_locked_out()
            raise exceptions.ValidationError({"non_field_errors": [BAD_CREDENTIALS]})
        clinician = clinician_for(user=user)
        if clinician is None:
            raise exceptions.PermissionDenied(NOT_CLINIC_STAFF)
        if getattr(clinician, "two_factor_on", False):
            self._check_code(user, serializer.validated_data.get("otp"))
        elif clinician.clinic.require_two_factor:
            raise exceptions.PermissionDenied(TWO_FACTOR_NOT_SET_UP)
        # A token request is a sign-in: last_login is set and axes forgets earlier failures.
        user_logged_in.send(sender=user.__class__, request=request._request, user=user)
        token, secret = api_token_create(user=user)
        body = TokenSerializer({"token": secret, "expires_at": token.expires_at}).data
        return Response(body, status=status.HTTP_201_CREATED)

    def _check_code(self, user: User, code: str | None) -> None:
        """The second factor: missing, throttled or wrong answers 400 on `otp`; a wrong code
        counts toward the account's lockout like a wrong password."""
        if not code:
            raise exceptions.ValidationError({"otp": [OTP_MISSING]})
        wait = code_wait_seconds(user=user, code=code)
        if wait:
            raise exceptions.ValidationError(
                {"otp": [f"Too many wrong codes: wait {wait} seconds and try again."]}
            )
        if two_factor_verify(user=user, code=code) is None:
            user_login_failed.send(
                sender=User, credentials={"username": user.email}, request=self.request._request
            )
            self._refuse_if_locked_out()
            raise exceptions.ValidationError({"otp": [WRONG_CODE]})

    def _refuse_if_locked_out(self) -> None:
        django_request = self.request._request
        if getattr(django_request, "axes_locked_out", False):
            # Answer in JSON here; axes' middleware would otherwise send its HTML page.
            setattr(django_request, "axes_locked_out", False)  # noqa: B010 - axes' flag
            cool_off = get_cool_off(django_request)
            raise exceptions.Throttled(
                wait=int(cool_off.total_seconds()) if cool_off else None,
                detail="Too many failed sign-in attempts for this account; try again later.",
            )

    @extend_schema(
        operation_id="auth_token_destroy",
        tags=["auth"],
        request=None,
        responses={204: None},
        description="Revoke the API token sent in the Authorization header.",
    )
    def delete(self, request: Request) -> Response:
        if not isinstance(request.auth, ApiToken):  # _PresentsToken let only tokens in
            raise exceptions.PermissionDenied(_PresentsToken.message)
        api_token_revoke(token=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DocsView(SpectacularSwaggerSplitView):
    """The interactive docs (Swagger UI from drf-spectacular-sidecar, no CDN); the split view
    serves its start-up script as a file (?script), so the page has no inline script for the
    Content-Security-Policy to refuse."""

    # An HTML page has nothing to say to OPTIONS; without this it would fail to render it.
    metadata_class = None


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Any other path under /api/v1/: a JSON 404 (after the usual authentication)."""

    def http_method_not_allowed(self, request, *args, **kwargs):
        if not request.path_info.endswith("/"):
            try:
                match = resolve(request.path_info + "/")
            except Resolver404:
                match = None
            if match is not None and match.url_name != "not_found":
                raise exceptions.NotFound(f"No such endpoint; did you mean {request.path}/ ?")
        raise exceptions.NotFound("No such endpoint.")
