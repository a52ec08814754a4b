"""The `imatra` fixture's copied rows are what importing the demo makes."""

import pytest
from django.apps import apps
from django.db import transaction

from varanto.catalog.models import Organization, Section
from varanto.conftest import DEMO_CATALOG
from varanto.interchange.canonical import catalog_export
from varanto.interchange.importing import read_catalog
from varanto.interchange.services import catalog_import

pytestmark = pytest.mark.django_db


class _Undo(Exception):
    pass


def _state(organization) -> tuple[dict, dict[str, int]]:
    counts = {m._meta.label: m._base_manager.count() for m in apps.get_models(include_auto_created=True)}
    return catalog_export(organization), counts


def test_the_copied_demo_is_what_an_import_makes(_imatra_rows):
    try:
        with transaction.atomic():
            catalog, _ = read_catalog(DEMO_CATALOG, fmt="json")
            imported = _state(catalog_import(catalog, acting_user=None).organization)
            raise _Undo
    except _Undo:
        pass
    assert not Organization.objects.exists()
    copied = _state(Organization.objects.get(pk=_imatra_rows.restore()))
    assert copied[0] == imported[0]
    assert copied[1] == imported[1]  # the same rows in every table, history included


def test_rows_made_after_the_copy_get_fresh_ids(imatra):
    highest = Section.objects.order_by("-pk").first().pk
    section = Section.objects.create(organization=imatra, key="uusi-toimiala", name="Uusi toimiala")
    assert section.pk > highest
