"""`Authorization: Bearer <secret>` for API tokens (bst_…) and clinic API keys (bsk_…)."""

from django.contrib.auth.models import AnonymousUser
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from clinic.models import ApiKey
from clinic.selectors import api_credential_for
from clinic.services import api_credential_touch

INVALID = "The token or API key is invalid, expired or revoked."
MALFORMED = "Send credentials as “Authorization: Bearer <token or API key>”."
MAX_SECRET_LENGTH = 128


class BearerAuthentication(BaseAuthentication):
    """Tries API tokens, then clinic API keys; an API key authenticates no user (request.user
    stays anonymous) and travels as `request.auth`."""

    keyword = b"bearer"

    def authenticate(self, request: Request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2 or len(parts[1]) > MAX_SECRET_LENGTH:
            raise AuthenticationFailed(MALFORMED)
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise AuthenticationFailed(MALFORMED) from exc
        credential = api_credential_for(secret=secret)
        if credential is None:
            raise AuthenticationFailed(INVALID)
        api_credential_touch(credential=credential)
        if isinstance(credential, ApiKey):
            return AnonymousUser(), credential
        return credential.user, credential

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (not 403) to requests without valid credentials.
        return 'Bearer realm="api"'
