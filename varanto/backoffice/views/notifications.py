"""E-mail reminders in the back office: one's own preference, and the staff's preview of a user's digest."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from varanto.accounts.models import Membership
from varanto.accounts.permissions import Action, access_organization
from varanto.notifications.selectors import digest_for, reminder_preference
from varanto.notifications.services import digest_message, reminder_preference_set

from ..forms.notifications import ReminderPreferenceForm
from .common import page, staff_view


@staff_view(methods=("GET", "POST"))
def reminders(request):
    """Any signed-in user chooses how often, and in which language, they are reminded by e-mail."""
    preference = reminder_preference(request.user)
    form = ReminderPreferenceForm(
        request.POST or None, initial={"frequency": preference.frequency, "language": preference.language}
    )
    if request.method == "POST" and form.is_valid():
        reminder_preference_set(
            user=request.user,
            frequency=form.cleaned_data["frequency"],
            language=form.cleaned_data["language"],
            acting_user=request.user,
        )
        messages.success(request, _("Your reminder settings were saved."))
        return redirect("backoffice:reminders")
    digest = digest_for(request.user, fresh_only=False)
    return render(
        request,
        "backoffice/reminders.html",
        {"form": form, "digest": digest, "message": digest_message(digest) if digest.items else None},
    )


@staff_view
def reminder_preview(request, org: str, pk: int):
    """An administrator sees the digest a member of their organisation would get, as the message reads."""
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    member = get_object_or_404(Membership.objects.select_related("user"), organization=organization, pk=pk)
    digest = digest_for(member.user, fresh_only=False)
    context = {
        "member": member,
        "digest": digest,
        "preference": digest.preference,
        "message": digest_message(digest) if digest.items else None,
    }
    return page(request, "backoffice/reminder_preview.html", organization, context)
