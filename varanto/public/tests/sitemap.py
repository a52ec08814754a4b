"""The addresses of an organisation's public pages, for tests that must look at every one."""

from django.urls import reverse
from django.utils import translation

from varanto.publications.models import Publication

LANGUAGES = ("fi", "sv", "en")


def page_urls(organization, *, languages=LANGUAGES) -> list[str]:
    """Every public page of the organisation's latest publication, in each language."""
    publications = list(Publication.objects.filter(organization=organization).order_by("number"))
    content = publications[-1].content
    slug = organization.slug
    urls = []
    for language in languages:
        with translation.override(language):
            for name in ("front", "open_data", "history", "embed"):
                urls.append(reverse(f"public:{name}", kwargs={"org": slug}))
            urls.append(reverse("public:accessibility"))
            for name, records in (
                ("section", content["sections"]),
                ("resource", content["resources"]),
                ("system", content["systems"]),
            ):
                urls += [reverse(f"public:{name}", kwargs={"org": slug, "key": r["key"]}) for r in records]
            for publication in publications:
                for name in ("publication", "diff"):
                    urls.append(reverse(f"public:{name}", kwargs={"org": slug, "number": publication.number}))
    return urls


def page_types(organization, language: str = "fi") -> dict[str, str]:
    """One page of each kind: the kinds a visitor can reach, by name."""
    slug = organization.slug
    with translation.override(language):
        return {
            "front": reverse("public:front", kwargs={"org": slug}),
            "section": reverse("public:section", kwargs={"org": slug, "key": "kaupunkikehitys-ja-tekniset-palvelut"}),
            "resource": reverse("public:resource", kwargs={"org": slug, "key": "vesihuolto"}),
            "system": reverse("public:system", kwargs={"org": slug, "key": "m-files"}),
            "open_data": reverse("public:open_data", kwargs={"org": slug}),
            "history": reverse("public:history", kwargs={"org": slug}),
            "publication": reverse("public:publication", kwargs={"org": slug, "number": 1}),
            "diff": reverse("public:diff", kwargs={"org": slug, "number": 2}),
            "embed": reverse("public:embed", kwargs={"org": slug}),
            "accessibility": reverse("public:accessibility"),
        }
