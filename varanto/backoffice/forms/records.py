"""The edit forms of the working model's records: every declared field, grouped as officials think of them."""

from __future__ import annotations

import copy
from collections.abc import Callable

from django import forms
from django.utils.translation import gettext_lazy as _

from varanto.catalog import declarations
from varanto.catalog.declarations import FieldDeclaration, Group, RecordKind, ValueType
from varanto.catalog.models import Organization

from .common import LinesField, TranslationsMixin


class NullBooleanRadios(forms.RadioSelect):
    """Yes / no / not stated as radio buttons (personal data may be unknown for imported records)."""

    def format_value(self, value):
        return [forms.NullBooleanSelect.format_value(self, value)]

    def value_from_datadict(self, data, files, name):
        return forms.NullBooleanSelect.value_from_datadict(self, data, files, name)


class DayInput(forms.DateInput):
    """The browser's date picker: it reads and writes ISO dates whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _textarea(decl: FieldDeclaration, default_rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": decl.rows or default_rows})


def _choice_field(kind: RecordKind, decl: FieldDeclaration, db_field, **kwargs):
    if not decl.radios:
        return db_field.formfield(**kwargs)
    field = db_field.formfield(widget=forms.RadioSelect, **kwargs)
    # Radio buttons say what an empty answer means instead of Django's dashes.
    field.choices = [("", _("not stated")) if value == "" else (value, label) for value, label in field.choices]
    return field


def _flag_field(kind: RecordKind, decl: FieldDeclaration, db_field, **kwargs):
    return forms.NullBooleanField(
        label=kind.label(decl),
        required=False,
        widget=NullBooleanRadios(choices=[("unknown", _("not stated")), ("true", _("yes")), ("false", _("no"))]),
    )


# Value type → the form field that edits it (from the model field and its declaration). FLOWS and
# LINKS are lists of rows, edited in the formset of the same name (`kinds.Kind.rows`), not here.
FORM_FIELDS: dict[ValueType, Callable[..., forms.Field]] = {
    ValueType.TEXT: lambda kind, decl, db_field, **kw: db_field.formfield(**kw),
    ValueType.LONG_TEXT: lambda kind, decl, db_field, **kw: db_field.formfield(widget=_textarea(decl, 3), **kw),
    ValueType.LINES: lambda kind, decl, db_field, **kw: LinesField(
        label=kind.label(decl), rows=decl.rows or 4, **({"help_text": decl.help_text} if decl.help_text else {})
    ),
    ValueType.CHOICE: _choice_field,
    ValueType.FLAG: _flag_field,
    ValueType.COUNT: lambda kind, decl, db_field, **kw: db_field.formfield(**kw),
    ValueType.REFERENCE: lambda kind, decl, db_field, **kw: db_field.formfield(**kw),
    ValueType.DATE: lambda kind, decl, db_field, **kw: db_field.formfield(widget=DayInput, **kw),
}
ROWS = frozenset({ValueType.FLOWS, ValueType.LINKS})


def _edited(kind: RecordKind, group: Group) -> tuple[list[str], str | None]:
    """The group's form fields, and the key of its formset (a list of rows) if it has one."""
    names: list[str] = []
    formset = None
    for decl in kind.group_fields(group):
        if decl.type in ROWS:
            formset = decl.attr
        elif decl.editable:
            names.append(decl.attr)
    for relation in kind.group_relations(group):
        if relation.many_to_many(kind.model):
            names.append(relation.accessor or relation.name)
        else:
            formset = relation.name
    return names, formset


def record_meta(kind: RecordKind) -> type:
    """A model form's `Meta` for the kind: its editable fields, group by group, built by value type."""

    def formfield(db_field, **kwargs):
        if db_field.many_to_many:
            return db_field.formfield(widget=forms.CheckboxSelectMultiple, **kwargs)
        decl = kind.field(db_field.name)
        return FORM_FIELDS[decl.type](kind, decl, db_field, **kwargs)

    class Meta:
        model = kind.model
        fields = [name for group in kind.groups for name in _edited(kind, group)[0]]
        formfield_callback = formfield

    return Meta


class RecordForm(TranslationsMixin, forms.ModelForm):
    """A model form whose cleaned data becomes a write service's `data`; it never saves itself.

    Its fields and fieldsets come from the kind's declaration (`record_meta`, `kind.groups`);
    internal groups are shown as never published.
    """

    kind: RecordKind

    def __init__(self, *args, organization: Organization, instance=None, **kwargs):
        self.organization = organization
        # The form works on a copy so that validation never changes the record the view holds.
        instance = copy.copy(instance) if instance is not None and instance.pk else instance
        super().__init__(*args, instance=instance, **kwargs)  # type: ignore[misc]  # stubs: instance is keyword-only here
        self.translatable = self._meta.model.translatable_fields
        self.add_translation_fields(self._meta.model, getattr(self.instance, "translations", {}) or {})
        # Records refer only to records of their own organisation.
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                field.queryset = field.queryset.filter(organization=self.organization)

    def to_data(self) -> dict:
        assert self._meta.fields is not None, "a record form lists its fields"
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        for name in data:
            if isinstance(self.fields[name], forms.ModelMultipleChoiceField):
                data[name] = list(data[name])
        if self.translatable:
            data["translations"] = self.translations_data()
        return data

    def layout(self) -> list[dict]:
        groups = []
        for group in self.kind.groups:
            names, formset = _edited(self.kind, group)
            groups.append((group.title, names, formset, group.internal))
        if self.translatable:
            groups.insert(
                -1 if groups and groups[-1][3] else len(groups),
                (_("Swedish and English texts"), self.translation_field_names(), None, False),
            )
        return [
            {"title": title, "fields": [self[name] for name in names], "formset": formset, "internal": internal}
            for title, names, formset, internal in groups
        ]


class ResourceForm(RecordForm):
    kind = declarations.RESOURCE
    Meta = record_meta(kind)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.fields["processes"].queryset.exists():
            self.fields["processes"].help_text = _("No processes have been described yet: add them under Processes.")


class SystemForm(RecordForm):
    kind = declarations.SYSTEM
    Meta = record_meta(kind)


class SectionForm(RecordForm):
    kind = declarations.SECTION
    Meta = record_meta(kind)


class ProcessForm(RecordForm):
    kind = declarations.PROCESS
    Meta = record_meta(kind)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # a process is neither its own parent nor its own input
            for name in ("parent", "inputs"):
                field = self.fields[name]
                assert isinstance(field, forms.ModelChoiceField)
                field.queryset = field.queryset.exclude(pk=self.instance.pk)


class InterfaceForm(RecordForm):
    kind = declarations.INTERFACE
    Meta = record_meta(kind)


class OrganizationForm(RecordForm):
    kind = declarations.ORGANIZATION
    homepage = forms.URLField(label=_("home page"), required=False, assume_scheme="https")
    Meta = record_meta(kind)
