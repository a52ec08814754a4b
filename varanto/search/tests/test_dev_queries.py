"""The resident-style dev query set (varanto/testing/data, source in its README): an expected resource in the top three."""

import json

import pytest

from varanto.conftest import TEST_DATA

DEV_QUERIES = TEST_DATA / "search_queries_dev.json"

pytestmark = pytest.mark.django_db


def test_dev_query_set_finds_an_expected_resource_in_the_top_three_for_nine_in_ten(search):
    queries = json.loads(DEV_QUERIES.read_text(encoding="utf-8"))
    misses = []
    for item in queries:
        top = search(item["q"])[:3]
        if not set(item["expect"]) & set(top):
            misses.append(f"{item['q']!r}: expected one of {item['expect']}, got {top}")
    assert len(misses) <= len(queries) // 10, "\n".join(misses)


def test_without_voikko_the_snowball_fallback_still_answers_two_in_three(search, settings):
    """Snowball strips endings but splits no compounds: weaker, and still useful."""
    settings.SEARCH_ANALYZER = "snowball"
    queries = json.loads(DEV_QUERIES.read_text(encoding="utf-8"))
    found = sum(bool(set(item["expect"]) & set(search(item["q"])[:3])) for item in queries)
    assert found >= 2 * len(queries) / 3, f"{found}/{len(queries)}"
