"""Every label of every edit form is translated: a label that reads the same in Finnish or Swedish as in
English (as "Processes:" did) fails, wherever it comes from (model, declaration, form or template)."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from varanto.backoffice.views.kinds import KINDS
from varanto.catalog.models import DataResource, InformationSystem, Process, Section

pytestmark = pytest.mark.django_db

# Words that are the same in the other language (checked by hand): nothing else may be.
SAME_IN = {"fi": set(), "sv": {"Organisation", "Process", "System"}}
LABEL = re.compile(r"<(label|legend|th|h2|button)\b[^>]*>(.*?)</\1>", re.S)


def _form_pages(organization) -> dict[str, str]:
    pages = {"organization": reverse("backoffice:organization_edit", args=[organization.slug])}
    for name, kind in KINDS.items():
        if kind.editing is not None and kind.name != "organization":
            pages[name] = reverse(f"backoffice:{name}_create", args=[organization.slug])
    pages["resource, edited"] = reverse("backoffice:resource_edit", args=[organization.slug, "vesihuolto"])
    return pages


def _record_names(organization) -> set[str]:
    """The names of the organisation's records, which forms show as choices: content, not labels."""
    return {
        name
        for model in (InformationSystem, Process, Section, DataResource)
        for name in model.objects.filter(organization=organization).values_list("name", flat=True)
    }


def _labels(client, path: str, language: str, skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(path).content.decode()
    main = page.split('<main id="main"')[1]
    texts = [re.sub(r"<[^>]+>|\s+", " ", m[2]).strip() for m in LABEL.finditer(main)]
    # A row's number and a record's own content (a system's name in a row) are not labels to translate.
    return [re.sub(r"\d+", "N", t) for t in texts if re.search(r"[^\W\d_]", t) and t not in skip]


def test_every_label_of_every_edit_form_is_translated_into_finnish_and_swedish(client, staff):
    client.force_login(staff.administrator)
    untranslated = []
    names = _record_names(staff.organization)
    for name, path in _form_pages(staff.organization).items():
        english = _labels(client, path, "en", names)
        assert len(english) > 3, name
        for language in ("fi", "sv"):
            other = _labels(client, path, language, names)
            assert len(other) == len(english), f"{name}: the {language} form has other fields"
            untranslated += [
                f"{name} ({language}): {text!r}"
                for text, translated in zip(english, other, strict=True)
                if text == translated and text.rstrip(":") not in SAME_IN[language]
            ]
    assert untranslated == [], "\n".join(sorted(set(untranslated)))


def test_the_check_sees_an_english_label_left_in_a_finnish_form(client, staff, monkeypatch):
    from varanto.backoffice.forms.records import ResourceForm

    original = ResourceForm.__init__

    def with_an_english_label(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.fields["purpose"].label = "Purpose"

    monkeypatch.setattr(ResourceForm, "__init__", with_an_english_label)
    client.force_login(staff.administrator)
    path = reverse("backoffice:resource_edit", args=[staff.organization.slug, "vesihuolto"])
    finnish = _labels(client, path, "fi")
    assert "Purpose:" in finnish and "Purpose:" in _labels(client, path, "en")
