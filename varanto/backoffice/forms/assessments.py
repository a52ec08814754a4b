"""The change impact assessment form: the planned change and the four headings of the national recommendation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from varanto.catalog.models import ImpactAssessment

HEADING_HELP = {
    "information_management": _(
        "Responsibilities and roles, the information management model and its descriptions, guidance and training."
    ),
    "information_security": _(
        "Risks to availability, integrity and confidentiality; access rights, logging, continuity and recovery."
    ),
    "data_processing": _("Disclosures and their legal basis, interfaces and data flows, data quality, personal data."),
    "case_management": _(
        "The case register, search criteria, retention periods, archiving and the records management plan."
    ),
}


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = ImpactAssessment
        fields = ["title", "description", *ImpactAssessment.HEADINGS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ["description", *ImpactAssessment.HEADINGS]}
        help_texts = HEADING_HELP

    def to_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
