"""Factories for the working model (factory_boy), for tests of every app."""

import datetime

import factory

from varanto.catalog.declarations import RecordKind, ValueType
from varanto.catalog.models import (
    DataResource,
    DocumentType,
    InformationSystem,
    Organization,
    Process,
    ProcessAction,
    ResourceSystem,
    Section,
    TaskClass,
)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Testilän kunta {n}")
    slug = factory.Sequence(lambda n: f"testila-{n}")
    registry_name = "Testilän kunnan kirjaamo"
    registry_email = "kirjaamo@testila.fi"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Toimiala {n}")
    key = factory.Sequence(lambda n: f"toimiala-{n}")


class InformationSystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationSystem

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Järjestelmä {n}")
    key = factory.Sequence(lambda n: f"jarjestelma-{n}")


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Prosessi {n}")
    key = factory.Sequence(lambda n: f"prosessi-{n}")


class DataResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataResource

    organization = factory.SubFactory(OrganizationFactory)
    section = factory.SubFactory(SectionFactory, organization=factory.SelfAttribute("..organization"))
    name = factory.Sequence(lambda n: f"Tietovaranto {n}")
    key = factory.Sequence(lambda n: f"tietovaranto-{n}")
    responsible_title = "hallintopäällikkö"
    purpose = "Testitietovarannon käyttötarkoitus"
    key_datasets = factory.LazyFunction(lambda: ["Päätökset", "Pöytäkirjat"])
    disclosure_level = "partial"
    disclosure_text = "Soveltuvin osin"
    api_availability = "no"
    api_text = "Ei"


class ResourceSystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceSystem

    resource = factory.SubFactory(DataResourceFactory)
    system = factory.SubFactory(InformationSystemFactory, organization=factory.SelfAttribute("..resource.organization"))


class TaskClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskClass

    organization = factory.SubFactory(OrganizationFactory)
    code = factory.Sequence(lambda n: f"{n // 100:02} {n % 100:02}")
    name = factory.Sequence(lambda n: f"Tehtäväluokka {n}")
    key = factory.Sequence(lambda n: f"tehtavaluokka-{n}")


class ProcessActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcessAction

    organization = factory.SubFactory(OrganizationFactory)
    task_class = factory.SubFactory(TaskClassFactory, organization=factory.SelfAttribute("..organization"))
    name = factory.Sequence(lambda n: f"Toimenpide {n}")
    key = factory.Sequence(lambda n: f"toimenpide-{n}")


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType

    organization = factory.SubFactory(OrganizationFactory)
    action = factory.SubFactory(ProcessActionFactory, organization=factory.SelfAttribute("..organization"))
    document_class = "Päätös"
    name = factory.Sequence(lambda n: f"Asiakirjatyyppi {n}")
    key = factory.Sequence(lambda n: f"asiakirjatyyppi-{n}")


def filled_values(kind: RecordKind, *, only_public: bool = False) -> dict:
    """A value for each of the kind's plain declared fields, chosen by value type, so that a
    test can look for it on a page: texts are "X-<attribute>" (a marker no page otherwise shows)."""
    values: dict = {}
    for decl in kind.fields:
        if decl.type in (ValueType.KEY, ValueType.TRANSLATIONS, ValueType.REFERENCE) or decl.attr == "name":
            continue
        if only_public and kind.internal(decl):
            continue
        marker = f"X-{decl.attr}"
        values[decl.attr] = {
            ValueType.TEXT: marker,
            ValueType.LONG_TEXT: marker,
            ValueType.LINES: [marker],
            ValueType.FLOWS: [{"target": marker, "description": ""}],
            ValueType.LINKS: [{"title": marker, "url": "https://example.org/", "kind": "web"}],
            ValueType.TEXTS: [{"title": marker, "text": marker}],
            ValueType.CHOICE: next(
                (value for value, _label in decl.model_field(kind.model).choices or () if value), None
            ),
            ValueType.FLAG: True,
            ValueType.DATE: datetime.date(2024, 5, 17),
            ValueType.COUNT: 7,
        }[decl.type]
    return values
