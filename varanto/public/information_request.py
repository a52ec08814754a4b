"""Tietopyyntö: a request text prefilled to identify one data resource precisely.

The text names the organisation, section, resource, its key data sets and systems, and the
publication (number, date, page address) the requester read, so the registry office can tell
exactly which data is meant. It is made on the server from the publication alone; whatever the
requester adds stays in their browser or e-mail program (nothing is posted to Varanto).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from varanto.publications.catalog import PublishedCatalog, ResourceEntry

from .translation import content_text


@dataclass(frozen=True)
class InformationRequest:
    subject: str
    body: str
    email: str  # the registry office's address; "" when the description gives none

    @property
    def mailto(self) -> str:
        """A mailto: link that opens the request in the requester's e-mail program, or ""."""
        if not self.email:
            return ""
        # RFC 6068: line breaks in a mailto body are written as CRLF.
        body = self.body.replace("\n", "\r\n")
        subject, body = quote(self.subject, safe=""), quote(body, safe="")
        return f"mailto:{quote(self.email, safe='@')}?subject={subject}&body={body}"


def information_request_for(
    *, catalog: PublishedCatalog, entry: ResourceEntry, publication, page_url: str
) -> InformationRequest:
    """The prefilled request for `entry` in the active language."""
    language = get_language()

    def text(record: dict, field: str) -> str:
        return content_text(record, field, language)[0]

    resource_name = text(entry.record, "name")
    office = catalog.registry_office
    published = formats.date_format(timezone.localtime(publication.published_at), "SHORT_DATE_FORMAT")
    office_name = office.get("name") or text(catalog.organization, "name")
    recipient = ", ".join(part for part in (office_name, office.get("email")) if part)

    lines = [
        _("Information request"),
        "",
        _("To: %(recipient)s") % {"recipient": recipient},
        "",
        _(
            "Under the Act on the Openness of Government Activities (621/1999), I request the following "
            "documents or information:"
        ),
        _("[Describe here what you would like to receive, for example a time period, a case number or an address.]"),
        "",
        _("The documents belong to this data resource:"),
        _("Data resource: %(name)s") % {"name": resource_name},
        _("Section: %(name)s") % {"name": text(entry.section, "name")},
        _("Organisation: %(name)s") % {"name": text(catalog.organization, "name")},
    ]
    if entry.record.get("key_datasets"):
        lines.append(_("Key data sets: %(items)s") % {"items": "; ".join(entry.record["key_datasets"])})
    if entry.systems:
        systems = "; ".join(f"{use.name} ({use.usage})" if use.usage else use.name for use in entry.systems)
        lines.append(_("Information systems: %(items)s") % {"items": systems})
    lines += [
        _("Source: publicity description, publication %(number)s (%(date)s), %(url)s")
        % {"number": publication.number, "date": published, "url": page_url},
        "",
        _("I would like to receive the information electronically, in reply to this message."),
        _("If the request cannot be granted in full, I ask for a written decision with instructions for appeal."),
        "",
        _("[Your contact details for the reply, for example an e-mail address]"),
    ]
    subject = _("Information request: %(resource)s (%(organization)s)") % {
        "resource": resource_name,
        "organization": text(catalog.organization, "name"),
    }
    return InformationRequest(subject=subject, body="\n".join(lines), email=office.get("email", ""))
