from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from varanto.catalog.services.logos import LOGO_MAX_BYTES


class LogoForm(forms.Form):
    image = forms.FileField(
        label=_("Logo image"),
        help_text=format_lazy(
            _("PNG, JPEG or WebP, at most {size} kB; shown about 56 pixels high."), size=LOGO_MAX_BYTES // 1024
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
