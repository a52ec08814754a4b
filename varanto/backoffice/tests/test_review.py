"""The workflow: an editor's change waits for review; the publisher sees what changed, approves or returns, publishes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.publications.models import Publication
from varanto.publications.selectors import latest_publication

from .forms import record_form

pytestmark = pytest.mark.django_db


def _edit(client, staff, **changes):
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/"
    data = record_form(client.get(url))
    data.update({k: [v] for k, v in changes.items()})
    assert client.post(url, data).status_code == 302


def _vesihuolto(staff):
    return DataResource.objects.get(organization=staff.organization, key="vesihuolto")


def test_publisher_sees_the_editors_change_field_by_field_against_the_publication(client, staff):
    client.force_login(staff.editor)
    _edit(client, staff, search_criteria="asiakasnumero\nosoite", security_measures="Varmuuskopiot päivittäin")
    client.force_login(staff.publisher)
    response = client.get(f"/hallinta/{staff.organization.slug}/tarkistus/")
    waiting = response.context["waiting"]
    assert [item["resource"].key for item in waiting] == ["vesihuolto"]
    changes = [(c.field, c.before, c.after) for c in waiting[0]["delta"].changes]
    assert changes == [("search_criteria", "", "asiakasnumero; osoite")]  # security measures are not public


def test_approve_makes_it_current_with_todays_review_date(client, staff):
    client.force_login(staff.editor)
    _edit(client, staff, notes="Tarkistettu")
    client.force_login(staff.publisher)
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/tarkistus/"
    assert client.post(url, {"move": "approve", "version": "2"}).status_code == 302
    resource = _vesihuolto(staff)
    assert resource.review_status == ReviewStatus.CURRENT
    assert resource.last_reviewed == timezone.localdate()


def test_returned_resource_shows_the_comment_on_the_editors_page(client, staff):
    client.force_login(staff.editor)
    _edit(client, staff, notes="Luonnos")
    client.force_login(staff.publisher)
    client.post(
        f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/tarkistus/",
        {"move": "return", "version": "2", "comment": "Lisää hakutekijät"},
    )
    client.force_login(staff.editor)
    page = client.get(f"/hallinta/{staff.organization.slug}/")
    attention = page.context["attention"]
    assert attention[0].returned and attention[0].resource.review_comment == "Lisää hakutekijät"
    assert "Lisää hakutekijät" in page.content.decode()


def test_publishing_with_unapproved_changes_needs_confirmation(client, staff):
    client.force_login(staff.editor)
    _edit(client, staff, notes="Hyväksymätön muutos")
    client.force_login(staff.publisher)
    url = f"/hallinta/{staff.organization.slug}/julkaise/"
    client.post(url, {"note": "Kevään päivitys"})
    assert Publication.objects.filter(organization=staff.organization).count() == 1
    client.post(url, {"note": "Kevään päivitys", "include_unapproved": "yes"})
    assert latest_publication(staff.organization).number == 2


def test_publish_after_approval_makes_a_publication_and_an_audit_row(client, staff):
    client.force_login(staff.editor)
    _edit(
        client,
        staff,
        search_criteria="asiakasnumero",
        security_measures="Pääsy vain VPN:llä",
        internal_notes="Sopimus päättyy 2027",
    )
    client.force_login(staff.publisher)
    org = staff.organization.slug
    client.post(f"/hallinta/{org}/tietovarannot/vesihuolto/tarkistus/", {"move": "approve", "version": "2"})
    assert client.post(f"/hallinta/{org}/julkaise/", {"note": "Vesihuolto päivitetty"}).status_code == 302
    publication = latest_publication(staff.organization)
    assert (publication.number, publication.note, publication.published_by) == (
        2,
        "Vesihuolto päivitetty",
        staff.publisher,
    )
    published = next(r for r in publication.content["resources"] if r["key"] == "vesihuolto")
    assert published["search_criteria"] == ["asiakasnumero"]
    assert AuditEvent.objects.filter(kind=AuditKind.PUBLICATION, user=staff.publisher, detail__number=2).exists()


def test_internal_fields_edited_in_the_back_office_never_reach_the_public(client, staff):
    client.force_login(staff.editor)
    _edit(
        client,
        staff,
        notes="Julkinen huomio",
        security_measures="SALAINEN-TURVATOIMI",
        internal_notes="SISAINEN-HUOMIO",
    )
    client.force_login(staff.publisher)
    org = staff.organization.slug
    client.post(f"/hallinta/{org}/tietovarannot/vesihuolto/tarkistus/", {"move": "approve", "version": "2"})
    client.post(f"/hallinta/{org}/julkaise/", {"note": "x", "include_unapproved": "yes"})
    publication = latest_publication(staff.organization)
    assert publication.number == 2
    content = str(publication.content)
    assert "SALAINEN-TURVATOIMI" not in content and "SISAINEN-HUOMIO" not in content
    assert "review" not in next(r for r in publication.content["resources"] if r["key"] == "vesihuolto")
    client.logout()
    public_page = client.get(reverse("public:resource", args=[org, "vesihuolto"]))
    assert public_page.status_code == 200
    assert "SALAINEN-TURVATOIMI" not in public_page.content.decode()
    assert "SISAINEN-HUOMIO" not in public_page.content.decode()


def test_nothing_to_publish_is_refused(client, staff):
    client.force_login(staff.publisher)
    client.post(f"/hallinta/{staff.organization.slug}/julkaise/", {"note": "Turha"})
    assert Publication.objects.filter(organization=staff.organization).count() == 1


def test_overdue_list_holds_every_imported_resource_never_reviewed(client, staff):
    client.force_login(staff.viewer)
    response = client.get(f"/hallinta/{staff.organization.slug}/myohassa/")
    assert len(response.context["items"]) == 31


def test_approved_resource_leaves_the_overdue_list(client, staff):
    client.force_login(staff.editor)
    _edit(client, staff, notes="Katselmoitu")
    client.force_login(staff.publisher)
    client.post(
        f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/tarkistus/", {"move": "approve", "version": "2"}
    )
    items = client.get(f"/hallinta/{staff.organization.slug}/myohassa/").context["items"]
    assert "vesihuolto" not in [a.resource.key for a in items]
    assert len(items) == 30


def test_back_office_api_and_command_line_refuse_by_the_same_publishing_rule(monkeypatch, staff):
    """All three call `publication_publish`; the back office view holds no rule of its own."""
    from varanto.api import working_review
    from varanto.backoffice.views import review
    from varanto.publications.management.commands import publish

    for module in (review, working_review, publish):
        assert (
            module.publication_publish
            is __import__("varanto.publications.services", fromlist=["publication_publish"]).publication_publish
        )
        assert not hasattr(module, "publication_create")


def test_the_review_page_changes_equal_the_public_diff_for_the_same_change(staff):
    """Including a field emptied: both engines are one (`publications.diff`)."""
    from varanto.backoffice.selectors.changes import publication_delta
    from varanto.catalog.models import DataResource
    from varanto.publications.selectors import publication_changes
    from varanto.publications.services import publication_create

    organization = staff.organization
    DataResource.objects.filter(organization=organization, key="vesihuolto").update(purpose="", notes="Uusi huomio")
    preview = publication_delta(organization).resources["vesihuolto"]
    public = {c.key: c for c in publication_changes(publication_create(organization=organization)).records}
    assert [c.field for c in preview.changes] == [f.path for f in public["vesihuolto"].fields]
    assert {"purpose", "notes"} == {c.field for c in preview.changes}
