from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import MAX_QUERY_LENGTH

# Query parameters of the results page (Finnish, like the site's paths) → facet names.
FACET_PARAMETERS = {
    "osio": "section",
    "jarjestelma": "system",
    "luovutus": "disclosure",
    "rajapinta": "api",
    "organisaatio": "organization",
}
PAGE_PARAMETER = "sivu"
# The facet (by its parameter) whose every value the page lists (?kaikki=organisaatio).
SHOW_ALL_PARAMETER = "kaikki"


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    # The facet choices travel in links, not in the form the resident fills in.
    osio = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    jarjestelma = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)
    luovutus = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    rajapinta = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    organisaatio = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)

    def filters(self) -> dict[str, str]:
        """The chosen facet values, by facet name."""
        return {
            facet: self.cleaned_data[param] for param, facet in FACET_PARAMETERS.items() if self.cleaned_data.get(param)
        }
