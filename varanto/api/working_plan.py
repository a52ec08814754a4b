"""The records management plan's lists in the working-model API: the filters task classes, phases
and actions, and document types are listed by, run in the database, and the query parameters they take."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as django_filters
from rest_framework import serializers

from varanto.catalog.models import (
    DocumentType,
    PersonalDataClass,
    ProcessAction,
    PublicityClass,
    TaskClass,
)

from .filters import text_parameter
from .public_views import PageQuery
from .working import TextFilter, systems_called


class TaskClassQuery(PageQuery):
    q = text_parameter(_("Text the record contains."))
    # DRF's metaclass takes the declared field out of the class, so it does not shadow `Field.parent`.
    parent = text_parameter(_("Only the classes right below the class with this key."))  # type: ignore[assignment]


class ActionQuery(PageQuery):
    q = text_parameter(_("Text the record contains."))
    task_class = text_parameter(_("Only the phases and actions of the task class with this key."))
    phase = text_parameter(_("Only the actions in the phase with this key."))


class DocumentTypeQuery(PageQuery):
    q = text_parameter(_("Text the record contains."))
    task_class = text_parameter(_("Only the document types of the task class with this key."))
    action = text_parameter(_("Only the document types of the action with this key."))
    system = text_parameter(_("Only the document types kept in this system (its key or name)."))
    resource = text_parameter(_("Only the document types of the data resource with this key."))
    publicity_class = serializers.ChoiceField(
        choices=PublicityClass.choices, required=False, help_text=_("Only document types of this publicity class.")
    )
    personal_data = serializers.ChoiceField(
        choices=PersonalDataClass.choices, required=False, help_text=_("Only document types with this personal data.")
    )


class TaskClassFilter(TextFilter):
    parent = django_filters.CharFilter(field_name="parent__key")
    text_fields = ("code", "name", "description")

    class Meta:
        model = TaskClass
        fields: list[str] = []


class ActionFilter(TextFilter):
    task_class = django_filters.CharFilter(field_name="task_class__key")
    phase = django_filters.CharFilter(field_name="parent__key")
    text_fields = ("name", "action_class", "description")

    class Meta:
        model = ProcessAction
        fields: list[str] = []


class DocumentTypeFilter(TextFilter):
    task_class = django_filters.CharFilter(field_name="action__task_class__key")
    action = django_filters.CharFilter(field_name="action__key")
    system = django_filters.CharFilter(method="kept_in")
    resource = django_filters.CharFilter(field_name="resource__key")
    publicity_class = django_filters.ChoiceFilter(choices=PublicityClass.choices)
    personal_data = django_filters.ChoiceFilter(choices=PersonalDataClass.choices)
    text_fields = ("name", "document_class")

    class Meta:
        model = DocumentType
        fields: list[str] = []

    def kept_in(self, queryset, name, value):
        return queryset.filter(system__in=systems_called(queryset, value))
