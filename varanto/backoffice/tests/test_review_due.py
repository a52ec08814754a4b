"""When a data resource is due for review, and when it is overdue: its review cycle counted in calendar months."""

import datetime
from types import SimpleNamespace

import pytest

from varanto.backoffice.selectors import attention
from varanto.backoffice.selectors.attention import add_months, overdue_list, review_due
from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)


@pytest.fixture
def today(monkeypatch):
    """Fix the day the lists are made on: set(day), TODAY unless set."""
    day = {"value": TODAY}
    monkeypatch.setattr(attention, "timezone", SimpleNamespace(localdate=lambda: day["value"]))
    return lambda value: day.update(value=value)


def _overdue_keys(organization) -> set[str]:
    return {a.resource.key for a in overdue_list(organization)}


@pytest.mark.parametrize(
    "reviewed, cycle, overdue",
    [
        (datetime.date(2025, 4, 15), 12, False),  # 11 months ago
        (datetime.date(2025, 3, 15), 12, False),  # 12 months ago: due today, not yet overdue
        (datetime.date(2025, 3, 14), 12, True),  # a day more
        (datetime.date(2025, 2, 15), 12, True),  # 13 months ago
        (datetime.date(2025, 9, 15), 6, False),  # 6 months ago
        (datetime.date(2025, 8, 15), 6, True),  # 7 months ago
    ],
)
def test_overdue_after_the_review_cycle_has_passed(today, reviewed, cycle, overdue):
    resource = DataResourceFactory(key="kirjaamo", last_reviewed=reviewed, review_cycle_months=cycle)
    assert (_overdue_keys(resource.organization) == {"kirjaamo"}) is overdue


@pytest.mark.parametrize(
    "day, months, due",
    [
        (datetime.date(2025, 8, 31), 6, datetime.date(2026, 2, 28)),  # to the end of a shorter month
        (datetime.date(2023, 8, 31), 6, datetime.date(2024, 2, 29)),  # … in a leap year
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 4, 30), 1, datetime.date(2025, 5, 30)),  # not moved to the end of May
        (datetime.date(2025, 11, 30), 3, datetime.date(2026, 2, 28)),  # across the year
        (datetime.date(2025, 12, 15), 12, datetime.date(2026, 12, 15)),
        (datetime.date(2026, 3, 31), -1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 1, 31), -13, datetime.date(2024, 12, 31)),
    ],
)
def test_months_are_added_by_the_calendar(day, months, due):
    assert add_months(day, months) == due


def test_reviewed_on_the_last_of_august_with_a_six_month_cycle_is_due_at_the_end_of_february(today):
    resource = DataResourceFactory(key="kirjaamo", last_reviewed=datetime.date(2025, 8, 31), review_cycle_months=6)
    assert review_due(resource, resource.organization) == datetime.date(2026, 2, 28)
    today(datetime.date(2026, 2, 28))
    assert _overdue_keys(resource.organization) == set()
    today(datetime.date(2026, 3, 1))
    assert _overdue_keys(resource.organization) == {"kirjaamo"}


def test_never_reviewed_counts_from_the_descriptions_date_and_without_one_is_due_at_once(today):
    dated = OrganizationFactory(updated=datetime.date(2025, 6, 1))
    DataResourceFactory(organization=dated, key="kirjaamo", review_cycle_months=12)
    assert _overdue_keys(dated) == set()
    undated = OrganizationFactory(updated=None)
    DataResourceFactory(organization=undated, key="arkisto")
    assert _overdue_keys(undated) == {"arkisto"}


def test_the_most_overdue_come_first(today):
    organization = OrganizationFactory()
    for key, reviewed in (
        ("vahan", datetime.date(2025, 2, 1)),
        ("eniten", datetime.date(2024, 1, 1)),
        ("ajassa", datetime.date(2026, 1, 1)),
    ):
        DataResourceFactory(organization=organization, key=key, last_reviewed=reviewed)
    assert [a.resource.key for a in overdue_list(organization)] == ["eniten", "vahan"]


def test_the_overdue_page_shows_the_due_date(client, staff, today):
    staff.organization.resources.update(last_reviewed=datetime.date(2026, 1, 1))
    staff.organization.resources.filter(key="vesihuolto").update(
        last_reviewed=datetime.date(2025, 8, 31), review_cycle_months=6
    )
    client.force_login(staff.viewer)
    response = client.get(f"/hallinta/{staff.organization.slug}/myohassa/")
    assert [(a.resource.key, a.due) for a in response.context["items"]] == [("vesihuolto", datetime.date(2026, 2, 28))]
    assert "28.2.2026" in response.content.decode()


def test_a_system_is_due_on_its_own_cycle_and_an_official_confirms_it_up_to_date_on_its_page(client, staff):
    from varanto.catalog.models import InformationSystem

    base = f"/hallinta/{staff.organization.slug}/jarjestelmat/keypro/"
    system = InformationSystem.objects.get(organization=staff.organization, key="keypro")
    system.last_reviewed, system.review_cycle_months = datetime.date.today() - datetime.timedelta(days=200), 6
    system.save(update_fields=["last_reviewed", "review_cycle_months"])
    client.force_login(staff.viewer)
    page = client.get(base).content.decode()
    assert "Tarkistus myöhässä" in page and "Vahvista ajantasaiseksi" not in page

    client.force_login(staff.editor)
    assert "Vahvista ajantasaiseksi" in client.get(base).content.decode()
    response = client.post(base + "tarkistus/", {"version": str(system.version)})
    assert response.status_code == 302
    system.refresh_from_db()
    assert system.last_reviewed == datetime.date.today()
    page = client.get(base).content.decode()
    assert "Tarkistus myöhässä" not in page and "Ajan tasalla" in page
    assert client.post(base + "tarkistus/", {"version": "1"}).status_code == 409  # an older version is refused
    for version in ({}, {"version": "x"}):  # a form sent without its version is told so, not a server error
        response = client.post(base + "tarkistus/", version, follow=True)
        assert response.status_code == 200 and response.context["messages"]


def test_a_system_added_today_is_not_overdue(staff):
    from varanto.backoffice.selectors.attention import system_review
    from varanto.catalog.services.systems import information_system_create

    system = information_system_create(organization=staff.organization, data={"name": "Uusi"}, acting_user=staff.editor)
    assert system.last_reviewed == datetime.date.today()
    assert not system_review(system, staff.organization).overdue


def test_an_agreed_review_date_stands_until_a_review_on_or_after_it(today):
    resource = DataResourceFactory(
        key="kirjaamo",
        last_reviewed=datetime.date(2026, 3, 1),
        review_cycle_months=12,
        next_review=datetime.date(2026, 5, 4),
    )
    assert review_due(resource, resource.organization) == datetime.date(2026, 5, 4)
    today(datetime.date(2026, 5, 5))
    assert _overdue_keys(resource.organization) == {"kirjaamo"}
    resource.last_reviewed = datetime.date(2026, 5, 5)  # reviewed after the agreed day: the cycle counts again
    assert review_due(resource, resource.organization) == datetime.date(2027, 5, 5)
