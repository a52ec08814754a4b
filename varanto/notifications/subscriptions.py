"""The public's e-mail subscriptions (tilaukset): double opt-in, one notice per publication, one-click unsubscribe.

Someone asks (`subscription_request`), gets a confirmation link, and counts once they confirm
(`subscription_confirm`). Each publication is told to every confirmed subscriber once
(`subscribers_notify`, after the publishing transaction commits; `varanto notify` sends what is
still pending); a `Notice` row per subscriber and publication is what makes it once. Every notice
carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), and the link ends the
subscription with one POST, which deletes the address.
"""

from __future__ import annotations

import datetime
import hashlib
import logging

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from varanto.accounts.models import AuditKind
from varanto.accounts.services import audit_record
from varanto.catalog.models import Organization
from varanto.publications.models import Publication
from varanto.publications.selectors import latest_publication, publication_changes

from .mail import absolute_url, message_build, messages_send
from .models import Notice, Subscription

logger = logging.getLogger(__name__)

CONFIRM_SALT = "varanto.notifications.subscription-confirm"
UNSUBSCRIBE_SALT = "varanto.notifications.unsubscribe"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)
# A second request for the same unconfirmed address within this time sends no second message, so the
# form cannot be used to flood someone's inbox.
RESEND_AFTER = datetime.timedelta(hours=1)


class TokenInvalid(Exception):
    """A confirmation or unsubscribe link that is not ours, has expired, or names no subscription any more."""


def _address_digest(email: str) -> str:
    # The link names the address by a digest only: a link passed on or logged does not show it.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def _token(subscription: Subscription, salt: str) -> str:
    return signing.dumps({"id": subscription.pk, "address": _address_digest(subscription.email)}, salt=salt)


def _subscription_of(token: str, salt: str, max_age: datetime.timedelta | None = None) -> Subscription:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature as exc:  # SignatureExpired is one too
        raise TokenInvalid(str(exc)) from exc
    subscription = Subscription.objects.select_related("organization").filter(pk=value.get("id")).first()
    if subscription is None or _address_digest(subscription.email) != value.get("address"):
        raise TokenInvalid("No such subscription.")
    return subscription


def unsubscribe_url(subscription: Subscription) -> str:
    path = reverse(
        "notifications:unsubscribe",
        kwargs={"org": subscription.organization.slug, "token": _token(subscription, UNSUBSCRIBE_SALT)},
    )
    return absolute_url(path)


def _localized(name: str, language: str, base_url: str | None = None, **kwargs) -> str:
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs), base_url)


def subscription_request(
    *, organization: Organization, email: str, language: str, base_url: str | None = None
) -> Subscription:
    """Ask for notices: sends a confirmation link to `email`, unless it is confirmed already or was just sent.
    The link goes to `base_url`, the address the request was sent to, where PUBLIC_BASE_URL is not set."""
    email = email.strip()
    with transaction.atomic():
        subscription, created = Subscription.objects.get_or_create(
            organization=organization, email=email, defaults={"language": language}
        )
    if subscription.confirmed_at is not None:
        return subscription
    if not created:
        if subscription.created_at > timezone.now() - RESEND_AFTER:
            return subscription
        Subscription.objects.filter(pk=subscription.pk).update(created_at=timezone.now(), language=language)
        subscription.language = language
    confirm = _localized(
        "notifications:confirm",
        language,
        base_url,
        org=organization.slug,
        token=_token(subscription, CONFIRM_SALT),
    )
    message = message_build(
        to=email,
        template="subscription_confirm",
        context={"organization": organization, "confirm_url": confirm},
        language=language,
    )
    messages_send([message])
    return subscription


def subscription_confirm(*, token: str) -> Subscription:
    """Confirm a subscription by the link sent to its address (within CONFIRM_MAX_AGE)."""
    subscription = _subscription_of(token, CONFIRM_SALT, CONFIRM_MAX_AGE)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscription_for_confirm(*, token: str) -> Subscription:
    """The subscription a confirmation link names, unchanged (what the page shows before the POST)."""
    return _subscription_of(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def subscription_for_unsubscribe(*, token: str) -> Subscription:
    return _subscription_of(token, UNSUBSCRIBE_SALT)


def subscription_cancel(*, token: str) -> Organization:
    """End the subscription the unsubscribe link names; its address is deleted. Returns its organisation."""
    subscription = _subscription_of(token, UNSUBSCRIBE_SALT)
    organization = subscription.organization
    subscription.delete()
    return organization


def subscribers_notify(publication: Publication) -> int:
    """Tell each confirmed subscriber of the organisation about the publication, once; returns how many were told.

    A subscriber who confirmed after the publication was made is not told of it; nor is anyone
    of a withdrawn publication. A notice the server refused is tried again by the next call.
    """
    publication = Publication.objects.select_related("organization").get(pk=publication.pk)
    if publication.withdrawn:
        return 0
    told = Notice.objects.filter(publication=publication).values("subscription_id")
    pending = list(
        Subscription.objects.filter(organization=publication.organization, confirmed_at__lte=publication.published_at)
        .exclude(pk__in=told)
        .select_related("organization")
    )
    if not pending:
        return 0
    changes = publication_changes(publication)
    messages = [_notice_message(subscription, publication, changes) for subscription in pending]
    count = 0
    for subscription, sent in zip(pending, messages_send(messages), strict=True):
        if sent:
            try:
                Notice.objects.create(subscription=subscription, publication=publication)
            except IntegrityError:  # another run told them meanwhile
                continue
            count += 1
    if count:
        audit_record(
            kind=AuditKind.SUBSCRIBERS_NOTIFIED,
            organization=publication.organization,
            number=publication.number,
            count=count,
        )
    return count


def _notice_message(subscription: Subscription, publication: Publication, changes):
    org = publication.organization.slug
    target = "public:diff" if changes is not None else "public:publication"
    unsubscribe = unsubscribe_url(subscription)
    return message_build(
        to=subscription.email,
        template="publication_notice",
        context={
            "organization": publication.organization,
            "publication": publication,
            "changes": changes,
            "url": _localized(target, subscription.language, org=org, number=publication.number),
            "unsubscribe_url": unsubscribe,
        },
        language=subscription.language,
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def notices_send_pending() -> int:
    """Tell subscribers of each organisation's latest publication whatever they have not been told (`varanto notify`)."""
    organizations = Organization.objects.filter(subscriptions__confirmed_at__isnull=False).distinct()
    total = 0
    for organization in organizations:
        publication = latest_publication(organization)
        if publication is not None:
            total += subscribers_notify(publication)
    return total
