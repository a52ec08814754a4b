"""The public, read-only API: each organisation's latest publication, and every publication by number.

Views are thin: `published` reads, `filters` checks the query and filters, and the records
are returned as the canonical format has them (they are the publication's public content),
with links beside them. Every answer carries an ETag and Last-Modified derived from the
publication and answers a conditional request with 304.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.exceptions import APIException, NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from varanto.core.addresses import public_base_url
from varanto.interchange.formats import FORMATS
from varanto.interchange.links import PublicLinks
from varanto.public import cache
from varanto.public.http import publication_etag
from varanto.publications.selectors import publication_catalog

from . import filters, published
from .schemas import paginated, ref

REVISION = "1"  # raised when answers change shape for the same publication, so that ETags change
MAX_AGE = 60
ERRORS = {400: ref("Error"), 404: ref("Error")}


def path_parameter(name: str, description: str, example: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        description=description,
        examples=[OpenApiExample(example, value=example)],
    )


ORG = path_parameter("org", "The organisation's short name (slug).", "imatran-kaupunki")


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class PageQuery(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1, help_text="Page number, from 1.")
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=Pages.max_page_size, help_text="Items per page (default 50)."
    )


class ResourcePageQuery(PageQuery, filters.ResourceQuery):
    pass


class TextPageQuery(PageQuery, filters.TextQuery):
    pass


def _validators(response: HttpResponse, etag: str, last_modified: int | None) -> HttpResponse:
    response.headers["ETag"] = etag
    if last_modified:
        response.headers["Last-Modified"] = http_date(last_modified)
    # Published data is open: any site or script may read it.
    response.headers["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def state_etag(state: str) -> str:
    """The ETag of an answer drawn from several publications (the lists of organisations and publications)."""
    return '"' + hashlib.sha256(f"{state}|{REVISION}".encode()).hexdigest()[:24] + '"'


def conditional(request, etag: str, last_modified, respond) -> HttpResponse:
    """304 if the client has this answer already, else `respond()`; both with the validators."""
    seconds = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=seconds)
    return _validators(response if response is not None else respond(), etag, seconds)


def _answer_key(request) -> str:
    # Links in an answer are absolute, so the host belongs to the key as well as path and query.
    return "|".join((request.build_absolute_uri(), request.META.get("HTTP_ACCEPT", ""), get_language()))


class PublicView(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    def paginate(self, request, items: list, serialize) -> dict:
        paginator = Pages()
        # A list pages as well as a QuerySet, which is all that DRF's stubs allow.
        page: list | None = paginator.paginate_queryset(items, request, view=self)  # type: ignore[arg-type]
        assert page is not None  # None only without a page size, and Pages has one
        return paginator.get_paginated_response([serialize(item) for item in page]).data


class PublishedView(PublicView):
    """GET on one organisation's latest publication; subclasses say what to `answer`."""

    def get(self, request, org: str, **kwargs):
        current = published.latest_published(org)
        if current is None:
            raise NotFound("No published description for this organisation.")
        publication = current.publication
        key = _answer_key(request)

        def respond():
            # A repeated request while the publication is current is the body sent before.
            kept = cache.answers.get(key)
            if kept is not None and kept.publication_id == publication.id:
                return HttpResponse(kept.content, status=kept.status, headers=dict(kept.headers))
            response = Response(self.answer(request, current, PublicLinks(org, public_base_url(request)), **kwargs))
            marker = (org, publication.id, key, int(publication.published_at.timestamp()))
            response.varanto_answer = marker
            return response

        etag = publication_etag(publication, "api", request.build_absolute_uri(), REVISION)
        return conditional(request, etag, publication.published_at, respond)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        marker = getattr(response, "varanto_answer", None)
        if marker is not None and response.status_code == 200 and not response.cookies:
            org, publication_id, key, last_modified = marker
            response.render()
            cache.answers.put(
                key,
                cache.CachedPage(
                    org_slug=org,
                    publication_id=publication_id,
                    status=response.status_code,
                    headers=(("Content-Type", response["Content-Type"]),),
                    content=response.content,
                    etag=response["ETag"],
                    last_modified=last_modified,
                ),
            )
        return response

    def answer(self, request, current: published.Published, links: PublicLinks, *args: Any, **kwargs: Any):
        raise NotImplementedError


def _found(entry, what: str):
    if entry is None:
        raise NotFound(f"No {what} with this key in the latest publication.")
    return entry


