"""The lists of the records management plan (tiedonohjaussuunnitelma): task classes, phases and
actions, document types; one page at a time, so that a plan of thousands of rows lists as fast as a small one."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from varanto.accounts.permissions import access_organization
from varanto.catalog.models import DocumentType, Process, ProcessAction, TaskClass

from .common import page, staff_view

PAGE_SIZE = 50


KEY = "__key__"  # a slug no record has, where a row's key goes in the links reversed once a page


def _page(request, rows, organization, kind: str):
    """The page of rows asked for, each with its links (`row.links`: edit, history, delete): each address
    is reversed once for the page and the row's key put in it, not reversed again row by row."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("sivu"))
    addresses = {
        link: reverse(f"backoffice:{kind}_{link}", args=[organization.slug, KEY]).rpartition(KEY)
        for link in ("edit", "history", "delete")
    }
    for row in page:
        row.links = {link: f"{before}{row.key}{after}" for link, (before, _key, after) in addresses.items()}
    return page


def _count(model, link: str):
    """How many `model` rows link to each row listed, counted for the rows of the page only (a subquery,
    not a join over the whole plan)."""
    counted = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


@staff_view
def task_class_list(request, org: str):
    organization = access_organization(request.user, org)
    classes = (
        TaskClass.objects.filter(organization=organization)
        .select_related("parent")
        .only("key", "code", "name", "parent__code")
        .annotate(action_count=_count(ProcessAction, "task_class"), process_count=_count(Process, "task_class"))
        .order_by("code", "id")
    )
    return page(
        request,
        "backoffice/task_class_list.html",
        organization,
        {"page": _page(request, classes, organization, "task_class")},
    )


def _in_class(request, rows, organization):
    """Rows of one task class when the page asks for it (?luokka=key), and that class."""
    wanted = request.GET.get("luokka", "")
    task_class = TaskClass.objects.filter(organization=organization, key=wanted).first() if wanted else None
    return (rows.filter(task_class=task_class) if task_class else rows), task_class


@staff_view
def action_list(request, org: str):
    organization = access_organization(request.user, org)
    actions = (
        ProcessAction.objects.filter(organization=organization)
        .select_related("task_class", "parent")
        .only("key", "name", "task_class__code", "parent__name")
        .annotate(document_count=_count(DocumentType, "action"))
        .order_by("position", "id")  # plan order, as the import places them (a sort of the table itself)
    )
    actions, task_class = _in_class(request, actions, organization)
    context = {"page": _page(request, actions, organization, "action"), "task_class": task_class}
    return page(request, "backoffice/action_list.html", organization, context)


DOCUMENT_COLUMNS = (
    "key",
    "name",
    "document_class",
    "publicity_class",
    "retention_period",
    "system_name",
    "action__name",
    "action__task_class__code",
    "system__name",
)


@staff_view
def document_type_list(request, org: str):
    organization = access_organization(request.user, org)
    documents = (
        DocumentType.objects.filter(organization=organization)
        .select_related("action__task_class", "system")
        # Only the columns the page shows: the linked records' long texts stay in the database.
        .only(*DOCUMENT_COLUMNS)
        .order_by("position", "id")
    )
    wanted = request.GET.get("luokka", "")
    task_class = TaskClass.objects.filter(organization=organization, key=wanted).first() if wanted else None
    if task_class is not None:
        documents = documents.filter(action__task_class=task_class)
    context = {"page": _page(request, documents, organization, "document_type"), "task_class": task_class}
    return page(request, "backoffice/document_type_list.html", organization, context)
