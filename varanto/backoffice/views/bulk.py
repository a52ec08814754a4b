"""Bulk editing (joukkomuokkaus): choose data resources, set one field on all of them, preview, apply."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from varanto.accounts.permissions import Action, access_organization, require
from varanto.catalog.models import DataResource, Section
from varanto.catalog.models.resources import Archiving
from varanto.catalog.services import BULK_FIELDS, EditConflict, bulk_data_check, data_resources_bulk_update

from ..forms.records import DayInput
from ..selectors.attention import review_due
from ..selectors.display import field_label
from .common import page, staff_view

# The input that holds the new value of each field but the text ones.
VALUE_INPUTS = {"review_cycle_months": "months", "next_review": "day", "archiving": "archiving", "section": "section"}


class BulkEditForm(forms.Form):
    field = forms.ChoiceField(label=gettext_lazy("Field to set"))
    text = forms.CharField(label=gettext_lazy("New value (text)"), required=False, max_length=300)
    months = forms.IntegerField(
        label=gettext_lazy("New review cycle (months)"), required=False, min_value=1, max_value=120
    )
    day = forms.DateField(label=gettext_lazy("New review date"), required=False, widget=DayInput)
    archiving = forms.ChoiceField(label=gettext_lazy("New archiving"), required=False)
    section = forms.ModelChoiceField(label=gettext_lazy("New section"), required=False, queryset=Section.objects.none())

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [(name, field_label(DataResource, name).capitalize()) for name in BULK_FIELDS]
        self.fields["archiving"].choices = [("", "–"), *Archiving.choices]
        self.fields["section"].queryset = Section.objects.filter(organization=organization)

    def value(self):
        name = self.cleaned_data["field"]
        chosen = VALUE_INPUTS.get(name, "text")
        return self.cleaned_data[chosen] if chosen != "text" else self.cleaned_data["text"].strip()


def _now(resource: DataResource, name: str, organization):
    """The value the preview shows as now: for the review date, when the resource is due as things stand
    (its review cycle's date where none was agreed), so that the official sees what the change moves."""
    return review_due(resource, organization) if name == "next_review" else getattr(resource, name)


def _chosen(request, organization) -> list[DataResource]:
    keys = request.POST.getlist("valittu")
    return list(DataResource.objects.filter(organization=organization, pk__in=[k for k in keys if k.isdigit()]))


@staff_view(methods=("GET", "POST"))
def bulk_edit(request, org: str):
    organization = access_organization(request.user, org)
    require(request.user, Action.APPROVE, organization)
    section = request.GET.get("toimiala", "")
    resources = DataResource.objects.filter(organization=organization).select_related("section")
    if section:
        resources = resources.filter(section__key=section)
    form = BulkEditForm(request.POST or None, organization=organization)
    context = {
        "form": form,
        "resources": resources.order_by("section__position", "position", "id"),
        "sections": Section.objects.filter(organization=organization),
        "section": section,
    }
    if request.method == "POST" and form.is_valid():
        chosen = _chosen(request, organization)
        name, value = form.cleaned_data["field"], form.value()
        if not chosen:
            form.add_error(None, _("Choose at least one data resource."))
        elif request.POST.get("step") == "apply":
            versions = {r.pk: int(request.POST.get(f"version-{r.pk}", "0") or 0) for r in chosen}
            try:
                data_resources_bulk_update(
                    organization=organization, versions=versions, data={name: value}, acting_user=request.user
                )
            except EditConflict:
                form.add_error(
                    None, _("A chosen data resource was changed meanwhile; nothing was saved. Preview again.")
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(
                    request, _("%(count)d data resources changed and sent for review.") % {"count": len(chosen)}
                )
                return redirect("backoffice:review", organization.slug)
        else:
            try:
                bulk_data_check({name: value})
            except ValidationError as exc:
                form.add_error(None, exc.messages)
                return page(request, "backoffice/bulk_edit.html", organization, context, status=400)
            context["preview"] = {
                "label": field_label(DataResource, name),
                "value": value,
                "rows": [(r, _now(r, name, organization)) for r in chosen],
            }
    return page(request, "backoffice/bulk_edit.html", organization, context, status=400 if form.errors else 200)
