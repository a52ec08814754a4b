import json

from django.conf import settings
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from varanto.core.addresses import public_base_url
from varanto.core.commands import OrganizationCommand
from varanto.search.selectors import has_publications, search_referrals, search_resources
from varanto.search.services import search_index_ensure_current


class Command(OrganizationCommand):
    help = (
        "Search the latest publication of one organisation (or of every one) the way residents do: "
        "any inflected form, compound words, lay words and small typos."
    )

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="+", help="the search words")
        self.add_organization_argument(parser, help_text="the organisation, by name or short name (default: all)")
        parser.add_argument(
            "--json",
            action="store_true",
            help='print JSON: {"results": [best first], "referrals": [other authorities], "searched_also": [words]}',
        )
        parser.add_argument("--limit", type=int, default=10, help="how many results at most (default 10)")
        parser.add_argument("--explain", action="store_true", help="show which words matched and what each is worth")

    def handle(self, *args, query, limit, **options):
        if limit < 1:
            raise CommandError(f"--limit must be at least 1, not {limit}.")
        organization = self.get_organization(options) if options.get("organization") else None
        if not has_publications(organization=organization):
            raise CommandError("Nothing is published yet, so there is nothing to search.")
        search_index_ensure_current(organization=organization)
        results = search_resources(query=" ".join(query), organization=organization, limit=limit)
        for word in results.corrections:
            self.stderr.write(f"No resource mentions {word.surface!r}; searched for {word.corrected!r} instead.")
        language = settings.LANGUAGE_CODE[:2]
        with translation.override(settings.LANGUAGE_CODE):
            found = [self._result(hit) for hit in results.hits]
        referrals = [r.in_language(language) for r in search_referrals(query=results.query, organization=organization)]
        if options["json"]:
            answer = {"results": found, "referrals": referrals, "searched_also": results.searched_also}
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
            return
        if results.searched_also:
            self.stdout.write(f"Also searched: {', '.join(results.searched_also)}")
        for referral in referrals:
            self.stdout.write(f"Held by {referral['authority']}: {referral['how_to_ask']} {referral['url']}".rstrip())
        if not found:
            self.stdout.write(f"No data resource found for {results.query!r}.")
        for rank, item in enumerate(found, start=1):
            self.stdout.write(f"{rank}. {item['name']} — {item['section']} ({item['organization']}) · {item['score']}")
            self.stdout.write(f"   {item['url']}")
            if item["snippet"]:
                self.stdout.write(f"   {item['snippet_label']}: {item['snippet']}")
            if options["explain"]:
                for match in item["matches"]:
                    self.stdout.write(
                        f"     {match['word']} → {match['term']} in {match['field']} ({match['kind']}): {match['points']}"
                    )

    def _result(self, hit) -> dict:
        document = hit.document
        path = reverse("public:resource", kwargs={"org": hit.organization.slug, "key": document.resource_key})
        snippet = hit.snippet
        return {
            "name": document.name,
            "key": document.resource_key,
            "organization": hit.organization.name,
            "section": document.section_name,
            "url": public_base_url() + path,
            "score": hit.score,
            "snippet": snippet.text if snippet else "",
            "snippet_label": snippet.label if snippet else "",
            "snippet_html": str(snippet.html) if snippet else "",
            "matches": [
                {"word": c.word, "term": c.term, "field": c.field, "kind": c.kind, "points": round(c.points, 2)}
                for c in hit.contributions
            ],
        }
