"""`<api_id:name>`: an object id in an API path. Importing this module registers it.

At most 18 digits, so that no id in a URL overflows PostgreSQL's bigint; longer or non-numeric
ids fall through to the API's JSON 404.
"""

from django.urls import register_converter


class ApiIdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(ApiIdConverter, "api_id")
