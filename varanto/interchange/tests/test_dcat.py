"""DCAT-AP: the export conforms to avoindata.fi's SHACL shapes and says what a harvester needs."""

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib import (
    namespace as ns,
)  # used qualified: pytest's collector probes module names, and rdflib's strict namespaces warn
from rdflib.compare import isomorphic

from varanto.conftest import TEST_DATA
from varanto.core.addresses import public_base_url
from varanto.interchange.canonical import Audience, catalog_export
from varanto.interchange.formats import render
from varanto.interchange.formats.dcat import ADFI, GEODCAT, VCARD, catalog_graph
from varanto.interchange.links import PublicLinks
from varanto.publications.selectors import latest_publication, publication_catalog

pytestmark = pytest.mark.django_db

SPECS = TEST_DATA / "avoindata-dcat-ap"
ACCESS = "http://publications.europa.eu/resource/authority/access-right/"
PARSERS = {"dcat-ttl": "turtle", "dcat-rdf": "xml", "dcat-jsonld": "json-ld"}


@pytest.fixture(scope="module")
def shapes() -> tuple[Graph, Graph]:
    return Graph().parse(SPECS / "avoindata_dcat-ap_shacl.ttl"), Graph().parse(SPECS / "FOAF.ttl")


def conforms(graph: Graph, shapes) -> tuple[bool, str]:
    shacl, foaf = shapes
    result, _, text = validate(graph, shacl_graph=shacl, ont_graph=foaf, inference="rdfs")
    return result, text


@pytest.fixture
def published(imatra_published):
    catalog = publication_catalog(latest_publication(imatra_published))
    return catalog, PublicLinks(imatra_published.slug)


def test_every_serialisation_conforms_to_the_avoindata_shapes_and_says_the_same(published, shapes):
    catalog, links = published
    graphs = {fmt: Graph().parse(data=render(catalog, fmt, links), format=parser) for fmt, parser in PARSERS.items()}
    for fmt, graph in graphs.items():
        result, report = conforms(graph, shapes)
        assert result, f"{fmt} does not conform:\n{report}"
    assert isomorphic(graphs["dcat-ttl"], graphs["dcat-rdf"])
    assert isomorphic(graphs["dcat-ttl"], graphs["dcat-jsonld"])


def test_the_shacl_check_would_catch_a_dataset_without_a_title(published, shapes):
    catalog, links = published
    graph = catalog_graph(catalog, links)
    dataset = URIRef(links.resource("vesihuolto") + "#dataset")
    graph.remove((dataset, ns.DCTERMS.title, None))
    result, report = conforms(graph, shapes)
    assert not result
    assert "dct:title" in report or "terms/title" in report


def test_each_public_resource_is_a_dataset_with_what_a_harvester_needs(published):
    catalog, links = published
    graph = catalog_graph(catalog, links)
    resources = catalog["resources"]
    datasets = set(graph.subjects(ns.RDF.type, ns.DCAT.Dataset))
    assert len(datasets) == len(resources) + len(catalog["open_data"]["datasets"])

    node = URIRef(links.resource("vesihuolto") + "#dataset")
    landing_page = URIRef(f"{public_base_url()}/imatran-kaupunki/tietovaranto/vesihuolto/")
    assert graph.value(node, ns.DCAT.landingPage) == landing_page
    assert (landing_page, ns.RDF.type, ns.FOAF.Document) in graph
    assert graph.value(node, ns.DCTERMS.title) == Literal("Vesihuolto", lang="fi")
    assert graph.value(node, ADFI.collectionType) == Literal("Open Data")
    publisher = graph.value(node, ns.DCTERMS.publisher)
    assert graph.value(publisher, ns.FOAF.name) == Literal("Imatran kaupunki", lang="fi")
    contact = graph.value(node, ns.DCAT.contactPoint)
    assert (contact, ns.RDF.type, VCARD.Organization) in graph
    assert graph.value(contact, VCARD.hasEmail) == URIRef("mailto:kirjaamo@imatra.fi")
    assert graph.value(node, ns.DCTERMS.accessRights) == URIRef(ACCESS + "RESTRICTED")
    assert graph.value(graph.value(node, GEODCAT.custodian), ns.FOAF.name) == Literal(
        "vesihuoltopäällikkö, Imatran Vesi liikelaitos", lang="fi"
    )
    water = next(r for r in resources if r["key"] == "vesihuolto")
    keywords = {str(k) for k in graph.objects(node, ns.DCAT.keyword)}
    assert set(water["key_datasets"]) <= keywords


