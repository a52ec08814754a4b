"""The edit forms and back-office pages hold every declared field of their kind."""

import pytest
from django.template import Context, Template

from varanto.accounts.models import Role
from varanto.accounts.services import membership_set
from varanto.backoffice.forms.common import LinesField
from varanto.backoffice.forms.records import ROWS, NullBooleanRadios
from varanto.backoffice.views.kinds import KINDS
from varanto.catalog import declarations
from varanto.catalog.declarations import ValueType
from varanto.catalog.tests.factories import (
    DataResourceFactory,
    DocumentTypeFactory,
    InformationSystemFactory,
    OrganizationFactory,
    ProcessActionFactory,
    TaskClassFactory,
    filled_values,
)

pytestmark = pytest.mark.django_db

FORMS = [pytest.param(kind.form, id=name) for name, kind in KINDS.items() if kind.editing is not None]
WRITTEN_ELSEWHERE = (ValueType.KEY, ValueType.TRANSLATIONS)  # the key is made by the service, texts are per language


@pytest.mark.parametrize("form_class", FORMS)
def test_every_editable_declared_field_is_in_its_form(form_class):
    kind = form_class.kind
    form = form_class(organization=OrganizationFactory())
    laid_out = {field.name for group in form.layout() for field in group["fields"]}
    formsets = {group["formset"] for group in form.layout()} - {None}
    rows = set(KINDS[next(n for n, k in KINDS.items() if k.editing is not None and k.form is form_class)].rows)
    for decl in kind.fields:
        if not decl.editable or decl.type in WRITTEN_ELSEWHERE:
            continue
        assert decl.group in {g.name for g in kind.groups}, f"{kind.name}.{decl.attr}: declare its form group"
        if decl.type in ROWS:
            assert decl.attr in formsets & rows, f"{kind.name}.{decl.attr}: no list of rows in the form"
        else:
            assert decl.attr in laid_out, f"{kind.name}.{decl.attr}: not in the form"
        if kind.internal(decl):
            assert next(g for g in kind.groups if g.name == decl.group).internal, (
                f"{kind.name}.{decl.attr} is internal: put it in a group shown as never published"
            )
    for relation in kind.relations:
        if relation.accessor is None:
            continue
        where = laid_out if relation.many_to_many(kind.model) else formsets & rows
        assert (relation.accessor if relation.many_to_many(kind.model) else relation.name) in where, (
            f"{kind.name}.{relation.name}: not in the form"
        )


def test_the_form_field_follows_the_value_type(settings):
    settings.LANGUAGE_CODE = "en"
    form = KINDS["resource"].form(organization=OrganizationFactory())
    assert isinstance(form.fields["key_datasets"], LinesField)
    assert form.fields["key_datasets"].widget.attrs["rows"] == 5
    assert form.fields["keywords"].help_text == "Words residents use for this, one per line."
    assert form.fields["purpose"].widget.attrs["rows"] == 3
    assert form.fields["disclosure_text"].widget.attrs["rows"] == 2
    assert isinstance(form.fields["personal_data"].widget, NullBooleanRadios)
    assert form.fields["disclosure_level"].choices[0] == ("", "not stated")
    assert form.fields["archiving"].widget.__class__.__name__ == "Select"


