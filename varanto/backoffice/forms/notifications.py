"""Forms for e-mail reminders: a user's own preference."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from varanto.notifications.models import Frequency


class ReminderPreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Remind me of the same item"), choices=Frequency.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Language of the reminders"), choices=settings.LANGUAGES)