@extend_schema_view(
    get=extend_schema(
        operation_id="organization_list",
        tags=["published"],
        parameters=[TextPageQuery],
        responses={200: paginated("OrganizationSummary"), **ERRORS},
        summary="Organisations that have published a description",
    )
)
class OrganizationList(PublicView):
    """Each organisation that has published, with its latest publication; `q` narrows by name."""

    def get(self, request):
        params = filters.query_params(TextPageQuery, request)
        rows = list(published.latest_publications())
        if params.get("q"):
            rows = [r for r in rows if params["q"].casefold() in (r["name"] or "").casefold()]
        etag = state_etag(
            repr([(r["slug"], r["number"], r["content_hash"]) for r in rows]) + request.build_absolute_uri()
        )
        newest = max((r["published_at"] for r in rows), default=None)
        return conditional(request, etag, newest, lambda: Response(self.paginate(request, rows, self.item)))

    def item(self, row: dict) -> dict:
        return {
            "slug": row["slug"],
            "name": row["name"],
            "updated": row["updated"],
            "url": self.request.build_absolute_uri(reverse("api:organization", kwargs={"org": row["slug"]})),
            "publication": {
                "number": row["number"],
                "published_at": row["published_at"].isoformat(),
                "note": row["note"],
            },
        }


@extend_schema_view(
    get=extend_schema(
        operation_id="organization_get",
        tags=["published"],
        parameters=[ORG],
        responses={200: ref("OrganizationItem"), **ERRORS},
        summary="An organisation: who decides on disclosure and where information requests go",
    )
)
class OrganizationDetail(PublishedView):
    """The organisation as its latest publication describes it, with links to the downloads."""

    def answer(self, request, current, links):
        publication = current.publication
        return {
            **current.catalog.organization,
            "slug": publication.organization.slug,
            "url": links.front(),
            "publication": {
                "number": publication.number,
                "published_at": publication.published_at.isoformat(),
                "note": publication.note,
            },
            "downloads": {fmt: links.download(fmt) for fmt in FORMATS},
        }


def _section(entry, links: PublicLinks) -> dict:
    return {**entry.record, "url": links.section(entry.key), "resources": [r.key for r in entry.resources]}


@extend_schema_view(
    get=extend_schema(
        operation_id="section_list",
        tags=["published"],
        parameters=[ORG, PageQuery],
        responses={200: paginated("SectionItem"), **ERRORS},
        summary="Sections (toimialat) of the latest publication",
    )
)
class SectionList(PublishedView):
    """The groupings of the description (sectors, hosted regional bodies, themes) with their data resources."""

    def answer(self, request, current, links):
        filters.query_params(PageQuery, request)
        return self.paginate(request, current.catalog.sections, lambda e: _section(e, links))


@extend_schema_view(
    get=extend_schema(
        operation_id="section_get",
        tags=["published"],
        parameters=[ORG, path_parameter("key", "The section's key.", "konsernipalvelut")],
        responses={200: ref("SectionItem"), **ERRORS},
        summary="A section",
    )
)
class SectionDetail(PublishedView):
    """One section with the keys of its data resources."""

    def answer(self, request, current, links, key: str):
        return _section(_found(current.catalog.section(key), "section"), links)


def _resource(entry, links: PublicLinks, score: float | None = None) -> dict:
    item = {**entry.record, "url": links.resource(entry.key)}
    if score is not None:
        item["score"] = score
    return item


@extend_schema_view(
    get=extend_schema(
        operation_id="resource_list",
        tags=["published"],
        parameters=[ORG, ResourcePageQuery],
        responses={200: paginated("ResourceItem"), **ERRORS},
        summary="Data resources (tietovarannot) of the latest publication, filtered and searched",
    )
)
class ResourceList(PublishedView):
    """Data resources of the latest publication; every filter narrows, and `q` ranks by Finnish text search."""

    def answer(self, request, current, links):
        params = filters.query_params(ResourcePageQuery, request)
        found = filters.resources_filtered(current, params)
        return self.paginate(request, found, lambda pair: _resource(pair[0], links, pair[1]))


@extend_schema_view(
    get=extend_schema(
        operation_id="resource_get",
        tags=["published"],
        parameters=[ORG, path_parameter("key", "The data resource's key.", "vesihuolto")],
        responses={200: ref("ResourceItem"), **ERRORS},
        summary="A data resource",
    )
)
class ResourceDetail(PublishedView):
    """One data resource: every public field, as the canonical format has it."""

    def answer(self, request, current, links, key: str):
        return _resource(_found(current.catalog.resource(key), "data resource"), links)


