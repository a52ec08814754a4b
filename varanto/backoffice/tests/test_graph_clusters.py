"""The relationship graph of a model with more than 60 systems: clustered by section, filtered, table kept."""

import pytest

from varanto.accounts.models import Role
from varanto.accounts.services import membership_set

from .graphs import OWN_SYSTEMS_PER_RESOURCE, RESOURCES_PER_SECTION, SECTIONS, SHARED_SYSTEMS, big_catalogue

pytestmark = pytest.mark.django_db


def _graph(client, catalogue, query=""):
    client.force_login(catalogue.viewer)
    response = client.get(f"/hallinta/{catalogue.organization.slug}/kaavio/{query}")
    assert response.status_code == 200
    return response.context["graph"]


def test_a_large_graph_groups_the_systems_of_one_section_and_draws_shared_ones_apart(client):
    catalogue = big_catalogue()
    assert catalogue.systems > 60
    graph = _graph(client, catalogue)
    assert graph.clustered
    systems = [n for n in graph.nodes if n.kind == "system"]
    clusters = [n for n in systems if n.members]
    assert len(clusters) == SECTIONS
    assert all(len(c.members) == RESOURCES_PER_SECTION * OWN_SYSTEMS_PER_RESOURCE for c in clusters)
    assert {n.label for n in systems if not n.members} == {f"Yhteinen {i}" for i in range(SHARED_SYSTEMS)}
    assert {c.link for c in clusters} == {n.id for n in graph.nodes if n.kind == "section"}
    # Every resource still points at its section's cluster, once.
    assert sum(1 for e in graph.edges if e.target in clusters) == SECTIONS * RESOURCES_PER_SECTION


def test_the_table_lists_every_system_of_the_clustered_graph(client):
    catalogue = big_catalogue()
    rows = _graph(client, catalogue).rows()
    assert len(rows) == SECTIONS * RESOURCES_PER_SECTION
    assert sum(len(row["systems"]) for row in rows) == catalogue.links


def test_every_system_is_drawn_when_asked_and_a_section_filter_shows_only_its_resources(client):
    catalogue = big_catalogue()
    every = _graph(client, catalogue, "?kaikki=1")
    assert not every.clustered
    assert len([n for n in every.nodes if n.kind == "system"]) == catalogue.systems
    section = next(n for n in every.nodes if n.kind == "section")
    focused = _graph(client, catalogue, f"?kohde={section.id}")
    assert not focused.clustered
    assert len([n for n in focused.nodes if n.kind == "resource"]) == RESOURCES_PER_SECTION
    assert len([n for n in focused.nodes if n.kind == "system"]) == (
        RESOURCES_PER_SECTION * OWN_SYSTEMS_PER_RESOURCE + SHARED_SYSTEMS
    )


def test_a_graph_of_few_systems_is_drawn_whole(client):
    from varanto.catalog.tests.factories import ResourceSystemFactory

    link = ResourceSystemFactory()
    catalogue = big_catalogue()
    catalogue.organization = link.resource.organization
    membership_set(organization=catalogue.organization, user=catalogue.viewer, role=Role.VIEWER, acting_user=None)
    graph = _graph(client, catalogue)
    assert not graph.clustered
    assert [n.label for n in graph.nodes if n.kind == "system"] == [link.system.name]
