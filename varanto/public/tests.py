import pytest

pytestmark = pytest.mark.django_db


def test_front_page_lists_sections_and_resources(client, imatra):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Imatran seudun ympäristötoimi" in page
    assert "Pysäköinninvalvonta" in page
    assert page.count("<li>") == 31
