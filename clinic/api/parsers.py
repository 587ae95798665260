"""The API's only request body format: JSON."""

import codecs
import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils.json import strict_constant


class StrictJSONParser(JSONParser):
    """DRF's JSONParser, also answering 400 (not 500) to bodies nested too deep to parse.

    The size limit is Django's DATA_UPLOAD_MAX_MEMORY_SIZE, applied when DRF reads the body;
    the exception handler answers it with 413.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(stream.read(), encoding)
            return json.loads(text, parse_constant=strict_constant)
        except (ValueError, RecursionError) as exc:
            # ValueError covers bad JSON, bad encodings and NaN/Infinity.
            raise ParseError(f"The body is not valid JSON: {str(exc)[:200]}") from exc
