from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from varanto.catalog.models import DataResource
from varanto.publications.models import Publication

pytestmark = pytest.mark.django_db


def _publish(*args) -> str:
    out = StringIO()
    call_command("publish", *args, stdout=out)
    return out.getvalue()


def test_publish_makes_the_next_numbered_publication_with_its_note(imatra):
    first = _publish("--note", "Ensimmäinen julkaisu")
    DataResource.objects.filter(organization=imatra, key="museo").update(name="Imatran museo")
    second = _publish("--organization", "Imatran kaupunki")

    assert "Published Imatran kaupunki as #1 (6 sections, 31 data resources; first publication)" in first
    assert "as #2" in second and "changes since #1: 1 changed" in second
    assert list(Publication.objects.order_by("number").values_list("number", "note")) == [
        (1, "Ensimmäinen julkaisu"),
        (2, ""),
    ]


def test_publish_names_the_organisations_when_the_one_asked_for_does_not_exist(imatra):
    with pytest.raises(CommandError, match="No organisation named 'Lappeenranta'. Organisations: Imatran kaupunki"):
        _publish("--organization", "Lappeenranta")
    assert not Publication.objects.exists()


def test_publish_without_an_organisation_says_to_import_first(db):
    with pytest.raises(CommandError, match="import a catalogue first"):
        _publish()


def test_publish_refuses_when_nothing_has_changed(imatra):
    _publish()
    with pytest.raises(CommandError, match="Nothing has changed in Imatran kaupunki since the latest publication"):
        _publish()
    assert Publication.objects.count() == 1


def test_publish_refuses_unapproved_changes_without_include_unapproved(imatra):
    from varanto.catalog.models import ReviewStatus

    DataResource.objects.filter(organization=imatra, key="museo").update(review_status=ReviewStatus.READY_FOR_REVIEW)
    with pytest.raises(
        CommandError, match=r"1 data resource has changes that are not approved \(museo\).*--include-unapproved"
    ):
        _publish()
    assert not Publication.objects.exists()
    assert "as #1" in _publish("--include-unapproved")


def test_publish_exits_with_status_1_and_the_message_on_stderr(imatra, capsys):
    from django.core.management import execute_from_command_line

    _publish()
    with pytest.raises(SystemExit) as exit:
        execute_from_command_line(["varanto", "publish"])
    assert exit.value.code == 1
    assert "Nothing has changed" in capsys.readouterr().err
