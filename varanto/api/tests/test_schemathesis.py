"""The API against its own OpenAPI schema: schemathesis finds no server error and no answer that breaks the schema.

The schema is fetched from the application itself (in-process, through WSGI) and every
operation is called with examples and generated data, valid and invalid, against the
published Imatra demo catalogue: once without credentials, and the working-model operations
once more with a publisher's integration token, so generated edits reach the write services.
"""

import re

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import missing_required_header, positive_data_acceptance

from varanto.accounts.models import Membership, Role
from varanto.api import urls as api_urls
from varanto.api.services import integration_token_create
from varanto.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
# No example database: a test run leaves nothing behind in the checkout.
FUZZ = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@pytest.fixture(autouse=True)
def published(imatra_published):
    return imatra_published


@pytest.fixture(autouse=True)
def test_connection_kept_open():
    """Schemathesis calls the WSGI application directly, so Django's request signals would close
    the test's database connection (inside its transaction) after every request; Django's own
    test client disconnects them in the same way."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def publisher_token(imatra_published) -> str:
    user = get_user_model().objects.create_user("fuzz-publisher")
    Membership.objects.create(user=user, organization=imatra_published, role=Role.PUBLISHER)
    return integration_token_create(name="schemathesis", user=user, acting_user=None)[1]


@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_api_answers_conform_to_its_schema(case):
    case.call_and_validate()


@pytest.mark.django_db
@schema.include(path_regex="/working/").parametrize()
@FUZZ
def test_working_model_answers_conform_to_the_schema_when_signed_in(case, publisher_token):
    # A body can be valid by the schema and still name a section or system the model lacks: a 400
    # there is right, so "schema-valid data is accepted" is not checked for the signed-in writes. A
    # change without If-Match gets 428 Precondition Required (RFC 6585), which that check does not know.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {publisher_token}"},
        excluded_checks=[positive_data_acceptance, missing_required_header],
    )


def test_the_fuzzed_schema_has_every_operation_the_api_routes():
    """Each method of each API view (published and working model alike) is an operation schemathesis calls."""
    fuzzed = {(result.ok().method.upper(), result.ok().path) for result in schema.get_all_operations()}
    routed = set()
    for pattern in api_urls.urlpatterns:
        view = getattr(pattern.callback, "view_class", None)
        if view is None or not view.__module__.startswith("varanto.api."):
            continue
        path = "/api/v1/" + re.sub(r"<\w+:(\w+)>", r"{\1}", str(pattern.pattern))
        routed |= {
            (method.upper(), path) for method in ("get", "post", "put", "patch", "delete") if hasattr(view, method)
        }
    assert ("POST", "/api/v1/working/{org}/resources/{key}/review/") in routed
    assert routed == fuzzed
