"""Request bodies within bounds: the API reads JSON as the importers do (`interchange.limits`)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser, get_encoding  # type: ignore[attr-defined]  # newer than the stubs
from rest_framework.views import exception_handler as drf_exception_handler

from varanto.interchange.limits import json_parse
from varanto.interchange.validation import CatalogError

PLACE = "the request body"


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."


class BoundedJSONParser(JSONParser):
    """JSON nested at most IMPORT_MAX_JSON_DEPTH levels, read by the importers' `json_parse`: a 400 with
    their message, never a 500. (DRF reads the body through Django's DATA_UPLOAD_MAX_MEMORY_SIZE check.)"""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})  # text encodings only, no bz2_codec
        try:
            return json_parse(stream.read().decode(encoding), PLACE)
        except UnicodeDecodeError:
            raise ParseError(f"{PLACE}: not text in {encoding}") from None
        except CatalogError as exc:
            raise ParseError("; ".join(exc.problems)) from None


def exception_handler(exc, context):
    """DRF's answers, and a body past DATA_UPLOAD_MAX_MEMORY_SIZE as a 413 saying so (Django's is a bare 400)."""
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        exc = RequestTooLarge(f"{PLACE}: larger than {limit:,} bytes (DATA_UPLOAD_MAX_MEMORY_SIZE)")
    return drf_exception_handler(exc, context)
