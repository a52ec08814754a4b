"""The authenticated API: integrations read and write the working model under their user's role.

The organisation's own details, sections, data resources, information systems, processes, system
interfaces and the records management plan's task classes, phases and actions, and document types;
review moves and publishing are in `working_review`.

Access is checked by `accounts.permissions` and every write goes through the write services of
`catalog.services`, exactly as in the back office: the same roles, the same history rows, the
same refusal of lost updates. A record's ETag is its version: a change or deletion must send it
back in If-Match (428 without it) and gets 412 when the record has moved on meanwhile.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_etags
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from varanto.accounts.permissions import Action, access_kind, access_organization
from varanto.catalog import services
from varanto.core.versions import record_version

from . import working, working_plan
from .authentication import IntegrationTokenAuthentication
from .filters import query_params
from .permissions import TokenScope
from .public_views import ORG, Pages, ResourcePageQuery, TextPageQuery, path_parameter
from .schemas import paginated, ref

VERSION_TAG = re.compile(r'^(?:W/)?"v([0-9]+)"$')


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record has changed since the version you edited."


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = "Send the record's ETag in If-Match, so that a newer version is not overwritten."


def version_etag(version: int) -> str:
    return f'"v{version}"'


def expected_version(request, current: int) -> int:
    """The version the client's change was made from, as its If-Match says; 428 or 412 otherwise."""
    header = request.headers.get("If-Match")
    if not header:
        raise PreconditionRequired()
    tags = parse_etags(header)
    if tags == ["*"]:
        return current
    if any((m := VERSION_TAG.match(tag)) and record_version(m[1]) == current for tag in tags):
        return current
    raise PreconditionFailed(f"The record is at version {current} ({version_etag(current)}); fetch it and edit again.")


def stale(conflict: services.EditConflict) -> PreconditionFailed:
    """A write service's EditConflict as the API's 412."""
    now = f"now version {conflict.current_version}" if conflict.current_version is not None else "now deleted"
    return PreconditionFailed(f"The record was changed meanwhile ({now}).")


@dataclass(frozen=True)
class Kind:
    """A kind of record the API writes: its declaration and services (`catalog.services.registry`)."""

    services: services.KindServices

    @property
    def model(self) -> type[models.Model]:
        return self.services.kind.model

    @property
    def name(self) -> str:  # URL name of a record
        return f"api:working_{self.services.kind.slug}"

    def access(self, user, organization, key, action):
        return access_kind(user, self.services.kind, organization, key, action)


KINDS: dict[str, Kind] = {k.slug: Kind(services.services_of(k)) for k in working.KINDS}
ORGANIZATION, SECTIONS, RESOURCES = KINDS["organization"], KINDS["section"], KINDS["resource"]
SYSTEMS, PROCESSES, INTERFACES = KINDS["system"], KINDS["process"], KINDS["interface"]
TASK_CLASSES, ACTIONS, DOCUMENT_TYPES = KINDS["task_class"], KINDS["action"], KINDS["document_type"]

AUTH_ERRORS = {400: ref("Error"), 401: ref("Error"), 403: ref("Error"), 404: ref("Error")}
WRITE_ERRORS = {**AUTH_ERRORS, 412: ref("Error"), 428: ref("Error")}


class WorkingView(GenericAPIView):
    authentication_classes = (IntegrationTokenAuthentication,)
    permission_classes = (IsAuthenticated, TokenScope)
    metadata_class = None  # OPTIONS says only what the Allow header says
    kind: Kind

    def record(self, organization, key: str | None) -> Response:
        record = working.record_of(organization, self.kind.model, key)
        response = Response(record)
        response.headers["ETag"] = version_etag(record["version"])
        return response

    def invalid(self, exc: ValidationError) -> Response:
        return Response(working.api_errors(self.kind.model, exc), status=status.HTTP_400_BAD_REQUEST)


