"""The authenticated API: integrations read and write the working model under their user's role.

Access is checked by `accounts.permissions` and every write goes through the write services of
`catalog.services`, exactly as in the back office: the same roles, the same history rows, the
same refusal of lost updates. A record's ETag is its version: a change or deletion must send it
back in If-Match (428 without it) and gets 412 when the record has moved on meanwhile.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable

from django.core.exceptions import ValidationError
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

from varanto.accounts.permissions import Action, access_organization, access_resource, access_system
from varanto.catalog import services
from varanto.catalog.models import DataResource, InformationSystem

from . import working
from .authentication import IntegrationTokenAuthentication
from .filters import query_params
from .public_views import ORG, Pages, ResourcePageQuery, TextPageQuery, path_parameter
from .schemas import paginated, ref

VERSION_TAG = re.compile(r'^(?:W/)?"v(\d+)"$')


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
    if any((m := VERSION_TAG.match(tag)) and int(m[1]) == current for tag in tags):
        return current
    raise PreconditionFailed(f"The record is at version {current} ({version_etag(current)}); fetch it and edit again.")


@dataclass(frozen=True)
class Kind:
    """What differs between the kinds of record the API writes."""

    model: type
    access: Callable
    create: Callable
    update: Callable
    delete: Callable
    argument: str  # the services' keyword for the record
    name: str  # URL name of a record


RESOURCES = Kind(DataResource, access_resource, services.data_resource_create, services.data_resource_update,
                 services.data_resource_delete, "resource", "api:working_resource")
SYSTEMS = Kind(InformationSystem, access_system, services.information_system_create,
               services.information_system_update, services.information_system_delete, "system", "api:working_system")

AUTH_ERRORS = {400: ref("Error"), 401: ref("Error"), 403: ref("Error"), 404: ref("Error")}
WRITE_ERRORS = {**AUTH_ERRORS, 412: ref("Error"), 428: ref("Error")}


class WorkingView(GenericAPIView):
    authentication_classes = (IntegrationTokenAuthentication,)
    permission_classes = (IsAuthenticated,)
    metadata_class = None  # OPTIONS says only what the Allow header says
    kind: Kind

    def record(self, organization, key: str) -> Response:
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
        return self.kind.model.objects.filter(organization__slug=self.kwargs["org"])

    def get(self, request, org: str):
        organization = access_organization(request.user, org, Action.VIEW)
        query_params(self.query, request)
        keys = set(self.filter_queryset(self.get_queryset()).values_list("key", flat=True))
        records = [r for r in working.records_of(organization, self.kind.model) if r["key"] in keys]
        state = repr([(r["key"], r["version"]) for r in records]) + request.get_full_path()
        etag = '"' + hashlib.sha256(state.encode()).hexdigest()[:24] + '"'
        response = get_conditional_response(request, etag=etag)
        if response is None:
            page = self.paginate_queryset(records)
            response = self.get_paginated_response(page)
        response.headers["ETag"] = etag
        return response

    def post(self, request, org: str):
        organization = access_organization(request.user, org, Action.CREATE)
        try:
            data = working.service_data(self.kind.model, organization, request.data, new=True)
            created = self.kind.create(organization=organization, data=data, acting_user=request.user)
        except ValidationError as exc:
            return self.invalid(exc)
        response = self.record(organization, created.key)
        response.status_code = status.HTTP_201_CREATED
        response.headers["Location"] = reverse(self.kind.name, kwargs={"org": org, "key": created.key})
        return response


class WorkingDetail(WorkingView):
    """GET reads a record with its version (ETag); PATCH changes the fields sent; DELETE removes it."""

    def get(self, request, org: str, key: str):
        organization = access_organization(request.user, org, Action.VIEW)
        record = self.kind.access(request.user, organization, key, Action.VIEW)
        not_modified = get_conditional_response(request, etag=version_etag(record.version))
        return not_modified or self.record(organization, key)

    def patch(self, request, org: str, key: str):
        organization = access_organization(request.user, org, Action.VIEW)
        record = self.kind.access(request.user, organization, key, Action.EDIT)
        try:
            # A malformed change is a 400 whatever version it was made from.
            data = working.service_data(self.kind.model, organization, request.data)
        except ValidationError as exc:
            return self.invalid(exc)
        version = expected_version(request, record.version)
        try:
            self.kind.update(**{self.kind.argument: record}, data=data, expected_version=version, acting_user=request.user)
        except services.EditConflict as conflict:
            raise PreconditionFailed(f"The record was changed meanwhile (now version {conflict.current_version}).")
        except ValidationError as exc:
            return self.invalid(exc)
        return self.record(organization, key)

    def delete(self, request, org: str, key: str):
        organization = access_organization(request.user, org, Action.VIEW)
        record = self.kind.access(request.user, organization, key, Action.DELETE)
        version = expected_version(request, record.version)
        try:
            self.kind.delete(**{self.kind.argument: record}, expected_version=version, acting_user=request.user)
        except services.EditConflict as conflict:
            raise PreconditionFailed(f"The record was changed meanwhile (now version {conflict.current_version}).")
        return Response(status=status.HTTP_204_NO_CONTENT)


def _list_docs(kind_name: str, item: str, query: type):
    tags = ["working model"]
    return extend_schema_view(
        get=extend_schema(operation_id=f"working_{item.lower()}_list", tags=tags, parameters=[ORG, query],
                          responses={200: paginated(f"Working{item}Item"), **AUTH_ERRORS},
                          summary=f"The working model's {kind_name}s, internal fields included"),
        post=extend_schema(operation_id=f"working_{item.lower()}_create", tags=tags, parameters=[ORG],
                           request={"application/json": ref(f"{item}New")}, responses={201: ref(f"Working{item}Item"), **AUTH_ERRORS},
                           summary=f"Add a {kind_name}"),
    )


IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=True,
    description="The ETag of the version the change was made from, e.g. \"v3\" (or * for whatever is current).",
    examples=[OpenApiExample("version 1", value='"v1"')],
)


def _detail_docs(kind_name: str, item: str, key_example: str):
    tags, parameters = ["working model"], [ORG, path_parameter("key", f"The {kind_name}'s key.", key_example)]
    return extend_schema_view(
        get=extend_schema(operation_id=f"working_{item.lower()}_get", tags=tags, parameters=parameters,
                          responses={200: ref(f"Working{item}Item"), **AUTH_ERRORS},
                          summary=f"A {kind_name} with its version (ETag)"),
        patch=extend_schema(operation_id=f"working_{item.lower()}_update", tags=tags, parameters=[*parameters, IF_MATCH],
                            request={"application/json": ref(f"{item}Change")}, responses={200: ref(f"Working{item}Item"), **WRITE_ERRORS},
                            summary=f"Change a {kind_name}: only the fields sent; If-Match its ETag"),
        delete=extend_schema(operation_id=f"working_{item.lower()}_delete", tags=tags, parameters=[*parameters, IF_MATCH],
                             responses={204: None, **WRITE_ERRORS}, summary=f"Delete a {kind_name}; If-Match its ETag"),
    )


@_list_docs("data resource", "Resource", ResourcePageQuery)
class ResourceList(WorkingList):
    kind = RESOURCES
    filterset_class = working.ResourceFilter
    query = ResourcePageQuery


@_detail_docs("data resource", "Resource", "vesihuolto")
class ResourceDetail(WorkingDetail):
    kind = RESOURCES


@_list_docs("information system", "System", TextPageQuery)
class SystemList(WorkingList):
    kind = SYSTEMS
    filterset_class = working.SystemFilter
    query = TextPageQuery


@_detail_docs("information system", "System", "m-files")
class SystemDetail(WorkingDetail):
    kind = SYSTEMS