@pytest.mark.parametrize("form_class", FORMS)
def test_a_filled_record_comes_back_from_its_form_unchanged(form_class):
    """Every field the form edits reads the record's value and hands it to the service as it was."""
    kind = form_class.kind
    organization = OrganizationFactory()
    values = filled_values(kind)
    if kind is declarations.ORGANIZATION:
        record = organization
        values.update(homepage="https://example.org/", registry_email="kirjaamo@example.org")
        for attr, value in values.items():
            setattr(record, attr, value)
    else:
        factory = {
            declarations.RESOURCE: DataResourceFactory,
            declarations.SYSTEM: InformationSystemFactory,
            declarations.TASK_CLASS: TaskClassFactory,
            declarations.PROCESS_ACTION: ProcessActionFactory,
            declarations.DOCUMENT_TYPE: DocumentTypeFactory,
        }.get(kind)
        record = factory(organization=organization, **values) if factory else _plain(kind, organization, values)
    form = form_class(organization=organization, instance=record)
    posted = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        posted[name] = field.widget.format_value(value) if isinstance(field, LinesField) else value
        if isinstance(field.widget, NullBooleanRadios):
            posted[name] = "true" if value else "false"
    bound = form_class(data=posted, organization=organization, instance=record)
    assert bound.is_valid(), bound.errors
    data = bound.to_data()
    for decl in kind.fields:
        if decl.attr in values and decl.editable and decl.type not in ROWS:
            assert data[decl.attr] == values[decl.attr], f"{kind.name}.{decl.attr}"


def _plain(kind, organization, values):
    if kind is declarations.INTERFACE:  # an interface joins two systems
        ends = {"source": InformationSystemFactory(organization=organization), "target": None}
        ends["target"] = InformationSystemFactory(organization=organization)
        values = {**values, **ends}
    return kind.model.objects.create(organization=organization, key="x", name="X", **values)


def test_the_back_office_pages_show_every_declared_field(populated_pages):
    for kind, _record, page in populated_pages:
        for decl in kind.fields:
            if decl.type in (ValueType.TEXT, ValueType.LONG_TEXT, ValueType.LINES, ValueType.FLOWS, ValueType.LINKS):
                if decl.attr in filled_values(kind):
                    assert f"X-{decl.attr}" in page, f"the back-office page of a {kind.name} lacks {decl.attr}"


@pytest.fixture
def populated_pages(client, django_user_model):
    organization = OrganizationFactory(deciding_authority="Kaupunginhallitus")
    resource = DataResourceFactory(organization=organization, **filled_values(declarations.RESOURCE))
    system = InformationSystemFactory(organization=organization, **filled_values(declarations.SYSTEM))
    user = django_user_model.objects.create_user("hallinto")
    membership_set(organization=organization, user=user, role=Role.ADMINISTRATOR, acting_user=None)
    client.force_login(user)
    slug = organization.slug
    return [
        (
            declarations.RESOURCE,
            resource,
            client.get(f"/hallinta/{slug}/tietovarannot/{resource.key}/").content.decode(),
        ),
        (declarations.SYSTEM, system, client.get(f"/hallinta/{slug}/jarjestelmat/{system.key}/").content.decode()),
    ]


@pytest.mark.parametrize("kind", [declarations.RESOURCE, declarations.SYSTEM], ids=lambda k: k.name)
def test_each_shown_field_changes_the_back_office_page(kind):
    """Also the fields shown as words (choices, yes/no, counts): a new value changes the rendering."""
    organization = OrganizationFactory()
    factory = DataResourceFactory if kind is declarations.RESOURCE else InformationSystemFactory
    record = factory(organization=organization, **filled_values(kind))
    template = Template(
        "{% load backoffice %}{% record_fields record "
        + " ".join(f'"{g.name}"' for g in kind.groups if kind.group_fields(g))
        + " as fields %}"
        "{% for field in fields %}{% include field.template %}{% endfor %}"
    )

    def rendered() -> str:
        return template.render(Context({"record": record, "organization": organization}))

    full = rendered()
    unchanged = []
    for decl in kind.fields:
        if decl.group is None or decl.attr == "name" or decl.type in ROWS | {ValueType.REFERENCE}:
            continue
        kept = getattr(record, decl.attr)
        setattr(record, decl.attr, {ValueType.LINES: [], ValueType.FLAG: None, ValueType.COUNT: 1}.get(decl.type, ""))
        if rendered() == full:
            unchanged.append(decl.attr)
        setattr(record, decl.attr, kept)
    assert not unchanged, f"the back-office page of a {kind.name} does not show {unchanged}"