class WorkingList(WorkingView):
    """GET lists the records (filtered and paged); POST adds one."""

    filter_backends = (DjangoFilterBackend,)
    pagination_class = Pages
    query: type  # the serializer that checks the query parameters the filter set reads

    def get_queryset(self):
        return working.working_records(self.kind.model).filter(organization__slug=self.kwargs["org"])

    def get(self, request, org: str):
        access_organization(request.user, org, Action.VIEW)
        query_params(self.query, request)
        records = self.filter_queryset(self.get_queryset())
        # The filters and paging run in the database; only the page's records are exported.
        state = repr(list(records.values_list("key", "version"))) + request.get_full_path()
        etag = '"' + hashlib.sha256(state.encode()).hexdigest()[:24] + '"'
        response = get_conditional_response(request, etag=etag)
        if response is None:
            page = self.paginate_queryset(records)
            assert page is not None  # None only without a paginator, and the lists have one
            response = self.get_paginated_response([working.working_item(record) for record in page])
        response.headers["ETag"] = etag
        return response

    def post(self, request, org: str):
        organization = access_organization(request.user, org, Action.CREATE)
        try:
            data = working.service_data(self.kind.model, organization, request.data, new=True)
            created = self.kind.services.create_record(organization, data, request.user)
        except ValidationError as exc:
            return self.invalid(exc)
        response = self.record(organization, created.key)
        response.status_code = status.HTTP_201_CREATED
        response.headers["Location"] = reverse(self.kind.name, kwargs={"org": org, "key": created.key})
        return response


class WorkingDetail(WorkingView):
    """GET reads a record with its version (ETag); PATCH changes the fields sent."""

    def get(self, request, org: str, key: str | None = None):
        organization = access_organization(request.user, org, Action.VIEW)
        record = self.kind.access(request.user, organization, key, Action.VIEW)
        not_modified = get_conditional_response(request, etag=version_etag(record.version))
        return not_modified or self.record(organization, key)

    def patch(self, request, org: str, key: str | None = None):
        organization = access_organization(request.user, org, Action.VIEW)
        record = self.kind.access(request.user, organization, key, Action.EDIT)
        try:
            # A malformed change is a 400 whatever version it was made from.
            data = working.service_data(self.kind.model, organization, request.data)
        except ValidationError as exc:
            return self.invalid(exc)
        version = expected_version(request, record.version)
        try:
            self.kind.services.update_record(record, data, version, request.user)
        except services.EditConflict as conflict:
            raise stale(conflict) from None
        except ValidationError as exc:
            return self.invalid(exc)
        return self.record(organization, key)


class DeletableDetail(WorkingDetail):
    """A record that may also be deleted: DELETE, with its ETag in If-Match."""

    def delete(self, request, org: str, key: str):
        organization = access_organization(request.user, org, Action.VIEW)
        record = self.kind.access(request.user, organization, key, Action.DELETE)
        version = expected_version(request, record.version)
        try:
            self.kind.services.delete_record(record, version, request.user)
        except services.EditConflict as conflict:
            raise stale(conflict) from None
        except ValidationError as exc:  # a section that still has data resources
            return self.invalid(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _list_docs(kind_name: str, item: str, query: type, plural: str = ""):
    tags = ["working model"]
    plural = plural or kind_name + ("es" if kind_name.endswith("s") else "s")
    return extend_schema_view(
        get=extend_schema(
            operation_id=f"working_{item.lower()}_list",
            tags=tags,
            parameters=[ORG, query],
            responses={200: paginated(f"Working{item}Item"), **AUTH_ERRORS},
            summary=f"The working model's {plural}, internal fields included",
        ),
        post=extend_schema(
            operation_id=f"working_{item.lower()}_create",
            tags=tags,
            parameters=[ORG],
            request={"application/json": ref(f"{item}New")},
            responses={201: ref(f"Working{item}Item"), **AUTH_ERRORS},
            summary=f"Add a {kind_name}",
        ),
    )


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description='The ETag of the version the change was made from, e.g. "v3" (or * for whatever is current).',
    examples=[OpenApiExample("version 1", value='"v1"')],
)


