"""The Atom feed of publications: valid Atom (RFC 4287's RELAX NG schema), one entry per publication."""

from pathlib import Path

import pytest
from lxml import etree

from varanto.catalog.models import DataResource
from varanto.publications.services import publication_create, publication_withdraw

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).resolve().parents[2] / "testing" / "data" / "atom" / "atom.rng"
ATOM = {"a": "http://www.w3.org/2005/Atom", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA)))


def _feed(client, path: str, schema: etree.RelaxNG):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log
    return document


def test_the_feed_is_valid_atom_with_an_entry_per_publication_saying_what_changed(client, imatra, atom_schema):
    publication_create(organization=imatra, note="Ensimmäinen versio")
    DataResource.objects.filter(organization=imatra, key="museo").update(purpose="Museon kokoelmat ja näyttelyt")
    publication_create(organization=imatra, note="Museon tarkoitus päivitetty")
    publication_create(organization=imatra)

    feed = _feed(client, "/imatran-kaupunki/julkaisut/atom.xml", atom_schema)
    entries = feed.findall("a:entry", ATOM)
    assert [e.findtext("a:title", namespaces=ATOM) for e in entries] == [
        "Julkaisu 3",
        "Julkaisu 2: Museon tarkoitus päivitetty",
        "Julkaisu 1: Ensimmäinen versio",
    ]
    links = [e.find("a:link[@rel='alternate']", ATOM).get("href") for e in entries]
    assert links[1] == "http://testserver/imatran-kaupunki/julkaisut/2/muutokset/"  # the address it was asked at
    assert links[2] == "http://testserver/imatran-kaupunki/julkaisut/1/"
    changed = "".join(entries[1].find("a:content", ATOM).itertext())
    assert "Museo" in changed and "Käyttötarkoitus" in changed
    assert "1 tietue muuttunut" in entries[1].findtext("a:summary", namespaces=ATOM)
    assert "Kuvauksen sisältö ei muuttunut" in entries[0].findtext("a:summary", namespaces=ATOM)


def test_a_withdrawn_publication_leaves_the_feed_and_the_swedish_feed_speaks_swedish(client, imatra, atom_schema):
    first = publication_create(organization=imatra)
    publication_create(organization=imatra)
    publication_withdraw(publication=first, reason="Virheellinen")
    feed = _feed(client, "/sv/imatran-kaupunki/julkaisut/atom.xml", atom_schema)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    assert [e.findtext("a:title", namespaces=ATOM) for e in feed.findall("a:entry", ATOM)] == ["Publicering 2"]


def test_the_publication_history_page_names_its_feed(client, imatra_published):
    html = client.get("/imatran-kaupunki/julkaisut/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/imatran-kaupunki/julkaisut/atom.xml"' in html


def test_the_feed_kept_in_the_page_cache_answers_as_the_first_time(client, imatra_published, atom_schema):
    first = client.get("/imatran-kaupunki/julkaisut/atom.xml")
    again = client.get("/imatran-kaupunki/julkaisut/atom.xml")
    assert again["Content-Type"] == first["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert client.get("/imatran-kaupunki/julkaisut/atom.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
