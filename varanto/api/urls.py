"""The REST API, /api/v1/: the published descriptions (public, read-only), the working model (integration
tokens), the OpenAPI schema and its docs."""

from django.http import JsonResponse
from django.urls import path, re_path, reverse
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import public_views as public
from . import working_review as review
from . import working_views as working

app_name = "api"


def not_found(request, *args, **kwargs):
    """Any other address under /api/: a JSON 404, as the API's own answers are."""
    return JsonResponse({"detail": "Not found."}, status=404)


ORG = "organizations/<str:org>/"
WORKING = "working/<str:org>/"


def api_root(request):
    """/api/v1/: where the API's parts are, so that the address the README gives answers."""
    if request.method not in ("GET", "HEAD"):
        return JsonResponse({"detail": "Method not allowed."}, status=405)

    def url(name: str) -> str:
        return request.build_absolute_uri(reverse(f"api:{name}"))

    return JsonResponse(
        {
            "organizations": url("organizations"),
            "schema": url("schema"),
            "docs": url("docs"),
            "working": request.build_absolute_uri(reverse("api:root")) + "working/{org}/",
        }
    )


urlpatterns = [
    path("", api_root, name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    path("organizations/", public.OrganizationList.as_view(), name="organizations"),
    path(ORG, public.OrganizationDetail.as_view(), name="organization"),
    path(ORG + "sections/", public.SectionList.as_view(), name="sections"),
    path(ORG + "sections/<str:key>/", public.SectionDetail.as_view(), name="section"),
    path(ORG + "resources/", public.ResourceList.as_view(), name="resources"),
    path(ORG + "resources/<str:key>/", public.ResourceDetail.as_view(), name="resource"),
    path(ORG + "systems/", public.SystemList.as_view(), name="systems"),
    path(ORG + "systems/<str:key>/", public.SystemDetail.as_view(), name="system"),
    path(ORG + "open-data/", public.OpenData.as_view(), name="open_data"),
    path(ORG + "publications/", public.PublicationList.as_view(), name="publications"),
    path(ORG + "publications/<int:number>/", public.PublicationDetail.as_view(), name="publication"),
    path(WORKING + "organization/", working.OrganizationDetail.as_view(), name="working_organization"),
    path(WORKING + "sections/", working.SectionList.as_view(), name="working_sections"),
    path(WORKING + "sections/<str:key>/", working.SectionDetail.as_view(), name="working_section"),
    path(WORKING + "resources/", working.ResourceList.as_view(), name="working_resources"),
    path(WORKING + "resources/<str:key>/", working.ResourceDetail.as_view(), name="working_resource"),
    path(WORKING + "resources/<str:key>/review/", review.ReviewMove.as_view(), name="working_resource_review"),
    path(WORKING + "systems/", working.SystemList.as_view(), name="working_systems"),
    path(WORKING + "systems/<str:key>/", working.SystemDetail.as_view(), name="working_system"),
    path(WORKING + "processes/", working.ProcessList.as_view(), name="working_processes"),
    path(WORKING + "processes/<str:key>/", working.ProcessDetail.as_view(), name="working_process"),
    path(WORKING + "interfaces/", working.InterfaceList.as_view(), name="working_interfaces"),
    path(WORKING + "interfaces/<str:key>/", working.InterfaceDetail.as_view(), name="working_interface"),
    path(WORKING + "task-classes/", working.TaskClassList.as_view(), name="working_task_classes"),
    path(WORKING + "task-classes/<str:key>/", working.TaskClassDetail.as_view(), name="working_task_class"),
    path(WORKING + "actions/", working.ActionList.as_view(), name="working_actions"),
    path(WORKING + "actions/<str:key>/", working.ActionDetail.as_view(), name="working_action"),
    path(WORKING + "document-types/", working.DocumentTypeList.as_view(), name="working_document_types"),
    path(WORKING + "document-types/<str:key>/", working.DocumentTypeDetail.as_view(), name="working_document_type"),
    path(WORKING + "publications/", review.PublicationCreate.as_view(), name="working_publications"),
    # Whatever is left, newlines included (a "." would stop at one and leave Django's HTML 404).
    re_path(r"^", not_found),
]
