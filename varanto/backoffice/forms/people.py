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
    kind = forms.ChoiceField(label=_("Event"), required=False)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("all events")), *kinds]
