"""Review moves and publishing through the API, as on the back office's review page.

A review move (send for review, approve, return with a comment) is a row of
`accounts.permissions.WORKFLOW`, allowed to the roles of its action in `PERMISSIONS` and made
by `catalog.services.data_resource_review`, which also refuses an approval by the change's own
author (four eyes, 403) as it does on the back office. It changes the data resource, so like any edit it
needs the resource's ETag in If-Match. Publishing calls the publishing service
(`publications.services.publication_publish`), whose rules the back office and `varanto publish`
share: something must have changed, and data resources that await review or were returned are
published only when the request says so.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response

from varanto.accounts.permissions import WORKFLOW, Action, access_organization, access_resource, require
from varanto.catalog.services import EditConflict, MoveNotAllowed, OwnChangeNotApproved, data_resource_review
from varanto.publications.services import NothingToPublish, UnapprovedChanges, publication_publish

from . import working
from .public_views import ORG, path_parameter, publication_summary
from .schemas import ref, request_validator
from .working_views import AUTH_ERRORS, IF_MATCH, RESOURCES, WRITE_ERRORS, WorkingView, expected_version, stale

CONFLICT = {409: ref("Error")}
NOTHING_CHANGED = "Nothing has changed since the latest publication."


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Not possible in the record's present state."


def _body_invalid(name: str, body) -> Response | None:
    errors = working.validation_errors(request_validator(name), body)
    return Response(errors, status=status.HTTP_400_BAD_REQUEST) if errors else None


@extend_schema_view(
    post=extend_schema(
        operation_id="working_resource_review",
        tags=["working model"],
        parameters=[ORG, path_parameter("key", "The data resource's key.", "vesihuolto"), IF_MATCH],
        request={"application/json": ref("ReviewMove")},
        responses={200: ref("WorkingResourceItem"), **WRITE_ERRORS, **CONFLICT},
        summary="Send a data resource for review, approve it, or return it with a comment; If-Match its ETag",
    )
)
class ReviewMove(WorkingView):
    """POST a move of the review workflow; the answer is the resource in its new state."""

    kind = RESOURCES

    def post(self, request, org: str, key: str):
        organization = access_organization(request.user, org, Action.VIEW)
        resource = access_resource(request.user, organization, key, Action.VIEW)
        if invalid := _body_invalid("ReviewMove", request.data):
            return invalid
        action = Action(request.data["move"])
        require(request.user, action, resource)
        version = expected_version(request, resource.version)
        try:
            data_resource_review(
                resource=resource,
                action=action,
                expected_version=version,
                acting_user=request.user,
                comment=request.data.get("comment", ""),
            )
        except EditConflict as conflict:
            raise stale(conflict) from None
        except MoveNotAllowed as refused:
            raise Conflict(
                f"The data resource is {refused.status}; {action} is possible only when it is "
                + " or ".join(sorted(WORKFLOW[action].sources))
                + "."
            ) from None
        except OwnChangeNotApproved as refused:
            raise PermissionDenied(refused.messages[0]) from None
        except ValidationError as exc:
            errors = working.api_errors(self.kind.model, exc)
            return Response(
                {"comment" if name == "review_comment" else name: messages for name, messages in errors.items()},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return self.record(organization, key)


@extend_schema_view(
    post=extend_schema(
        operation_id="working_publication_create",
        tags=["working model"],
        parameters=[ORG],
        request={"application/json": ref("Publishing")},
        responses={201: ref("PublicationSummary"), **AUTH_ERRORS, **CONFLICT},
        summary="Publish: the working model's public view becomes the next publication",
    )
)
class PublicationCreate(WorkingView):
    """POST publishes, if the user's role may; 409 when nothing changed or changes await review unconfirmed."""

    def post(self, request, org: str):
        organization = access_organization(request.user, org, Action.PUBLISH)
        if invalid := _body_invalid("Publishing", request.data):
            return invalid
        try:
            publication = publication_publish(
                organization=organization,
                note=request.data.get("note", "").strip(),
                acting_user=request.user,
                include_unapproved=bool(request.data.get("include_unapproved", False)),
            )
        except NothingToPublish:
            raise Conflict(NOTHING_CHANGED) from None
        except UnapprovedChanges as refused:
            pending = refused.pending
            return Response(
                {
                    "detail": (f"{len(pending)} data resources have" if len(pending) > 1 else "1 data resource has")
                    + " changes that are not approved. Approve or return them first, or send include_unapproved: true "
                    "to publish them as they are.",
                    "pending": pending,
                },
                status=status.HTTP_409_CONFLICT,
            )
        response = Response(publication_summary(request, org, publication), status=status.HTTP_201_CREATED)
        response.headers["Location"] = reverse("api:publication", kwargs={"org": org, "number": publication.number})
        return response
