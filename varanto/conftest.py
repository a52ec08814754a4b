"""Fixtures shared by every app's tests."""

from pathlib import Path

import pytest

from varanto.testing.browser import browser, page  # noqa: F401  (fixtures for every app's browser tests)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
IMATRA_PAGE = SHARED / "seeds" / "imatra-tietovarannot.txt"
DEMO_CATALOG = REPO / "demo" / "imatra.catalog.json"


@pytest.fixture
def imatra_page() -> Path:
    """The City of Imatra's publicity description as published (../shared/seeds)."""
    assert IMATRA_PAGE.exists(), f"{IMATRA_PAGE} is missing: ../shared must sit beside the repository"
    return IMATRA_PAGE


@pytest.fixture
def imatra(db):
    """The Imatra demo catalogue imported into the working model (not published)."""
    from varanto.interchange.importing import read_catalog
    from varanto.interchange.services import catalog_import

    catalog, _ = read_catalog(DEMO_CATALOG, fmt="json")
    return catalog_import(catalog, acting_user=None).organization


@pytest.fixture
def imatra_published(imatra):
    """The Imatra demo catalogue imported and published once."""
    from varanto.publications.services import publication_create

    publication_create(organization=imatra, note="Testijulkaisu")
    return imatra


@pytest.fixture(autouse=True)
def _public_caches_start_empty():
    """The public site caches publications and pages in the process; a test's database is new each time."""
    from varanto.public.cache import public_caches_clear

    public_caches_clear()
    yield
    public_caches_clear()
