"""Four real published descriptions in four layouts (varanto/testing/data/import-real) import with
their resources' names, and the systems and responsible where the text states them."""

import pytest

from varanto.interchange.canonical import catalog_validate
from varanto.interchange.documents import recognise, recognition_catalog
from varanto.testing.import_eval import DOCUMENTS, gold, score, stripped


@pytest.fixture(scope="module", params=DOCUMENTS)
def imported(request):
    name = request.param
    expected = gold(name)
    recognition = recognise([(f"{name}.txt", stripped(name))], organization_name=expected["organization"])
    return name, recognition, recognition_catalog(recognition), expected


def test_names_are_found_with_f1_at_least_nine_tenths(imported):
    name, _, catalog, expected = imported
    result = score(catalog, expected)
    assert result.names >= 0.9, (name, result.missing, result.extra)


def test_systems_and_responsible_are_found_where_stated(imported):
    name, _, catalog, expected = imported
    result = score(catalog, expected)
    assert result.systems >= 0.9, name
    assert result.responsible >= 0.9, name


def test_the_catalogue_is_valid_and_names_the_organisation(imported):
    _, _, catalog, expected = imported
    catalog_validate(catalog)
    assert catalog["organization"]["name"] == expected["organization"]


def test_every_resource_says_where_it_stands_and_how_sure(imported):
    _, recognition, _, _ = imported
    for resource in recognition.resources:
        assert resource.where.line, resource.name
        assert 0 < resource.confidence <= 1


def test_text_no_field_claims_is_kept_with_its_location():
    recognition = recognise([("savonlinna.txt", stripped("savonlinna"))])
    catalog = recognition_catalog(recognition)
    unplaced = {u.text: u for u in recognition.unplaced}
    note = unplaced["Lisätietoa kaupungin varhaiskasvatuspalveluista."]
    assert note.resource == "Varhaiskasvatus" and note.where.line
    varhaiskasvatus = next(r for r in catalog["resources"] if r["name"] == "Varhaiskasvatus")
    assert "Lisätietoa kaupungin varhaiskasvatuspalveluista." in varhaiskasvatus["notes"]


def test_the_documents_cut_short_are_told_apart_from_the_whole_ones(imported):
    name, recognition, _, _ = imported
    assert bool(recognition.cut_short) == (name in ("pohjanmaan-hyvinvointialue", "tulli"))
