"""Making publications (julkaisut)."""

import hashlib
import json

from django.db import transaction
from django.db.models import Max

from varanto.catalog.models import Organization
from varanto.interchange.canonical import Audience, catalog_export
from varanto.search.services import search_index_publication

from .models import Publication


def public_catalog(organization: Organization) -> dict:
    """The public view of the working model: what a publication made now would contain."""
    return catalog_export(organization, audience=Audience.PUBLIC)


class NothingToPublish(Exception):
    """The public view of the model is the same as the latest publication."""


@transaction.atomic
def publication_create(
    *, organization: Organization, note: str = "", acting_user=None, only_if_changed: bool = False
) -> Publication:
    """Snapshot the public view of the model as the next numbered publication.

    `only_if_changed` raises NothingToPublish when the snapshot equals the latest publication: a
    publisher's check before publishing cannot see another publisher's publication made meanwhile.
    """
    # Lock the organisation row so two publishers cannot take the same number, and snapshot the
    # organisation as stored, not as the caller's copy of it may be.
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    content = public_catalog(organization)
    number = (Publication.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    if (
        only_if_changed
        and Publication.objects.filter(organization=organization, number=number - 1, content_hash=digest).exists()
    ):
        raise NothingToPublish(organization.name)
    publication = Publication.objects.create(
        organization=organization,
        number=number,
        note=note,
        published_by=acting_user,
        content=content,
        content_hash=digest,
    )
    # Indexing after commit cannot hold up or undo the publication; a search rebuilds a
    # missing index anyway.
    transaction.on_commit(lambda: search_index_publication(publication), robust=True)
    return publication
