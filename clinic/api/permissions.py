"""Deny by default: only clinicians and clinic API keys reach clinic data; `read` keys only read."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from clinic.api.scope import api_scope_for

NOT_CLINIC_STAFF = "API access is for clinicians and clinic API keys; this account has no clinic."
READ_ONLY_KEY = "This API key has the role “read”: it cannot change anything."


class ClinicAccess(BasePermission):
    """The default permission of every endpoint.

    Anonymous requests get 401 (DRF turns a refusal into 401 when no credentials authenticated).
    Authenticated users who are not clinicians, e.g. portal patients, get 403: they proved who
    they are, and the API is simply not theirs; they never learn whether an object exists.
    """

    def has_permission(self, request, view) -> bool:
        scope = api_scope_for(request)
        if scope is None:
            self.message = NOT_CLINIC_STAFF
            return False
        if request.method not in SAFE_METHODS and not scope.can_write:
            self.message = READ_ONLY_KEY
            return False
        return True
