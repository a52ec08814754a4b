"""The import's queries do not grow with the number of data resources: new ones are inserted together, and
unchanged ones are left alone, whether the organisation is new or not."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from varanto.catalog.models import DataResource, Organization, ResourceSystem, ReviewStatus
from varanto.conftest import DEMO_CATALOG
from varanto.interchange.importing import read_description
from varanto.interchange.services import catalog_import

pytestmark = pytest.mark.django_db

REASON = "tuonti: kuvaus.html"
# Per kind of record written, beyond those the two files share: what a fixed number of queries may differ by.
SLACK = 3


def description(count: int, organization: str = "Kuuselan kunta") -> dict:
    """A web page of `count` resources in two sections, each with two of three systems."""
    parts = ['<html lang="fi"><head><title>Tietovarannot | Kuuselan kunta</title></head><body><main>']
    for number in range(count):
        if number % (count // 2) == 0:
            parts.append(f"<h2>{'Hallinto' if number == 0 else 'Tekniset palvelut'}</h2>")
        parts.append(
            f"<h3>Tietovaranto {number + 1}</h3><p>Käyttötarkoitus: asioiden {number + 1} käsittely.</p>"
            "<p>Keskeiset tietoaineistot: hakemukset, päätökset</p>"
            f"<p>Tietojärjestelmät:</p><ul><li>asianhallinta (Dynasty)</li><li>Järjestelmä {number % 2 + 1}</li></ul>"
        )
    parts.append("</main></body></html>")
    catalog, _ = read_description([("kuvaus.html", "".join(parts).encode())], organization_name=organization)
    return catalog


def queries(catalog: dict, **options) -> int:
    with CaptureQueriesContext(connection) as captured:
        catalog_import(catalog, acting_user=None, reason=REASON, **options)
    return len(captured)


def test_importing_five_times_the_resources_into_a_new_organisation_takes_no_more_queries_per_resource():
    few = queries(description(10))
    many = queries(description(50, "Toinen kunta"))
    assert DataResource.objects.filter(organization__name="Toinen kunta").count() == 50
    assert ResourceSystem.objects.filter(resource__organization__name="Toinen kunta").count() == 100
    assert many - few <= SLACK * 2  # resources and their system links


def test_reimporting_unchanged_resources_into_an_existing_organisation_takes_no_more_queries_per_resource():
    catalog_import(description(10), acting_user=None, reason=REASON)
    few = queries(description(10), organization=Organization.objects.get(name="Kuuselan kunta"))
    catalog_import(description(50, "Toinen kunta"), acting_user=None, reason=REASON)
    many = queries(description(50, "Toinen kunta"), organization=Organization.objects.get(name="Toinen kunta"))
    assert many - few <= SLACK
    assert DataResource.history.count() == 60  # left alone: no history row but their creation's


def test_resources_created_together_have_each_one_creation_row_with_the_imports_reason_and_their_links():
    summary = catalog_import(description(10), acting_user=None, reason=REASON)
    assert len([c for c in summary.changes.added if c.model is DataResource]) == 10
    for resource in DataResource.objects.all():
        rows = list(resource.history.all())
        assert [(r.history_type, r.history_change_reason, r.version) for r in rows] == [("+", REASON, 1)]
        assert rows[0].purpose == resource.purpose and rows[0].section_id == resource.section_id
        assert [(s.system.name, s.usage) for s in resource.system_links.all()] == [
            ("Dynasty", "asianhallinta"),
            (f"Järjestelmä {int(resource.name.split()[-1]) % 2 or 2}", ""),
        ]
    assert set(ResourceSystem.history.values_list("history_type", "history_change_reason")) == {("+", REASON)}
    assert ResourceSystem.history.count() == ResourceSystem.objects.count() == 20


def changed(catalog: dict) -> dict:
    for resource in catalog["resources"]:
        resource["purpose"] = f"{resource['purpose']} Uudistettu."
    return catalog


def test_reimporting_changed_resources_takes_no_more_queries_per_resource_and_one_history_row_each():
    catalog_import(description(10), acting_user=None, reason=REASON)
    few = queries(changed(description(10)), organization=Organization.objects.get(name="Kuuselan kunta"))
    catalog_import(description(50, "Toinen kunta"), acting_user=None, reason=REASON)
    organization = Organization.objects.get(name="Toinen kunta")
    with CaptureQueriesContext(connection) as many:
        summary = catalog_import(
            changed(description(50, "Toinen kunta")),
            acting_user=None,
            reason="tuonti: uusi.html",
            organization=organization,
        )
    assert len(many) - few <= SLACK
    assert [[f.path for f in c.fields] for c in summary.changes.changed] == [["purpose"]] * 50
    for resource in DataResource.objects.filter(organization=organization):
        assert resource.purpose.endswith("Uudistettu.") and resource.version == 2
        assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
        rows = [(r.history_type, r.history_change_reason, r.version, r.purpose) for r in resource.history.all()]
        assert rows[0] == ("~", "tuonti: uusi.html", 2, resource.purpose) and len(rows) == 2


def test_a_changed_resource_keeps_its_processes_in_its_new_history_row(imatra):
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    target = next(r for r in catalog["resources"] if r["processes"])
    target["purpose"] = "Uusi käyttötarkoitus"
    # Values in JSON columns too, which a bulk update writes its own way on each database.
    target["translations"] = {"sv": {"name": "Nytt namn"}}
    target["key_datasets"] = [*target["key_datasets"], "uudet aineistot"]
    catalog_import(catalog, acting_user=None, reason="tuonti: imatra.json")
    resource = DataResource.objects.get(organization=imatra, key=target["key"])
    assert (resource.translations, resource.key_datasets) == (target["translations"], target["key_datasets"])
    row, before = resource.history.all()[:2]
    assert (row.history_type, row.purpose, row.version) == ("~", target["purpose"], before.version + 1)
    assert (row.translations, row.key_datasets) == (target["translations"], target["key_datasets"])
    assert sorted(p.process.key for p in row.processes.all()) == sorted(target["processes"])
    assert sorted(p.process_id for p in row.processes.all()) == sorted(p.process_id for p in before.processes.all())
