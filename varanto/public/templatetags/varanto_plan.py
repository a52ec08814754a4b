"""The records management plan's codes in words on public pages (JHS 191 publicity and personal data)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from varanto.catalog.models import PersonalDataClass, PublicityClass
from varanto.catalog.models.tasks import PERMANENT

register = template.Library()


@register.filter
def publicity(restrictions: dict | None) -> str:
    """ "secret (JulkL 24.1 § 25 k, 100 years)": the class, with its ground and period where it has them."""
    restrictions = restrictions or {}
    code = restrictions.get("publicity_class")
    if code not in PublicityClass.values:
        return _("not stated")
    details = [restrictions.get("secrecy_ground") or ""]
    if (years := restrictions.get("secrecy_period")) is not None:
        details.append(ngettext("%(years)s year", "%(years)s years", years) % {"years": years})
    details = [d for d in details if d]
    label = str(PublicityClass(code).label)
    return f"{label} ({', '.join(details)})" if details else label


@register.filter
def personal_data(restrictions: dict | None) -> str:
    code = (restrictions or {}).get("personal_data")
    return str(PersonalDataClass(code).label) if code in PersonalDataClass.values else ""


@register.filter
def retention(values: dict | None) -> str:
    years = (values or {}).get("period")
    if years is None:
        return _("not stated")
    if years == PERMANENT:
        return _("permanently")
    return ngettext("%(years)s year", "%(years)s years", years) % {"years": years}
