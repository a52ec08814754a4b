"""DCAT-AP, as the national open data portal (avoindata.fi) harvests it: builder (catalogue → graph) and writer.

Follows the avoindata.fi extension of DCAT-AP 2 (../shared/specs/avoindata-dcat-ap): every
public data resource (tietovaranto) is a `dcat:Dataset` with its publisher, the registry
office as contact point, access rights derived from its disclosure level, keywords, the
responsible as custodian, and its page on the public site as landing page; every open data
set is a `dcat:Dataset` carrying its distribution; every data service (the WMS) is a
`dcat:DataService`. Only public fields of the canonical catalogue are read.
"""

from __future__ import annotations

import datetime
import logging
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from ..links import PublicLinks

logger = logging.getLogger(__name__)

ADFI = Namespace("http://avoindata.fi/ns#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# avoindata.fi's model names the catalogue's link to a service dcat:dataservice; DCAT 2 and the
# SHACL shapes use dcat:service. Both are given.
AVOINDATA_SERVICE = URIRef(str(DCAT) + "dataservice")
GEODCAT = Namespace("http://data.europa.eu/930/#")
ACCESS_RIGHT = Namespace("http://publications.europa.eu/resource/authority/access-right/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
PREFIXES = {
    "dcat": DCAT,
    "dct": DCTERMS,
    "foaf": FOAF,
    "vcard": VCARD,
    "skos": SKOS,
    "xsd": XSD,
    "rdfs": RDFS,
    "adfi": ADFI,
    "geodcat": GEODCAT,
}
LANGUAGES = ("fi", "sv", "en")
EU_LANGUAGES = {"fi": "FIN", "sv": "SWE", "en": "ENG"}
# The EU access-right vocabulary has three members; a partly or selectively disclosed resource is restricted.
ACCESS_BY_DISCLOSURE = {
    "public": "PUBLIC",
    "partial": "RESTRICTED",
    "restricted": "RESTRICTED",
    "internal": "NON_PUBLIC",
    "none": "NON_PUBLIC",
}
# avoindata.fi sorts datasets into two collections; descriptions of data belong to "Open Data", and
# whether the data itself is open is stated by dct:accessRights.
COLLECTION_TYPE = "Open Data"
KNOWN_LICENSES = {
    "cc by 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "cc0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
WEB_SERVICE_TYPES = ("WMS", "WFS", "WMTS", "WCS")

CATALOG_TITLE = _("%(organization)s: description of the publicity of documents")
CATALOG_DESCRIPTION = _(
    "%(organization)s: data resources, what they are used for and how their data is disclosed "
    "(Act on Information Management in Public Administration 906/2019, section 28)."
)
KEY_DATASETS = _("Key data sets")
DISCLOSURE = _("Disclosure of data")
LAYERS = _("Map layers")
EXTERNAL = _("Produced from outside sources.")


def _in(language: str, text, **params) -> str:
    with translation.override(language):
        return str(text) % params if params else str(text)


def _iri(url: str | None) -> URIRef | None:
    """An absolute web address as an IRI; anything else (a relative or broken address) is left out."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        logger.info("DCAT: %r is not an absolute web address; left out", url)
        return None
    return URIRef(iri_to_uri(url.strip()))


class CatalogGraph:
    """Builds the DCAT-AP graph of one catalogue; `graph` holds the result."""

    def __init__(self, catalog: dict, links: PublicLinks):
        self.catalog = catalog
        self.links = links
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        front = links.front()
        self.catalog_node = URIRef(front + "#catalog")
        self.publisher = URIRef(front + "#organization")
        self.contact = URIRef(front + "#registry-office")

    def add(self, subject, predicate, obj) -> None:
        self.graph.add((subject, predicate, obj))

    def texts(self, subject, predicate, record: dict, field: str, fallback: str = "") -> None:
        """A text in Finnish and in each translation the record has."""
        finnish = record.get(field) or fallback
        if finnish:
            self.add(subject, predicate, Literal(finnish, lang="fi"))
        for language, texts in (record.get("translations") or {}).items():
            if texts.get(field):
                self.add(subject, predicate, Literal(texts[field], lang=language))

    def document(self, subject, predicate, url: str | None) -> None:
        iri = _iri(url)
        if iri is not None:
            self.add(iri, RDF.type, FOAF.Document)
            self.add(subject, predicate, iri)

    def access_rights(self, subject, level: str | None) -> None:
        if level in ACCESS_BY_DISCLOSURE:
            rights = ACCESS_RIGHT[ACCESS_BY_DISCLOSURE[level]]
            self.add(rights, RDF.type, DCTERMS.RightsStatement)
            self.add(subject, DCTERMS.accessRights, rights)

    def build(self) -> Graph:
        organization = self.catalog["organization"]
        self._catalog(organization)
        self._publisher(organization)
        self._contact(organization)
        for resource in self.catalog["resources"]:
            self._resource(resource)
        open_data = self.catalog.get("open_data") or {}
        for dataset in open_data.get("datasets", []):
            self._open_dataset(dataset)
        for service in open_data.get("services", []):
            self._service(service)
        return self.graph

    def _catalog(self, organization: dict) -> None:
        node = self.catalog_node
        self.add(node, RDF.type, DCAT.Catalog)
        for language in LANGUAGES:
            name = ((organization.get("translations") or {}).get(language) or {}).get("name") or organization["name"]
            self.add(node, DCTERMS.title, Literal(_in(language, CATALOG_TITLE, organization=name), lang=language))
            self.add(
                node, DCTERMS.description, Literal(_in(language, CATALOG_DESCRIPTION, organization=name), lang=language)
            )
        self.add(node, DCTERMS.publisher, self.publisher)
        self.document(node, FOAF.homepage, self.links.front())
        for code in organization.get("languages") or ["fi"]:
            if code in EU_LANGUAGES:
                language = EU_LANGUAGE[EU_LANGUAGES[code]]
                self.add(language, RDF.type, DCTERMS.LinguisticSystem)
                self.add(node, DCTERMS.language, language)
        modified = (self.catalog.get("publication") or {}).get("published_at", "")[:10] or organization.get("updated")
        if modified:
            self.add(node, DCTERMS.modified, Literal(datetime.date.fromisoformat(modified), datatype=XSD.date))

    def _publisher(self, organization: dict) -> None:
        self.add(self.publisher, RDF.type, FOAF.Organization)
        self.texts(self.publisher, FOAF.name, organization, "name")
        if homepage := _iri(organization.get("homepage")):
            self.add(self.publisher, FOAF.homepage, homepage)

    def _contact(self, organization: dict) -> None:
        """The registry office, where information requests and questions about the data go."""
        office = (organization.get("information_requests") or {}).get("registry_office") or {}
        self.add(self.contact, RDF.type, VCARD.Organization)
        self.add(self.contact, VCARD.fn, Literal(office.get("name") or organization["name"], lang="fi"))
        if office.get("email"):
            self.add(self.contact, VCARD.hasEmail, URIRef(f"mailto:{office['email'].strip()}"))
        if office.get("address"):
            address = BNode()
            self.add(address, RDF.type, VCARD.Address)
            self.add(address, VCARD["street-address"], Literal(office["address"]))
            self.add(self.contact, VCARD.hasAddress, address)

    def _dataset(self, node: URIRef, record: dict, description: str) -> None:
        """What every dataset has: title, description, collection type, publisher and contact point."""
        self.add(self.catalog_node, DCAT.dataset, node)
        self.add(node, RDF.type, DCAT.Dataset)
        self.texts(node, DCTERMS.title, record, "name")
        self.add(node, DCTERMS.description, Literal(description or record["name"], lang="fi"))
        self.add(node, ADFI.collectionType, Literal(COLLECTION_TYPE))
        self.add(node, DCTERMS.publisher, self.publisher)
        self.add(node, DCAT.contactPoint, self.contact)

    def resource_node(self, key: str) -> URIRef:
        return URIRef(self.links.resource(key) + "#dataset")

    def _resource(self, resource: dict) -> None:
        node = self.resource_node(resource["key"])
        paragraphs = [resource.get("purpose") or ""]
        if resource.get("key_datasets"):
            paragraphs.append(f"{_in('fi', KEY_DATASETS)}: {'; '.join(resource['key_datasets'])}.")
        self._dataset(node, resource, "\n\n".join(p for p in paragraphs if p))
        for language, texts in (resource.get("translations") or {}).items():
            if texts.get("purpose"):
                self.add(node, DCTERMS.description, Literal(texts["purpose"], lang=language))
        landing_page = self.links.resource(resource["key"])
        self.document(node, DCAT.landingPage, landing_page)
        self.add(node, DCTERMS.identifier, Literal(landing_page))
        disclosure = resource.get("disclosure") or {}
        self.access_rights(node, disclosure.get("level"))
        if disclosure.get("text"):
            rights = BNode()
            self.add(rights, RDF.type, DCTERMS.RightsStatement)
            self.add(rights, RDFS.label, Literal(f"{_in('fi', DISCLOSURE)}: {disclosure['text']}", lang="fi"))
            self.add(node, DCTERMS.rights, rights)
        seen: set[str] = set()
        for word in [*(resource.get("keywords") or []), *(resource.get("key_datasets") or [])]:
            if word.casefold() not in seen:
                seen.add(word.casefold())
                self.add(node, DCAT.keyword, Literal(word, lang="fi"))
        responsible = resource.get("responsible") or {}
        who = ", ".join(
            p for p in (responsible.get("title"), responsible.get("organization"), responsible.get("unit")) if p
        )
        if who:
            custodian = BNode()
            self.add(custodian, RDF.type, FOAF.Agent)
            self.add(custodian, FOAF.name, Literal(who, lang="fi"))
            self.add(node, GEODCAT.custodian, custodian)
        for link in resource.get("links") or []:
            self.document(node, FOAF.page, link.get("url"))

    def _open_dataset(self, dataset: dict) -> None:
        page = self.links.open_data()
        node = URIRef(f"{page}#{dataset['key']}")
        description = dataset.get("description") or ""
        if dataset.get("produced_externally"):
            description = " ".join(p for p in (description, _in("fi", EXTERNAL)) if p)
        self._dataset(node, dataset, description)
        self.access_rights(node, "public")
        self.document(node, DCAT.landingPage, dataset.get("url") or page)
        if dataset.get("resource") in {r["key"] for r in self.catalog["resources"]}:
            self.add(node, DCTERMS.source, self.resource_node(dataset["resource"]))
        # Where the data set's own address is not known, the open data page says where it is.
        distribution = URIRef(f"{page}#{dataset['key']}-distribution")
        self.add(distribution, RDF.type, DCAT.Distribution)
        self.add(distribution, DCAT.accessURL, _iri(dataset.get("url")) or URIRef(page))
        self.texts(distribution, DCTERMS.title, dataset, "name")
        self._license(distribution, dataset.get("license") or "")
        self.add(node, DCAT.distribution, distribution)

    def _license(self, distribution, license_text: str) -> None:
        url = KNOWN_LICENSES.get(license_text.strip().casefold()) or license_text
        iri = _iri(url) if url.startswith("http") else None
        if iri is not None:
            self.add(iri, RDF.type, DCTERMS.LicenseDocument)
            self.add(distribution, DCTERMS.license, iri)
        elif license_text:
            rights = BNode()
            self.add(rights, RDF.type, DCTERMS.RightsStatement)
            self.add(rights, RDFS.label, Literal(license_text))
            self.add(distribution, DCTERMS.rights, rights)

    def _service(self, service: dict) -> None:
        page = self.links.open_data()
        node = URIRef(f"{page}#{service['key']}")
        self.add(self.catalog_node, DCAT.service, node)
        self.add(self.catalog_node, AVOINDATA_SERVICE, node)
        self.add(node, RDF.type, DCAT.DataService)
        self.texts(node, DCTERMS.title, service, "name")
        layers = service.get("layers") or []
        paragraphs = [service.get("description") or ""]
        if layers:
            listed = ", ".join(
                f"{layer['title']} ({layer['name']})" if layer.get("name") else layer["title"] for layer in layers
            )
            paragraphs.append(f"{_in('fi', LAYERS)}: {listed}.")
        description = "\n\n".join(p for p in paragraphs if p)
        if description:
            self.add(node, DCTERMS.description, Literal(description, lang="fi"))
        endpoint = _iri(service.get("url"))
        # An endpoint not recorded in the description: its page on the public site stands in.
        self.add(node, DCAT.endpointURL, endpoint or URIRef(page))
        kind = (service.get("type") or "").upper()
        if endpoint is not None and kind in WEB_SERVICE_TYPES:
            separator = "&" if "?" in str(endpoint) else "?"
            capabilities = f"{endpoint}{separator}service={kind}&request=GetCapabilities"
            self.add(node, DCAT.endpointDescription, URIRef(capabilities))
        self.access_rights(node, "public")
        self.add(node, DCTERMS.publisher, self.publisher)
        self.add(node, DCAT.contactPoint, self.contact)
        for layer in layers:
            self.add(node, DCAT.keyword, Literal(layer["title"], lang="fi"))


RDF_FORMATS = {"dcat-ttl": "turtle", "dcat-rdf": "pretty-xml", "dcat-jsonld": "json-ld"}
MEDIA_TYPES = {"dcat-ttl": "text/turtle", "dcat-rdf": "application/rdf+xml", "dcat-jsonld": "application/ld+json"}


def catalog_graph(catalog: dict, links: PublicLinks) -> Graph:
    return CatalogGraph(catalog, links).build()


def catalog_dcat(catalog: dict, links: PublicLinks, fmt: str) -> bytes:
    """The catalogue in DCAT-AP, serialised as `fmt` (dcat-ttl, dcat-rdf or dcat-jsonld)."""
    graph = catalog_graph(catalog, links)
    if fmt == "dcat-jsonld":
        context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, indent=2).encode("utf-8")
    return graph.serialize(format=RDF_FORMATS[fmt], encoding="utf-8")
