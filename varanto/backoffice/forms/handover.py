"""The administrator's form for handing over responsibility (vastuun siirto)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from varanto.accounts.handover import HOLDING_ROLES, responsible_titles
from varanto.accounts.models import Membership


class HandoverForm(forms.Form):
    source = forms.ChoiceField(label=_("Hand over what is held by"))
    to_user = forms.ModelChoiceField(
        label=_("To the official"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("They are assigned the data resources and systems."),
    )
    to_title = forms.CharField(
        label=_("New responsible title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to keep the titles as they are. The public sees titles, not persons."),
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(organization=organization).select_related("user").order_by("user__username")
        users = [(f"user:{m.user_id}", m.user.get_full_name() or m.user.get_username()) for m in members]
        titles = [(f"title:{t}", t) for t in responsible_titles(organization)]
        self.fields["source"].choices = [
            ("", "—"),
            (_("Officials"), users),
            (_("Responsible titles"), titles),
        ]
        self.fields["to_user"].queryset = (
            get_user_model()
            .objects.filter(memberships__organization=organization, memberships__role__in=HOLDING_ROLES)
            .order_by("username")
        )
        self.fields["to_user"].label_from_instance = lambda u: u.get_full_name() or u.get_username()

    def source_arguments(self) -> dict:
        """The source as the handover service takes it: from_user or from_title."""
        kind, _sep, value = self.cleaned_data["source"].partition(":")
        if kind == "user":
            return {"from_user": get_user_model().objects.get(pk=int(value))}
        return {"from_title": value}
