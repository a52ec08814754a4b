"""Rows of the repeating lists on the edit pages (systems with usage, links, data flows …)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from varanto.catalog.services.common import LINK_KINDS

from .common import RowForm, row_formset

LINK_KIND_CHOICES = list(zip(LINK_KINDS, [_("web page"), _("privacy notice")], strict=True))


class SystemChoiceRow(RowForm):
    """A row that names one of the organisation's systems; choices are built once per page."""

    def __init__(self, *args, systems: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.systems = systems or {}
        system_field = self.fields["system"]
        assert isinstance(system_field, forms.ChoiceField), "the row's system is a choice"
        system_field.choices = [("", "—")] + [(pk, s.name) for pk, s in self.systems.items()]

    def clean_system(self):
        value = self.cleaned_data.get("system")
        return self.systems.get(int(value)) if value else None


class ResourceSystemRow(SystemChoiceRow):
    key_field = "system"
    system = forms.ChoiceField(label=_("System"))
    usage = forms.CharField(label=_("Usage"), max_length=300, help_text=_('e.g. "verkosto"'))


class LinkRow(RowForm):
    key_field = "url"
    title = forms.CharField(label=_("Title"), max_length=300)
    url = forms.URLField(label=_("Address"), max_length=500, assume_scheme="https")
    kind = forms.ChoiceField(label=_("Kind"), choices=LINK_KIND_CHOICES, initial="web")

    def row(self):
        row = super().row()
        if row is not None:
            row["kind"] = row["kind"] or "web"
        return row


class DataFlowRow(RowForm):
    key_field = "target"
    target = forms.CharField(label=_("Destination"), max_length=300, help_text=_("e.g. Koski, Varda"))
    description = forms.CharField(label=_("What is transferred"), max_length=1000)


class ContactRow(RowForm):
    key_field = "name"
    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=50)
    email = forms.EmailField(label=_("E-mail"))


ResourceSystemRows = row_formset(ResourceSystemRow)
LinkRows = row_formset(LinkRow)
DataFlowRows = row_formset(DataFlowRow)
ContactRows = row_formset(ContactRow)
