"""Forms for administrators: adding staff, their role and what an editor is responsible for."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from varanto.accounts.models import Role
from varanto.catalog.models import DataResource, InformationSystem


class AddUserForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("An existing user is added to this organisation with the role."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, widget=forms.RadioSelect, initial=Role.EDITOR)

    def existing_user(self):
        return get_user_model().objects.filter(username=self.cleaned_data["username"]).first()


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, widget=forms.RadioSelect)
    resources = forms.ModelMultipleChoiceField(
        label=_("Data resources this editor keeps up to date"),
        queryset=DataResource.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    systems = forms.ModelMultipleChoiceField(
        label=_("Information systems this editor keeps up to date"),
        queryset=InformationSystem.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, membership, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "role": membership.role,
                "resources": list(membership.resources.all()),
                "systems": list(membership.systems.all()),
            },
        )
        super().__init__(*args, **kwargs)
        organization = membership.organization
        self.fields["resources"].queryset = DataResource.objects.filter(organization=organization).order_by("name")
        self.fields["systems"].queryset = InformationSystem.objects.filter(organization=organization).order_by("name")


class AuditFilterForm(forms.Form):
    """Narrowing the audit log (lokitapahtumat): by event, user, record and days."""

    kind = forms.ChoiceField(label=_("Event"), required=False)
    username = forms.ChoiceField(label=_("User"), required=False)
    record = forms.CharField(
        label=_("Record"),
        required=False,
        max_length=200,
        help_text=_("Its key, or a part of its name"),
        widget=forms.TextInput(attrs={"aria-describedby": "id_record-help"}),
    )
    since = forms.DateField(label=_("Since"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, kinds, usernames, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("all events")), *kinds]
        self.fields["username"].choices = [("", _("all users")), *((name, name) for name in usernames)]

    def narrowing(self) -> dict:
        """The selector's keyword arguments (`accounts.selectors.audit_events`); nothing when invalid."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}
