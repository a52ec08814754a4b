"""Fixtures shared by every app's tests."""

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from django.test.utils import override_settings

from varanto.testing.browser import _chromium, browser, page  # noqa: F401  (fixtures for every app's browser tests)

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = REPO / "varanto" / "testing" / "data"  # test data kept in the repository; its README names the sources
IMATRA_PAGE = REPO / "demo" / "imatra-tietovarannot.txt"
DEMO_CATALOG = REPO / "demo" / "imatra.catalog.json"


def pytest_configure(config):
    """Settings every test runs with, whatever the checkout holds.

    STATIC_ROOT: an empty directory of this process's own, so the `var/static` that `make run`'s
    collectstatic leaves (hashed names, which the live server's finders cannot serve) changes nothing.
    PASSWORD_HASHERS: a fast hasher; full PBKDF2 costs a tenth of a second per password.
    """
    static_root = tempfile.mkdtemp(prefix="varanto-test-static-")
    atexit.register(shutil.rmtree, static_root, ignore_errors=True)
    override_settings(
        STATIC_ROOT=Path(static_root),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ).enable()


@pytest.fixture
def imatra_page() -> Path:
    """The City of Imatra's publicity description as published (kept in demo/)."""
    return IMATRA_PAGE


@pytest.fixture(scope="session")
def _imatra_rows(django_db_setup, django_db_blocker):
    """The rows importing the Imatra demo makes, imported once per test process."""
    from varanto.interchange.importing import read_catalog
    from varanto.interchange.services import catalog_import
    from varanto.testing.snapshot import RowSnapshot

    def build() -> int:
        catalog, _ = read_catalog(DEMO_CATALOG, fmt="json")
        return catalog_import(catalog, acting_user=None).organization.pk

    with django_db_blocker.unblock():
        return RowSnapshot.capture(build)


@pytest.fixture
def imatra(db, _imatra_rows):
    """The Imatra demo catalogue imported into the working model (not published)."""
    from varanto.catalog.models import Organization

    return Organization.objects.get(pk=_imatra_rows.restore())


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