def _detail_docs(kind_name: str, item: str, key_example: str | None = None, *, deletable: bool = False):
    """The docs of a record's operations; `key_example` None for the organisation's own record, which has no key."""
    tags, parameters = ["working model"], [ORG]
    if key_example:
        parameters.append(path_parameter("key", f"The {kind_name}'s key.", key_example))
    docs = {
        "get": extend_schema(
            operation_id=f"working_{item.lower()}_get",
            tags=tags,
            parameters=parameters,
            responses={200: ref(f"Working{item}Item"), **AUTH_ERRORS},
            summary=f"The {kind_name} with its version (ETag)",
        ),
        "patch": extend_schema(
            operation_id=f"working_{item.lower()}_update",
            tags=tags,
            parameters=[*parameters, IF_MATCH],
            request={"application/json": ref(f"{item}Change")},
            responses={200: ref(f"Working{item}Item"), **WRITE_ERRORS},
            summary=f"Change the {kind_name}: only the fields sent; If-Match its ETag",
        ),
    }
    if deletable:
        docs["delete"] = extend_schema(
            operation_id=f"working_{item.lower()}_delete",
            tags=tags,
            parameters=[*parameters, IF_MATCH],
            responses={204: None, **WRITE_ERRORS},
            summary=f"Delete the {kind_name}; If-Match its ETag",
        )
    return extend_schema_view(**docs)


@_detail_docs("organisation", "Organization")
class OrganizationDetail(WorkingDetail):
    """The organisation's own details: where information requests go, who decides, the contact persons."""

    kind = ORGANIZATION


@_list_docs("section", "Section", TextPageQuery)
class SectionList(WorkingList):
    kind = SECTIONS
    filterset_class = working.SectionFilter
    query = TextPageQuery


@_detail_docs("section", "Section", "konsernipalvelut", deletable=True)
class SectionDetail(DeletableDetail):
    kind = SECTIONS


@_list_docs("data resource", "Resource", ResourcePageQuery)
class ResourceList(WorkingList):
    kind = RESOURCES
    filterset_class = working.ResourceFilter
    query = ResourcePageQuery


@_detail_docs("data resource", "Resource", "vesihuolto", deletable=True)
class ResourceDetail(DeletableDetail):
    kind = RESOURCES


@_list_docs("information system", "System", TextPageQuery)
class SystemList(WorkingList):
    kind = SYSTEMS
    filterset_class = working.SystemFilter
    query = TextPageQuery


@_detail_docs("information system", "System", "m-files", deletable=True)
class SystemDetail(DeletableDetail):
    kind = SYSTEMS


@_list_docs("process", "Process", TextPageQuery)
class ProcessList(WorkingList):
    kind = PROCESSES
    filterset_class = working.ProcessFilter
    query = TextPageQuery


@_detail_docs("process", "Process", "asianhallinta", deletable=True)
class ProcessDetail(DeletableDetail):
    kind = PROCESSES


@_list_docs("system interface", "Interface", TextPageQuery)
class InterfaceList(WorkingList):
    kind = INTERFACES
    filterset_class = working.InterfaceFilter
    query = TextPageQuery


@_detail_docs("system interface", "Interface", "lupapiste-m-files", deletable=True)
class InterfaceDetail(DeletableDetail):
    kind = INTERFACES


@_list_docs("task class", "TaskClass", working_plan.TaskClassQuery, "task classes")
class TaskClassList(WorkingList):
    kind = TASK_CLASSES
    filterset_class = working_plan.TaskClassFilter
    query = working_plan.TaskClassQuery


@_detail_docs("task class", "TaskClass", "10-03-03", deletable=True)
class TaskClassDetail(DeletableDetail):
    kind = TASK_CLASSES


@_list_docs("phase or action", "Action", working_plan.ActionQuery, "phases and actions")
class ActionList(WorkingList):
    kind = ACTIONS
    filterset_class = working_plan.ActionFilter
    query = working_plan.ActionQuery


@_detail_docs("phase or action", "Action", "rakennuslupa-vireilletulo", deletable=True)
class ActionDetail(DeletableDetail):
    kind = ACTIONS


@_list_docs("document type", "DocumentType", working_plan.DocumentTypeQuery)
class DocumentTypeList(WorkingList):
    kind = DOCUMENT_TYPES
    filterset_class = working_plan.DocumentTypeFilter
    query = working_plan.DocumentTypeQuery


@_detail_docs("document type", "DocumentType", "rakennuslupahakemus", deletable=True)
class DocumentTypeDetail(DeletableDetail):
    kind = DOCUMENT_TYPES
