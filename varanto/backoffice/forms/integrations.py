"""The form for a new integration token: what the integration is, and which member it acts as."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from varanto.accounts.models import Membership, Role
from varanto.api.permissions import token_users


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_username()} – {Role(user.role).label}"


class IntegrationTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Integration"), max_length=200, help_text=_("What will use the token, e.g. the case management system.")
    )
    user = MemberChoiceField(
        label=_("Acts as user"),
        queryset=get_user_model().objects.none(),
        help_text=_(
            "The integration has this user's role in this organisation, and its changes are recorded "
            "under this user's name."
        ),
    )

    expires_at = forms.DateField(
        label=_("Works until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day the token works; empty: until it is revoked."),
    )
    read_only = forms.BooleanField(
        label=_("Read only"),
        required=False,
        help_text=_("The integration may read the working model but change nothing."),
    )

    def __init__(self, *args, organization, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        role = Membership.objects.filter(organization=organization, user=OuterRef("pk")).values("role")[:1]
        self.fields["user"].queryset = (
            token_users(acting_user, organization).annotate(role=Subquery(role)).order_by("username")
        )
