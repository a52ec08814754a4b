"""Menus by role: the back office's menu shows each role only what it can open."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = ["administrator", "publisher", "editor", "viewer"]


@pytest.mark.parametrize("role", ROLES)
def test_every_menu_link_opens_for_the_role_that_sees_it(client, staff, role):
    client.force_login(staff.by_role(role))
    home = client.get(reverse("backoffice:my_resources", args=[staff.organization.slug]))
    links = [item["url"] for item in home.context["navigation"]]
    assert links
    refused = {url: client.get(url).status_code for url in links}
    assert {url: status for url, status in refused.items() if status != 200} == {}


def test_an_editor_and_a_viewer_are_not_shown_the_information_requests_page(client, staff):
    for user in (staff.editor, staff.viewer):
        client.force_login(user)
        home = client.get(reverse("backoffice:my_resources", args=[staff.organization.slug]))
        assert reverse("backoffice:organization_edit", args=[staff.organization.slug]) not in home.content.decode()
