"""The edit forms of the working model's records: every field, grouped as officials think of them."""

from __future__ import annotations

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from varanto.catalog.models import DataResource, InformationSystem, Organization, Process, Section

from .common import LinesField, TranslationsMixin


class NullBooleanRadios(forms.RadioSelect):
    """Yes / no / not stated as radio buttons (personal data may be unknown for imported records)."""

    def format_value(self, value):
        return [forms.NullBooleanSelect.format_value(self, value)]

    def value_from_datadict(self, data, files, name):
        return forms.NullBooleanSelect.value_from_datadict(self, data, files, name)


class RecordForm(TranslationsMixin, forms.ModelForm):
    """A model form whose cleaned data becomes a write service's `data`; it never saves itself.

    `groups` lays the fields out in fieldsets: (title, field names, formset key or None,
    internal?). Internal groups are shown as never published.
    """

    groups: list[tuple] = []

    def __init__(self, *args, organization: Organization, instance=None, **kwargs):
        self.organization = organization
        # The form works on a copy so that validation never changes the record the view holds.
        instance = copy.copy(instance) if instance is not None and instance.pk else instance
        super().__init__(*args, instance=instance, **kwargs)  # type: ignore[misc]  # stubs: instance is keyword-only here
        self.add_translation_fields(self._meta.model, getattr(self.instance, "translations", {}) or {})

    def to_data(self) -> dict:
        assert self._meta.fields is not None, "a record form lists its fields"
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        if self.translatable:
            data["translations"] = self.translations_data()
        return data

    def layout(self) -> list[dict]:
        groups = [*self.groups]
        if self.translatable:
            groups.insert(
                -1 if groups and groups[-1][3] else len(groups),
                (_("Swedish and English texts"), self.translation_field_names(), None, False),
            )
        return [
            {"title": title, "fields": [self[name] for name in names], "formset": formset, "internal": internal}
            for title, names, formset, internal in groups
        ]


RESPONSIBLE_FIELDS = ["responsible_title", "responsible_organization", "responsible_unit"]


