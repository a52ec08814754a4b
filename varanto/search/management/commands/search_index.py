import time

from varanto.core.commands import OrganizationCommand
from varanto.search.analysis import get_analyzer
from varanto.search.selectors import publications_to_index
from varanto.search.services import search_index_delete, search_index_publication


class Command(OrganizationCommand):
    help = (
        "Build the search index of each organisation's latest publication where it is missing "
        "(publishing and searching also build it); --rebuild makes them all anew."
    )

    def add_arguments(self, parser):
        self.add_organization_argument(parser, help_text="the organisation, by name or short name (default: all)")
        parser.add_argument("--rebuild", action="store_true", help="throw the indexes away and build them again")

    def handle(self, *args, rebuild, **options):
        organization = self.get_organization(options) if options.get("organization") else None
        analyzer = get_analyzer()
        if rebuild:
            removed = search_index_delete(organization=organization)
            self.stdout.write(f"Removed {removed} search index(es).")
        publications = list(
            publications_to_index(organization=organization, analyzer=analyzer).select_related("organization")
        )
        if not publications:
            self.stdout.write(f"Every search index is up to date ({analyzer.name}).")
            return
        started = time.perf_counter()
        for done, publication in enumerate(publications, start=1):
            index = search_index_publication(publication, analyzer=analyzer)
            if index is None:
                continue  # withdrawn meanwhile
            self.stdout.write(
                f"[{done}/{len(publications)}] {publication.organization.name}, publication #{publication.number}: "
                f"{index.document_count} resources"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {len(publications)} publication(s) in {time.perf_counter() - started:.1f} s with {analyzer.name}."
            )
        )
