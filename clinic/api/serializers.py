"""Serializers shared by every app's API: strict input, error bodies, and the token endpoint's."""

from collections.abc import Mapping

from rest_framework import serializers

UNKNOWN_FIELD = "Unknown field."
READ_ONLY_FIELD = "This field is read-only."


class StrictInputSerializer(serializers.Serializer):
    """An input serializer that refuses, with a 400, any field it cannot write.

    `read_only_names` lists the fields that responses carry but requests may not set, so that
    a client echoing a response back learns which fields to drop.
    """

    read_only_names: frozenset[str] = frozenset()

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            refused = {
                str(name): [READ_ONLY_FIELD if name in self.read_only_names else UNKNOWN_FIELD]
                for name in data
                if name not in writable
            }
            if refused:
                raise serializers.ValidationError(refused)
        return super().to_internal_value(data)


class SafeDateTimeField(serializers.DateTimeField):
    """A DateTimeField that reports dates at the edge of the calendar (which cannot move to UTC)
    as invalid instead of failing."""

    def to_internal_value(self, value):
        try:
            return super().to_internal_value(value)
        except (OverflowError, ValueError):
            self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]")


class ErrorDetailSerializer(serializers.Serializer):
    """401, 403, 404, 405, 413, 415 and 429 answers."""

    detail = serializers.CharField()


class ValidationErrorSerializer(serializers.Serializer):
    """400: `{field: [messages]}`; `non_field_errors` holds messages about the whole request,
    `detail` a body that is not JSON. List fields answer one object per list element."""


class TokenRequestSerializer(StrictInputSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
    otp = serializers.CharField(
        max_length=32,
        required=False,
        help_text="The two-factor code (authenticator app or backup code): required for "
        "accounts with two-factor sign-in.",
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send as “Authorization: Bearer <token>”.")
    expires_at = serializers.DateTimeField()