class ResourceForm(RecordForm):
    translatable = ("name", "purpose", "notes")
    key_datasets = LinesField(label=_("Key data sets"), rows=5)
    keywords = LinesField(label=_("Keywords"), help_text=_("Words residents use for this, one per line."))
    disclosure_recipients = LinesField(label=_("Recipients of disclosures"))
    search_criteria = LinesField(
        label=_("Search criteria"), help_text=_("How documents can be found: case number, name, date … One per line.")
    )
    partners = LinesField(label=_("Partners"))
    personal_data = forms.NullBooleanField(
        label=_("Holds personal data"),
        required=False,
        widget=NullBooleanRadios(choices=[("unknown", _("not stated")), ("true", _("yes")), ("false", _("no"))]),
    )

    class Meta:
        model = DataResource
        fields = [
            "name",
            "section",
            *RESPONSIBLE_FIELDS,
            "purpose",
            "key_datasets",
            "keywords",
            "notes",
            "disclosure_level",
            "disclosure_recipients",
            "disclosure_text",
            "disclosure_authority",
            "api_availability",
            "api_text",
            "search_criteria",
            "partners",
            "personal_data",
            "retention_period",
            "archiving",
            "retention_text",
            "processes",
            "security_measures",
            "internal_notes",
            "review_cycle_months",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "disclosure_text": forms.Textarea(attrs={"rows": 2}),
            "api_text": forms.Textarea(attrs={"rows": 2}),
            "retention_text": forms.Textarea(attrs={"rows": 2}),
            "security_measures": forms.Textarea(attrs={"rows": 3}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
            "disclosure_level": forms.RadioSelect,
            "api_availability": forms.RadioSelect,
            "processes": forms.CheckboxSelectMultiple,
        }

    groups = [
        (
            _("Basic information"),
            ["name", "section", *RESPONSIBLE_FIELDS, "purpose", "key_datasets", "keywords", "notes"],
            None,
            False,
        ),
        (_("Information systems"), [], "systems", False),
        (
            _("Disclosure"),
            ["disclosure_level", "disclosure_recipients", "disclosure_text", "disclosure_authority"],
            None,
            False,
        ),
        (_("Technical interface"), ["api_availability", "api_text"], None, False),
        (_("Search criteria"), ["search_criteria"], None, False),
        (_("Partners and data flows"), ["partners"], "data_flows", False),
        (_("Links and privacy notices"), ["personal_data"], "links", False),
        (_("Retention and archiving"), ["retention_period", "archiving", "retention_text"], None, False),
        (_("Processes"), ["processes"], None, False),
        (_("Internal: never published"), ["security_measures", "internal_notes", "review_cycle_months"], None, True),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(organization=self.organization)
        self.fields["processes"].queryset = Process.objects.filter(organization=self.organization)
        if not self.fields["processes"].queryset.exists():
            self.fields["processes"].help_text = _("No processes have been described yet: add them under Processes.")
        self.fields["disclosure_level"].choices = [("", _("not stated")), *self.fields["disclosure_level"].choices[1:]]
        self.fields["api_availability"].choices = [("", _("not stated")), *self.fields["api_availability"].choices[1:]]

    def to_data(self) -> dict:
        data = super().to_data()
        data["processes"] = list(data["processes"])
        return data


class SystemForm(RecordForm):
    translatable = ("name", "purpose", "description")

    class Meta:
        model = InformationSystem
        fields = [
            "name",
            "vendor",
            "purpose",
            "description",
            *RESPONSIBLE_FIELDS,
            "security_measures",
            "internal_notes",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "security_measures": forms.Textarea(attrs={"rows": 3}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
        }

    groups = [
        (_("Basic information"), ["name", "vendor", "purpose", "description", *RESPONSIBLE_FIELDS], None, False),
        (_("Interfaces to other systems"), [], "interfaces", False),
        (_("Internal: never published"), ["security_measures", "internal_notes"], None, True),
    ]


class SectionForm(RecordForm):
    translatable = ("name", "description")
    members = LinesField(label=_("Member municipalities"), help_text=_("For a hosted regional body. One per line."))

    class Meta:
        model = Section
        fields = ["name", "kind", "members", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "kind": forms.RadioSelect}

    groups = [(_("Section"), ["name", "kind", "members", "description"], None, False)]


class ProcessForm(RecordForm):
    translatable = ("name", "purpose")

    class Meta:
        model = Process
        fields = ["name", "purpose", "function_class", *RESPONSIBLE_FIELDS, "systems", "internal_notes"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "internal_notes": forms.Textarea(attrs={"rows": 3}),
            "systems": forms.CheckboxSelectMultiple,
        }

    groups = [
        (_("Process"), ["name", "purpose", "function_class", *RESPONSIBLE_FIELDS], None, False),
        (_("Information systems"), ["systems"], None, False),
        (_("Links"), [], "links", False),
        (_("Internal: never published"), ["internal_notes"], None, True),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["systems"].queryset = InformationSystem.objects.filter(organization=self.organization)

    def to_data(self) -> dict:
        data = super().to_data()
        data["systems"] = list(data["systems"])
        return data


class OrganizationForm(RecordForm):
    translatable = ("name", "request_instructions")
    homepage = forms.URLField(label=_("home page"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "name",
            "business_id",
            "organization_type",
            "homepage",
            "registry_name",
            "registry_address",
            "registry_email",
            "registry_phone",
            "registry_hours",
            "deciding_authority",
            "request_instructions",
        ]
        widgets = {
            "registry_address": forms.Textarea(attrs={"rows": 2}),
            "request_instructions": forms.Textarea(attrs={"rows": 4}),
        }

    groups = [
        (
            _("Information requests"),
            [
                "registry_name",
                "registry_address",
                "registry_email",
                "registry_phone",
                "registry_hours",
                "deciding_authority",
                "request_instructions",
            ],
            None,
            False,
        ),
        (_("Contact persons for the description"), [], "contacts", False),
        (_("Organisation"), ["name", "business_id", "organization_type", "homepage"], None, False),
    ]
