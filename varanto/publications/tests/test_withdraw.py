"""Withdrawing a publication (peruttu julkaisu): nothing public serves it again; the archive says when and why."""

import pytest
from django.core.management import CommandError, call_command

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource
from varanto.interchange.downloads import CSV_TABLES
from varanto.interchange.staticsite import build_site
from varanto.publications.models import Publication
from varanto.publications.services import WithdrawalRefused, publication_create, publication_withdraw
from varanto.search.models import SearchIndex

pytestmark = pytest.mark.django_db

MISTAKE = "Virheellisesti julkaistu salainen käyttötarkoitus"
ORG = "imatran-kaupunki"


@pytest.fixture
def mistaken(imatra_published, django_capture_on_commit_callbacks):
    """Publication #2 carries a mistake in the purpose of Vesihuolto; #1 does not."""
    DataResource.objects.filter(organization=imatra_published, key="vesihuolto").update(purpose=MISTAKE)
    with django_capture_on_commit_callbacks(execute=True):
        publication = publication_create(organization=imatra_published, note="Virheellinen")
    return publication


def _surfaces() -> list[str]:
    pages = ["/", f"/{ORG}/", f"/{ORG}/tietovaranto/vesihuolto/", f"/{ORG}/haku/?q=salainen", f"/{ORG}/upotus/"]
    pages += [f"/sv/{ORG}/tietovaranto/vesihuolto/", f"/{ORG}/julkaisut/2/", f"/{ORG}/julkaisut/2/muutokset/"]
    downloads = [f"/{ORG}/lataa/kuvaus.json", f"/{ORG}/dcat/catalog.ttl", f"/{ORG}/dcat/catalog.rdf"]
    downloads += [f"/{ORG}/lataa/{table}" for table in CSV_TABLES]
    api = [f"/api/v1/organizations/{ORG}/resources/vesihuolto/", f"/api/v1/organizations/{ORG}/publications/2/"]
    api += [f"/api/v1/organizations/{ORG}/resources/?q=salainen", f"/api/v1/organizations/{ORG}/"]
    return pages + downloads + api


def _text(response) -> str:
    body = b"".join(response) if response.streaming else response.content
    return body.decode("utf-8", "replace")


def _served(client, path: str) -> str:
    response = client.get(path, follow=True)
    return _text(response) if response.status_code == 200 else ""


def test_after_withdrawal_no_public_surface_serves_it_and_the_one_before_is_served(
    client, mistaken, django_capture_on_commit_callbacks
):
    # Every surface serves the mistake first (and keeps its pages and answers in memory).
    leaking = [path for path in _surfaces() if MISTAKE in _served(client, path)]
    assert {f"/{ORG}/tietovaranto/vesihuolto/", f"/{ORG}/lataa/kuvaus.json", f"/{ORG}/julkaisut/2/"} <= set(leaking)
    assert f"/api/v1/organizations/{ORG}/resources/vesihuolto/" in leaking
    assert client.get(f"/{ORG}/lataa/kuvaus.xlsx")["ETag"].startswith('"2-')

    with django_capture_on_commit_callbacks(execute=True):
        publication_withdraw(publication=mistaken, reason="Julkaistiin vahingossa sisäinen teksti")

    assert [path for path in _surfaces() if MISTAKE in _served(client, path)] == []
    assert client.get(f"/{ORG}/lataa/kuvaus.json").json()["publication"]["number"] == 1
    for path in (f"/{ORG}/lataa/kuvaus.xlsx", f"/{ORG}/lataa/kuvaus.csv.zip", f"/{ORG}/dcat/catalog.rdf"):
        response = client.get(path)
        assert response.status_code == 200 and response["ETag"].startswith('"1-'), path
    gone_from_api = client.get(f"/api/v1/organizations/{ORG}/publications/2/")
    assert gone_from_api.status_code == 410
    assert "withdrawn" in gone_from_api.json()["detail"]
    assert client.get(f"/api/v1/organizations/{ORG}/publications/9/").status_code == 404
    listed = client.get(f"/api/v1/organizations/{ORG}/publications/").json()
    assert [p["number"] for p in listed["results"]] == [1]
    assert [o["publication"]["number"] for o in client.get("/api/v1/organizations/").json()["results"]] == [1]
    assert SearchIndex.objects.get(organization=mistaken.organization).publication.number == 1