@pytest.mark.parametrize(
    ("level", "access"),
    [
        ("public", "PUBLIC"),
        ("partial", "RESTRICTED"),
        ("restricted", "RESTRICTED"),
        ("internal", "NON_PUBLIC"),
        ("none", "NON_PUBLIC"),
    ],
)
def test_access_rights_follow_the_disclosure_level(published, level, access):
    catalog, links = published
    catalog["resources"][0]["disclosure"]["level"] = level
    graph = catalog_graph(catalog, links)
    node = URIRef(links.resource(catalog["resources"][0]["key"]) + "#dataset")
    assert graph.value(node, ns.DCTERMS.accessRights) == URIRef(ACCESS + access)


def test_open_data_sets_carry_their_distributions_and_the_wms_is_a_data_service(published):
    catalog, links = published
    graph = catalog_graph(catalog, links)
    invoices = URIRef(links.open_data() + "#imatran-kaupungin-ostolaskut")
    distribution = graph.value(invoices, ns.DCAT.distribution)
    assert (distribution, ns.RDF.type, ns.DCAT.Distribution) in graph
    assert graph.value(distribution, ns.DCAT.accessURL) == URIRef(
        "https://www.avoindata.fi/data/fi/dataset/imatra-ostolaskut"
    )
    assert graph.value(invoices, ns.DCTERMS.source) == URIRef(
        links.resource("imatran-kaupungin-ostolaskut") + "#dataset"
    )
    for dataset in catalog["open_data"]["datasets"]:
        node = URIRef(links.open_data() + "#" + dataset["key"])
        assert graph.value(node, ns.DCAT.distribution) is not None, dataset["name"]

    services = list(graph.subjects(ns.RDF.type, ns.DCAT.DataService))
    assert len(services) == 1
    wms = services[0]
    assert (graph.value(predicate=ns.DCAT.service, object=wms)) is not None
    assert graph.value(wms, ns.DCTERMS.title) == Literal("Imatran WMS rajapintapalvelu", lang="fi")
    assert "Opaskartta (Opaskartta)" in str(graph.value(wms, ns.DCTERMS.description))
    assert graph.value(wms, ns.DCAT.endpointURL) is not None


def test_a_known_service_address_gives_the_endpoint_and_its_capabilities(published):
    catalog, links = published
    catalog["open_data"]["services"][0]["url"] = "https://kartta.imatra.fi/wms"
    graph = catalog_graph(catalog, links)
    wms = next(graph.subjects(ns.RDF.type, ns.DCAT.DataService))
    assert graph.value(wms, ns.DCAT.endpointURL) == URIRef("https://kartta.imatra.fi/wms")
    assert graph.value(wms, ns.DCAT.endpointDescription) == URIRef(
        "https://kartta.imatra.fi/wms?service=WMS&request=GetCapabilities"
    )


def test_dcat_of_the_working_model_leaves_internal_fields_out(imatra):
    resource = imatra.resources.get(key="vesihuolto")
    resource.security_measures = "Varmuuskopiot salaisessa konesalissa"
    resource.internal_notes = "Sopimus päättyy"
    resource.save()
    catalog = catalog_export(imatra, audience=Audience.INTERNAL)
    text = render(catalog, "dcat-ttl", PublicLinks(imatra.slug)).decode()
    assert "Vesihuolto" in text
    assert "salaisessa konesalissa" not in text
    assert "Sopimus päättyy" not in text
