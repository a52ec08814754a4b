"""A database worth backing up, and its fingerprint: shared by the in-process and the across-engines tests."""

import hashlib
import io
import json

from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from varanto.accounts.models import Role
from varanto.accounts.services import membership_set
from varanto.api.services import integration_token_create
from varanto.catalog.models import DataResource, Organization, ReviewStatus
from varanto.catalog.services.assessments import impact_assessment_create
from varanto.catalog.services.logos import organization_logo_set
from varanto.catalog.tests.factories import DataResourceFactory
from varanto.catalog.tests.test_logos import png
from varanto.interchange.canonical import catalog_export
from varanto.public.cache import public_caches_clear
from varanto.publications.models import Publication
from varanto.publications.services import publication_create, publication_withdraw

PASSWORD = "Salasana-123"


def sample_database(imatra: Organization) -> str:
    """Add to published Imatra a second organisation, a withdrawn publication, people, a token and more.

    Returns the token's secret.
    """
    other = Organization.objects.create(
        name="Testilän kunta", slug="testila", registry_name="Kirjaamo", registry_email="kirjaamo@testila.fi"
    )
    DataResourceFactory.create_batch(3, organization=other)
    publication_create(organization=other, note="Testilän ensimmäinen")
    DataResource.objects.filter(organization=imatra, key="vesihuolto").update(purpose="Virhe")
    withdrawn = publication_create(organization=imatra)
    publication_withdraw(publication=withdrawn, reason="Virhe")
    DataResource.objects.filter(organization=imatra, key="talous").update(review_status=ReviewStatus.RETURNED)
    users = get_user_model().objects
    admin = users.create_user("hallinto", password=PASSWORD, email="h@imatra.fi")
    editor = users.create_user("vesi", password="Toinen-salasana-456")
    membership_set(organization=imatra, user=admin, role=Role.ADMINISTRATOR, acting_user=None)
    membership_set(organization=imatra, user=editor, role=Role.EDITOR, acting_user=admin)
    membership_set(organization=other, user=editor, role=Role.PUBLISHER, acting_user=None)
    group = Group.objects.create(name="Tarkastajat")
    group.permissions.add(Permission.objects.get(codename="view_publication"))
    editor.groups.add(group)
    editor.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(Publication),
        object_id=str(withdrawn.pk),
        object_repr=str(withdrawn),
        action_flag=ADDITION,
    )
    _token, secret = integration_token_create(name="Asianhallinta", user=editor, acting_user=None, organization=imatra)
    impact_assessment_create(
        organization=imatra,
        subject_kind="system",
        subject_key="keypro",
        subject_name="KeyPro",
        affected={"resources": []},
        data={"title": "KeyPron vaihto", "information_security": "Arvioitava"},
        acting_user=admin,
    )
    organization_logo_set(organization=imatra, upload=io.BytesIO(png(3, 2)))  # bytes, which backups must carry
    return secret


def row_counts() -> dict[str, int]:
    """The number of rows of every table, content types and permissions and the search index included."""
    return {m._meta.label: m._base_manager.count() for m in apps.get_models(include_auto_created=True)}


def exports() -> dict[str, str]:
    """What the public and the back office get out of each organisation: downloads, DCAT, the API, the working model."""
    public_caches_clear()
    client, found = Client(), {}

    def data(path: str) -> str:
        # JSON by its content: PostgreSQL's jsonb keeps a publication's keys in an order of its own.
        return json.dumps(json.loads(client.get(path).content), sort_keys=True, ensure_ascii=False)

    for org in Organization.objects.order_by("slug"):
        found[f"{org.slug} kuvaus.json"] = data(f"/{org.slug}/lataa/kuvaus.json")
        found[f"{org.slug} dcat"] = client.get(f"/{org.slug}/dcat/catalog.ttl").content.decode()
        found[f"{org.slug} julkaisut"] = data(f"/api/v1/organizations/{org.slug}/publications/")
        found[f"{org.slug} haku"] = data(f"/api/v1/organizations/{org.slug}/resources/?q=vesi")
        found[f"{org.slug} working"] = json.dumps(catalog_export(org), sort_keys=True, default=str)
        found[f"{org.slug} tunnus"] = hashlib.sha256(client.get(f"/{org.slug}/tunnus.png").content).hexdigest()
    return found