def test_the_archive_shows_that_it_was_withdrawn_when_and_why(client, mistaken):
    publication_withdraw(publication=mistaken, reason="Julkaistiin vahingossa sisäinen teksti")
    history = _text(client.get(f"/{ORG}/julkaisut/"))
    assert "Julkaistiin vahingossa sisäinen teksti" in history and "peruttu" in history.lower()
    assert f'href="/{ORG}/julkaisut/2/"' not in history
    gone = client.get(f"/{ORG}/julkaisut/2/")
    assert gone.status_code == 410
    assert "Julkaistiin vahingossa sisäinen teksti" in _text(gone) and MISTAKE not in _text(gone)
    assert client.get(f"/{ORG}/julkaisut/2/muutokset/").status_code == 410


def test_a_later_publication_is_compared_with_the_last_one_served_not_the_withdrawn_one(client, mistaken):
    publication_withdraw(publication=mistaken, reason="Virhe")
    DataResource.objects.filter(organization=mistaken.organization, key="vesihuolto").update(purpose="Korjattu")
    third = publication_create(organization=mistaken.organization)
    diff = _text(client.get(f"/{ORG}/julkaisut/{third.number}/muutokset/"))
    assert MISTAKE not in diff and "Korjattu" in diff
    assert "3 since 1" in _text(client.get(f"/en/{ORG}/julkaisut/"))


def test_withdrawing_the_only_publication_is_as_if_never_published(client, imatra_published):
    only = Publication.objects.get()
    client.get(f"/{ORG}/")  # kept in memory
    publication_withdraw(publication=only, reason="Ei vielä julkinen")
    for path in (f"/{ORG}/", f"/{ORG}/julkaisut/", f"/{ORG}/lataa/kuvaus.json", f"/api/v1/organizations/{ORG}/"):
        assert client.get(path).status_code == 404, path
    assert ORG not in _text(client.get("/api/v1/organizations/"))


def test_the_static_site_leaves_a_withdrawn_publication_out(tmp_path, mistaken):
    publication_withdraw(publication=mistaken, reason="Virhe")
    build_site(tmp_path / "site")
    files = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert files and not [p for p in files if MISTAKE.encode() in p.read_bytes()]
    assert not (tmp_path / "site" / ORG / "julkaisut" / "2").exists()


def test_withdrawal_is_audited_and_needs_a_reason_and_happens_once(mistaken):
    with pytest.raises(WithdrawalRefused):
        publication_withdraw(publication=mistaken, reason="  ")
    publication_withdraw(publication=mistaken, reason="Virhe")
    row = AuditEvent.objects.get(kind=AuditKind.PUBLICATION_WITHDRAWN)
    assert (row.organization, row.detail) == (mistaken.organization, {"number": 2, "reason": "Virhe"})
    with pytest.raises(WithdrawalRefused, match="already withdrawn"):
        publication_withdraw(publication=mistaken, reason="Toinen kerta")
    assert Publication.objects.get(pk=mistaken.pk).withdrawal_reason == "Virhe"


def test_the_command_withdraws_by_number(mistaken, capsys):
    call_command("publication", "withdraw", "2", "--reason", "Virhe komentoriviltä", "--organization", ORG)
    assert "Withdrew publication #2" in capsys.readouterr().out
    assert Publication.objects.get(pk=mistaken.pk).withdrawal_reason == "Virhe komentoriviltä"
    with pytest.raises(CommandError, match="no publication #9"):
        call_command("publication", "withdraw", "9", "--reason", "x", "--organization", ORG)
    with pytest.raises(CommandError, match="already withdrawn"):
        call_command("publication", "withdraw", "2", "--reason", "x", "--organization", ORG)


def test_publishing_again_after_a_withdrawal_takes_the_next_number(mistaken):
    publication_withdraw(publication=mistaken, reason="Virhe")
    # The working model still differs from #1, the one served, so publishing is not "nothing changed".
    from varanto.publications.services import publication_publish

    assert publication_publish(organization=mistaken.organization, include_unapproved=True).number == 3
