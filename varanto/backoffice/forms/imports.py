"""The forms of "Tuo kuvaus": the description to upload or paste, its corrections, and a new organisation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from varanto.catalog.models.organization import OrganizationType
from varanto.interchange.limits import max_file_bytes
from varanto.interchange.preview import Source
from varanto.interchange.preview.reading import MAX_SOURCES

PASTED_NAME = "liitetty-teksti.txt"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files at once (one web page of the description each, or a page and its attachments)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(FilesField, self).clean(f, initial) for f in files]


class ImportUploadForm(forms.Form):
    uploads = FilesField(
        label=_("Files"),
        required=False,
        help_text=_(
            "The published description as text, HTML, Word, PDF, Excel, CSV or Varanto's JSON; several files "
            "(one page per data resource, say) import as one organisation."
        ),
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Copy the description from the web page and paste it here."),
    )
    organization_name = forms.CharField(
        label=_("New organisation's name"),
        max_length=200,
        required=False,
        help_text=_("Empty: the name the description gives itself."),
    )
    organization_type = forms.ChoiceField(
        label=_("Type"), choices=OrganizationType.choices, initial=OrganizationType.MUNICIPALITY
    )

    def __init__(self, *args, new_organization: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not new_organization:
            del self.fields["organization_name"]
            del self.fields["organization_type"]

    def clean_uploads(self):
        files = self.cleaned_data["uploads"]
        if len(files) > MAX_SOURCES:
            raise forms.ValidationError(
                _("At most %(count)s files can be imported at once."), params={"count": MAX_SOURCES}
            )
        for upload in files:
            if upload.size > max_file_bytes():
                raise forms.ValidationError(
                    _("%(name)s is larger than an import may be (%(mb)s MB)."),
                    params={"name": upload.name, "mb": max_file_bytes() // 1_000_000},
                )
        return files

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("uploads") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a file or paste the text of the description."))
        return cleaned

    def sources(self) -> list[Source]:
        sources = [Source(upload.name, upload.read()) for upload in self.cleaned_data["uploads"]]
        if self.cleaned_data["text"].strip():
            sources.append(Source(PASTED_NAME, self.cleaned_data["text"].encode("utf-8")))
        return sources


class StarterForm(forms.Form):
    name = forms.CharField(label=_("Organisation's name"), max_length=200, help_text=_('E.g. "Pikkulan kunta".'))
    organization_type = forms.ChoiceField(
        label=_("Type"), choices=OrganizationType.choices, initial=OrganizationType.MUNICIPALITY
    )


def _numbers(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def correction_from(post) -> dict:
    """The correction a form of the preview posted, in the shape `interchange.preview.corrections` reads."""
    kind = post.get("kind", "")
    if kind in ("not_resource", "merge"):
        return {"kind": kind, "resource": post.get("resource", "")}
    if kind == "resource":
        paragraph = post.get("paragraph", "")
        return {
            "kind": kind,
            "section": post.get("section", ""),
            "paragraph": int(paragraph) if paragraph.isdigit() else -1,
        }
    if kind == "split":
        return {
            "kind": kind,
            "resource": post.get("resource", ""),
            "name": post.get("name", "")[:200],
            "datasets": _numbers(post.getlist("datasets")),
            "systems": _numbers(post.getlist("systems")),
        }
    if kind == "label":
        return {"kind": kind, "label": post.get("label", "")[:100], "field": post.get("field", "")}
    if kind == "block":
        block = post.get("block", "")
        return {"kind": kind, "block": int(block) if block.isdigit() else -1, "resource": post.get("resource") == "1"}
    if kind == "allow_partial":
        return {"kind": kind}
    return {"kind": kind}
