"""Making publications (julkaisut), and the publishing rules every way of publishing shares.

`publication_publish` is what the back office, the API and `varanto publish` call: it refuses
when nothing has changed since the latest publication served, and when data resources await review or
were returned, unless the publisher confirms (`include_unapproved`). `publication_create` makes
the snapshot without those rules (the demo loader, tests). Both write the audit row and make
the public side forget its memory of the organisation's latest publication here, not in signals.
`publication_withdraw` takes a publication out of public use (peruttu julkaisu).
"""

import hashlib
import json

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from varanto.accounts.models import AuditKind
from varanto.accounts.services import audit_record
from varanto.catalog.models import Organization
from varanto.interchange.canonical import Audience, catalog_export
from varanto.notifications.subscriptions import subscribers_notify
from varanto.public import cache as public_cache
from varanto.public.cache import publication_memo_forget
from varanto.search.models import SearchIndex
from varanto.search.services import search_index_publication

from .models import Publication
from .selectors import latest_publication, resources_awaiting_approval


def public_catalog(organization: Organization) -> dict:
    """The public view of the working model: what a publication made now would contain."""
    return catalog_export(organization, audience=Audience.PUBLIC)


class PublishingRefused(Exception):
    """A publishing rule says no; the message says which."""


class NothingToPublish(PublishingRefused):
    """The public view of the model is the same as the latest publication."""

    def __init__(self, organization_name: str):
        super().__init__(f"Nothing has changed in {organization_name} since the latest publication.")


class UnapprovedChanges(PublishingRefused):
    """Data resources await review or were returned, and the publisher did not confirm publishing them as they are."""

    def __init__(self, pending: list[str]):
        self.pending = pending
        super().__init__(
            (f"{len(pending)} data resources have" if len(pending) > 1 else "1 data resource has")
            + " changes that are not approved ("
            + ", ".join(pending)
            + "). Approve or return them first, or confirm that they are published as they are."
        )


def _digest(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _next_number(organization: Organization) -> int:
    return (Publication.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1


def _store(*, organization: Organization, content: dict, digest: str, number: int, note: str, acting_user):
    publication = Publication.objects.create(
        organization=organization,
        number=number,
        note=note,
        published_by=acting_user,
        content=content,
        content_hash=digest,
    )
    audit_record(kind=AuditKind.PUBLICATION, user=acting_user, organization=organization, number=number, note=note)
    # Forget now, so this transaction's own reads see the new publication, and again after
    # commit, in case another thread read the old one meanwhile.
    publication_memo_forget(organization.slug)
    transaction.on_commit(lambda: publication_memo_forget(organization.slug))
    # Indexing after commit cannot hold up or undo the publication; `varanto search_index`
    # builds an index that is missing.
    transaction.on_commit(lambda: search_index_publication(publication), robust=True)
    # Subscribers hear of it once it is surely made; mail that fails is sent by `varanto notify`.
    transaction.on_commit(lambda: subscribers_notify(publication), robust=True)
    return publication


def _locked(organization: Organization) -> Organization:
    # Lock the organisation row so two publishers cannot take the same number, and snapshot the
    # organisation as stored, not as the caller's copy of it may be.
    return Organization.objects.select_for_update().get(pk=organization.pk)


@transaction.atomic
def publication_create(*, organization: Organization, note: str = "", acting_user=None) -> Publication:
    """Snapshot the public view of the model as the next numbered publication, whatever it holds."""
    organization = _locked(organization)
    content = public_catalog(organization)
    return _store(
        organization=organization,
        content=content,
        digest=_digest(content),
        number=_next_number(organization),
        note=note,
        acting_user=acting_user,
    )


@transaction.atomic
def publication_publish(
    *, organization: Organization, note: str = "", acting_user=None, include_unapproved: bool = False
) -> Publication:
    """Publish under the rules: something must have changed, and unapproved changes need `include_unapproved`.

    The rules are checked under the organisation's lock, so a publication another publisher
    made meanwhile counts. Raises NothingToPublish or UnapprovedChanges (both PublishingRefused).
    """
    organization = _locked(organization)
    content = public_catalog(organization)
    digest = _digest(content)
    number = _next_number(organization)
    latest = latest_publication(organization)
    if latest is not None and latest.content_hash == digest:
        raise NothingToPublish(organization.name)
    pending = list(resources_awaiting_approval(organization).order_by("key").values_list("key", flat=True))
    if pending and not include_unapproved:
        raise UnapprovedChanges(pending)
    return _store(
        organization=organization, content=content, digest=digest, number=number, note=note, acting_user=acting_user
    )


class WithdrawalRefused(Exception):
    """The publication cannot be withdrawn (already withdrawn, or no reason given); the message says why."""


@transaction.atomic
def publication_withdraw(*, publication: Publication, reason: str, acting_user=None) -> Publication:
    """Withdraw a publication (perua julkaisu): nothing public serves it again, the archive says when and why.

    The public side then serves the latest publication not withdrawn, or none (as if never
    published). Its content stays stored. Audited; the public caches and search index forget it.
    """
    reason = reason.strip()
    if not reason:
        raise WithdrawalRefused("Give the reason for withdrawing the publication.")
    organization = _locked(publication.organization)
    publication = Publication.objects.get(pk=publication.pk)
    if publication.withdrawn:
        raise WithdrawalRefused(f"Publication #{publication.number} of {organization.name} is already withdrawn.")
    now = timezone.now()
    Publication.objects.filter(pk=publication.pk).update(
        withdrawn_at=now, withdrawn_by=acting_user, withdrawal_reason=reason
    )
    publication.withdrawn_at, publication.withdrawn_by, publication.withdrawal_reason = now, acting_user, reason
    audit_record(
        kind=AuditKind.PUBLICATION_WITHDRAWN,
        user=acting_user,
        organization=organization,
        number=publication.number,
        reason=reason,
    )
    # Its search index goes with it; the publication served now is indexed after commit.
    SearchIndex.objects.filter(publication=publication).delete()
    successor = latest_publication(organization)
    _forget(organization.slug)
    transaction.on_commit(lambda: _forget(organization.slug))
    if successor is not None:
        transaction.on_commit(lambda: search_index_publication(successor), robust=True)
    return publication


def _forget(org_slug: str) -> None:
    # Kept pages and API answers of the withdrawn publication must not be served even for a moment.
    publication_memo_forget(org_slug)
    public_cache.pages.clear()
    public_cache.answers.clear()