def _system(entry, links: PublicLinks) -> dict:
    users = [{"key": u.resource.key, "name": u.resource.record["name"], "usage": u.usage} for u in entry.users]
    interfaces = [end.record for end in entry.interfaces]
    return {**entry.record, "url": links.system(entry.key), "resources": users, "interfaces": interfaces}


@extend_schema_view(
    get=extend_schema(
        operation_id="system_list",
        tags=["published"],
        parameters=[ORG, TextPageQuery],
        responses={200: paginated("SystemItem"), **ERRORS},
        summary="Information systems (tietojärjestelmät) of the latest publication",
    )
)
class SystemList(PublishedView):
    """Information systems of the latest publication, each with the data resources that use it."""

    def answer(self, request, current, links):
        params = filters.query_params(TextPageQuery, request)
        return self.paginate(request, filters.systems_filtered(current, params), lambda e: _system(e, links))


@extend_schema_view(
    get=extend_schema(
        operation_id="system_get",
        tags=["published"],
        parameters=[ORG, path_parameter("key", "The system's key.", "m-files")],
        responses={200: ref("SystemItem"), **ERRORS},
        summary="An information system and the data resources that use it",
    )
)
class SystemDetail(PublishedView):
    """One information system and the data resources that use it, with each one's usage."""

    def answer(self, request, current, links, key: str):
        return _system(_found(current.catalog.system(key), "system"), links)


@extend_schema_view(
    get=extend_schema(
        operation_id="open_data_get",
        tags=["published"],
        parameters=[ORG],
        responses={200: ref("OpenDataCatalog"), **ERRORS},
        summary="Open data sets and data services (such as a WMS map service with its layers)",
    )
)
class OpenData(PublishedView):
    """The open data sets and data services of the latest publication."""

    def answer(self, request, current, links):
        return {"datasets": current.catalog.datasets, "services": current.catalog.services}


@extend_schema_view(
    get=extend_schema(
        operation_id="publication_list",
        tags=["published"],
        parameters=[ORG, PageQuery],
        responses={200: paginated("PublicationSummary"), **ERRORS},
        summary="Every publication of the organisation, newest first",
    )
)
class PublicationList(PublicView):
    """Every publication of the organisation, newest first; any of them can be read whole."""

    def get(self, request, org: str):
        filters.query_params(PageQuery, request)
        rows = list(published.publications_of(org))
        if not rows:
            raise NotFound("No published description for this organisation.")
        etag = state_etag(repr([(p.pk, p.number, p.content_hash) for p in rows]) + request.build_absolute_uri())
        answer = lambda: Response(self.paginate(request, rows, self.item))  # noqa: E731
        return conditional(request, etag, rows[0].published_at, answer)

    def item(self, publication) -> dict:
        return publication_summary(self.request, self.kwargs["org"], publication)


def publication_summary(request, org: str, publication) -> dict:
    """A publication's header with the address of its whole content (`PublicationSummary`)."""
    url = reverse("api:publication", kwargs={"org": org, "number": publication.number})
    return {
        "number": publication.number,
        "published_at": publication.published_at.isoformat(),
        "note": publication.note,
        "url": request.build_absolute_uri(url),
    }


class Withdrawn(APIException):
    """410 Gone for a withdrawn publication, as its public page answers: when and why, never its content."""

    status_code = 410
    default_code = "withdrawn"

    def __init__(self, publication) -> None:
        super().__init__(
            f"Publication {publication.number} was withdrawn on {publication.withdrawn_at:%Y-%m-%d}: "
            f"{publication.withdrawal_reason}"
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="publication_get",
        tags=["published"],
        parameters=[
            ORG,
            OpenApiParameter(
                "number",
                {"type": "integer", "minimum": 1},
                OpenApiParameter.PATH,
                description="Publication number.",
                examples=[OpenApiExample("1", value=1)],
            ),
        ],
        responses={200: ref("Catalog"), **ERRORS, 410: ref("Error")},
        summary="A publication: its whole public catalogue",
    )
)
class PublicationDetail(PublicView):
    """A publication as it was published: the whole public catalogue with its header."""

    def get(self, request, org: str, number: int):
        publication = published.publication_numbered(org, number)
        if publication is None:
            withdrawn = published.publication_withdrawn_numbered(org, number)
            if withdrawn is not None:
                raise Withdrawn(withdrawn)
            raise NotFound("No publication with this number.")
        etag = publication_etag(publication, "api", request.build_absolute_uri(), REVISION)
        return conditional(request, etag, publication.published_at, lambda: Response(publication_catalog(publication)))
