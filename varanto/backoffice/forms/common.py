"""Form building blocks for the back office: list fields, repeating rows, translations.

List-valued fields work without JavaScript: short lists are one item per line, structured
lists are rows with an "Add row" button that the server answers by showing one more row
(`EditPage.with_added_row`); a small script does the same in the browser when it can.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from varanto.catalog.services.common import TRANSLATION_LANGUAGES

if TYPE_CHECKING:
    from .records import RecordForm

LANGUAGE_NAMES = {"sv": _("Swedish"), "en": _("English")}
ROW_INCOMPLETE = _("Fill this in, or leave the whole row empty.")


class LinesField(forms.CharField):
    """A list of short texts edited one per line."""

    def __init__(self, *, rows: int = 4, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("One per line."))
        super().__init__(widget=forms.Textarea(attrs={"rows": rows}), strip=False, **kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, (list, tuple)) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class RowForm(forms.Form):
    """One row of a repeating list; a row left empty is ignored, a half-filled one must have `key_field`."""

    key_field: str

    def __init__(self, *args, **kwargs):
        kwargs.pop("systems", None)
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def clean(self):
        cleaned = super().clean()
        filled = any(v not in (None, "", False) for k, v in cleaned.items() if k != "DELETE")
        if filled and not cleaned.get(self.key_field):
            self.add_error(self.key_field, ROW_INCOMPLETE)
        return cleaned

    def row(self) -> dict | None:
        data = {k: v for k, v in self.cleaned_data.items() if k != "DELETE"}
        if self.cleaned_data.get("DELETE") or not data.get(self.key_field):
            return None
        return {k: ("" if v is None else v) for k, v in data.items()}


def row_formset(form_class: type[RowForm]):
    return forms.formset_factory(form_class, extra=1, can_delete=True)


class TranslationsMixin:
    """Adds a field per translatable field and language (sv_name, en_purpose …) and gathers
    them into the model's `translations` mapping."""

    translatable: tuple[str, ...] = ()
    # Those of the form class this is mixed into.
    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def add_translation_fields(self, model, translations: dict) -> None:
        for language in TRANSLATION_LANGUAGES:
            for name in self.translatable:
                base = model._meta.get_field(name)
                long_text = base.get_internal_type() == "TextField"
                self.fields[f"{language}_{name}"] = forms.CharField(
                    label=f"{str(base.verbose_name).capitalize()} ({LANGUAGE_NAMES[language]})",
                    required=False,
                    initial=(translations.get(language) or {}).get(name, ""),
                    widget=forms.Textarea(attrs={"rows": 2}) if long_text else forms.TextInput,
                )

    def translation_field_names(self) -> list[str]:
        return [f"{language}_{name}" for language in TRANSLATION_LANGUAGES for name in self.translatable]

    def translations_data(self) -> dict:
        return {
            language: {name: self.cleaned_data.get(f"{language}_{name}", "") for name in self.translatable}
            for language in TRANSLATION_LANGUAGES
        }


class EditPage:
    """A record's main form together with its row formsets, validated and read as one.

    `formsets` maps the service's data key ("systems", "links" …) to a formset class and its
    initial rows; the key is also the formset's prefix.
    """

    def __init__(self, form: RecordForm, formsets: dict[str, forms.BaseFormSet]):
        self.form = form
        self.formsets = formsets

    @classmethod
    def build(
        cls, form_class, formset_classes: dict, *, data=None, initial_rows: dict, form_kwargs: dict, row_kwargs=None
    ):
        form = form_class(data=data, **form_kwargs)
        formsets = {
            key: formset_class(data=data, prefix=key, initial=initial_rows.get(key, []), form_kwargs=row_kwargs or {})
            for key, formset_class in formset_classes.items()
        }
        return cls(form, formsets)

    @staticmethod
    def with_added_row(post):
        """The posted data with one more row in the formset named by the "add_row" button."""
        data = post.copy()
        prefix = data.get("add_row", "")
        total = f"{prefix}-TOTAL_FORMS"
        if total in data and data[total].isdigit():
            data[total] = str(int(data[total]) + 1)
        return data

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        return all([valid, *(fs.is_valid() for fs in self.formsets.values())])

    def silence_errors(self) -> None:
        """Show the posted values again without complaints (after "Add row", nothing was saved)."""
        # The caches of errors that Django's forms keep privately (not in django-stubs).
        self.form._errors = ErrorDict()  # type: ignore[attr-defined]
        for formset in self.formsets.values():
            formset._errors = [ErrorDict() for _form in formset.forms]  # type: ignore[attr-defined]
            formset._non_form_errors = formset.error_class()  # type: ignore[attr-defined]
            for form in formset.forms:
                form._errors = ErrorDict()

    def data(self) -> dict:
        """The service input: the main form's data plus the rows of each formset."""
        data = self.form.to_data()
        for key, formset in self.formsets.items():
            data[key] = [row for form in formset.forms if (row := form.row()) is not None]
        return data

    @property
    def has_errors(self) -> bool:
        return bool(self.form.errors) or any(fs.total_error_count() for fs in self.formsets.values())
