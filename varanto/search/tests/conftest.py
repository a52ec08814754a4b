import pytest

from varanto.search.selectors import search_resources
from varanto.search.services import search_index_ensure_current


@pytest.fixture
def search(imatra_published):
    """Search Imatra's latest publication: query → result names, best first."""

    def run(query: str, **filters) -> list[str]:
        search_index_ensure_current(organization=imatra_published)
        results = search_resources(query=query, organization=imatra_published, filters=filters)
        return [hit.document.name for hit in results.hits]

    return run
