"""`varanto import` of a description in another layout into an existing organisation: it updates what the
description states and keeps what it does not, as the back office's "Tuo kuvaus" does."""

import pytest
from django.core.management import call_command

from varanto.catalog.models import DataResource, Section

pytestmark = pytest.mark.django_db

PAGE = """<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>{name} | Kuuselan kunta</title></head>
<body><a href="#sisalto">Siirry sisältöön</a>
<main id="sisalto"><h1>Tietovarannot</h1>
<h2>Tekniset palvelut</h2>
<h3>{name}</h3>
<p>Käyttötarkoitus: {purpose}</p>
<p>Keskeiset tietoaineistot: liittymät, mittarit</p>
<p>Tietojärjestelmät:</p>
<ul><li>KuntaNet</li></ul>
{more}
</main></body></html>
"""


def write(tmp_path, *, purpose: str, more: str = "", name: str = "Vesihuolto"):
    path = tmp_path / "vesihuolto.html"
    path.write_text(PAGE.format(name=name, purpose=purpose, more=more), encoding="utf-8")
    return path


@pytest.fixture
def organisation_with_fields_set_in_the_back_office(tmp_path):
    path = write(tmp_path, purpose="vesihuollon laskutus")
    call_command("import", str(path), "--organization", "Kuuselan kunta")
    resource = DataResource.objects.get(key="vesihuolto")
    resource.retention_period = "10 vuotta"
    resource.disclosure_authority = "tekninen lautakunta"
    resource.disclosure_text = "Tiedot ovat julkisia."
    resource.save(update_fields=["retention_period", "disclosure_authority", "disclosure_text"])
    return resource


def test_a_field_the_description_does_not_mention_keeps_its_value(
    organisation_with_fields_set_in_the_back_office, tmp_path, capsys
):
    before = organisation_with_fields_set_in_the_back_office
    call_command(
        "import", str(write(tmp_path, purpose="vesihuollon laskutus ja mittarit")), "--organization", "kuuselan-kunta"
    )
    resource = DataResource.objects.get(pk=before.pk)
    assert resource.purpose == "vesihuollon laskutus ja mittarit"
    assert (resource.retention_period, resource.disclosure_authority, resource.disclosure_text) == (
        "10 vuotta",
        "tekninen lautakunta",
        "Tiedot ovat julkisia.",
    )
    assert [s.name for s in resource.system_links.all() for s in [s.system]] == ["KuntaNet"]
    assert "1 changed" in capsys.readouterr().out
    assert resource.history.first().history_change_reason == "tuonti: vesihuolto.html"


def test_a_field_the_description_states_is_updated(organisation_with_fields_set_in_the_back_office, tmp_path):
    before = organisation_with_fields_set_in_the_back_office
    more = "<p>Säilytysaika: 20 vuotta</p>"
    call_command(
        "import", str(write(tmp_path, purpose="vesihuollon laskutus", more=more)), "--organization", "kuuselan-kunta"
    )
    resource = DataResource.objects.get(pk=before.pk)
    assert resource.retention_period == "20 vuotta"
    assert (resource.disclosure_authority, resource.disclosure_text) == ("tekninen lautakunta", "Tiedot ovat julkisia.")


def test_a_resource_moved_in_the_back_office_stays_in_its_section_when_its_page_names_none(
    organisation_with_fields_set_in_the_back_office, tmp_path
):
    resource = organisation_with_fields_set_in_the_back_office
    other = Section.objects.create(organization=resource.organization, key="vesi", name="Vesi", position=1)
    DataResource.objects.filter(pk=resource.pk).update(section=other)
    page = tmp_path / "vesihuolto-sivu.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Vesihuolto | Kuuselan kunta</title>'
        "</head><body><main><h1>Vesihuolto</h1><p>Tietovarannon käyttötarkoitus: laskutus</p>"
        "<p>Keskeiset tietojärjestelmät: KuntaNet</p></main></body></html>",
        encoding="utf-8",
    )
    call_command("import", str(page), "--organization", "kuuselan-kunta")
    resource.refresh_from_db()
    assert (resource.section, resource.purpose) == (other, "laskutus")
