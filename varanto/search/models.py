"""The search index of each organisation's latest publication, and organisations' own thesaurus words.

The index is derived data: it is built from `Publication.content` (the public view only) and
can be thrown away and rebuilt at any time. Ranking reads only integer weights from it, so
SQLite and PostgreSQL order results identically.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

EXPANSION_SEPARATOR = "|"


class SearchIndex(models.Model):
    """Hakuhakemisto: the analysed words of one publication. One per organisation, for its latest publication."""

    organization = models.OneToOneField("catalog.Organization", on_delete=models.CASCADE, related_name="search_index")
    publication = models.OneToOneField(
        "publications.Publication", on_delete=models.CASCADE, related_name="search_index"
    )
    analyzer = models.CharField(max_length=40, help_text=_("the analyser and its version the words were made with"))
    document_count = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("search index")
        verbose_name_plural = _("search indexes")

    def __str__(self) -> str:
        return f"{self.publication} ({self.analyzer})"


class SearchDocument(models.Model):
    """One data resource of an indexed publication: what a result shows and what facets count."""

    index = models.ForeignKey(SearchIndex, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField(help_text=_("order in the publication; breaks ties in ranking"))
    resource_key = models.CharField(max_length=200)
    name = models.CharField(max_length=300)
    section_key = models.CharField(max_length=200)
    section_name = models.CharField(max_length=300)
    systems = models.JSONField(default=list)
    disclosure_level = models.CharField(max_length=20, blank=True)
    api_availability = models.CharField(max_length=20, blank=True)
    # [[field, text], …] in the order the resource page shows them: the source of snippets.
    texts = models.JSONField(default=list)

    class Meta:
        ordering = ["index", "position"]

    def __str__(self) -> str:
        return self.name


class SearchPosting(models.Model):
    """Hakusana → tietovaranto: one term of one document, with the weight of its best occurrence."""

    # Both references are served by the indexes below (which start with the index, or hold the
    # document), not by indexes of their own: this is the largest table, and postings go with
    # their index (deleted through `index`), so the document needs no constraint either.
    index = models.ForeignKey(SearchIndex, on_delete=models.CASCADE, db_index=False, related_name="+")
    document = models.ForeignKey(
        SearchDocument, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    # The document's position in the publication, repeated here so ranking needs no join.
    position = models.PositiveIntegerField()
    term = models.CharField(max_length=100)
    weight = models.PositiveIntegerField()
    field = models.CharField(max_length=10)
    kind = models.CharField(max_length=1)

    class Meta:
        indexes = [
            # One organisation's postings of the query terms, read from the index alone.
            models.Index(fields=["index", "term", "document", "position", "weight"], name="search_posting_in_index"),
            # Every organisation's: a term's strongest postings first, for terms in very many documents.
            models.Index(fields=["term", "-weight", "index", "position", "document"], name="search_posting_strongest"),
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.field}, {self.weight})"


class SearchTerm(models.Model):
    """A word of an index and the number of documents holding it (for weighting rare words higher).

    A word counts the documents holding it in any role: "tila" for "tilat" and for "Tilavaraus",
    whose postings have "tila-"; the role-marked terms of compound parts have no rows of their own.
    """

    index = models.ForeignKey(SearchIndex, on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=100)
    document_count = models.PositiveIntegerField()

    class Meta:
        # Covering: document frequencies are summed from this index alone.
        indexes = [models.Index(fields=["term", "index", "document_count"], name="search_term_lookup")]

    def __str__(self) -> str:
        return f"{self.term} ({self.document_count})"


class ThesaurusRelation(models.TextChoices):
    LAY = "lay", _("a word residents use → catalogue words")
    SYNONYM = "synonym", _("synonyms, both ways")


class ThesaurusEntry(models.Model):
    """Asiasanaston termi: a word residents use and the catalogue words it should find.

    Extends the thesaurus shipped with Varanto (search/data/thesaurus.csv) for one organisation,
    e.g. a local nickname of a service.
    """

    organization = models.ForeignKey(
        "catalog.Organization",
        on_delete=models.CASCADE,
        related_name="thesaurus_entries",
        verbose_name=_("organisation"),
    )
    term = models.CharField(_("word or phrase"), max_length=200, help_text=_("e.g. parkkisakko"))
    expansions = models.CharField(
        _("finds also"),
        max_length=1000,
        help_text=_("Catalogue words separated by |, e.g. pysäköintivirhemaksu|pysäköinninvalvonta"),
    )
    relation = models.CharField(
        _("relation"), max_length=10, choices=ThesaurusRelation.choices, default=ThesaurusRelation.LAY
    )
    # Search results' ETags tell an edited entry by this, without reading the entries.
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organization", "term"]
        constraints = [models.UniqueConstraint(fields=["organization", "term"], name="thesaurus_entry_unique")]
        verbose_name = _("thesaurus entry")
        verbose_name_plural = _("thesaurus entries")

    def __str__(self) -> str:
        return f"{self.term} → {self.expansions}"

    @property
    def expansion_list(self) -> list[str]:
        return [e.strip() for e in self.expansions.split(EXPANSION_SEPARATOR) if e.strip()]

    def clean(self) -> None:
        self.term = self.term.strip()
        if not self.expansion_list:
            raise ValidationError({"expansions": _("Give at least one catalogue word, separated by |.")})


class Referral(models.Model):
    """Ohjaus toiselle viranomaiselle: a matter another authority holds, and how a resident asks it.

    Since 2023 health and social care records are the wellbeing services county's, taxes
    Verohallinto's, and so on: a search for such a matter says who holds it. Each organisation
    keeps its own table (admin); until it has one, the defaults shipped in data/referrals.csv apply.
    Keywords are words or phrases separated by "|", matched in any inflected form.
    """

    organization = models.ForeignKey(
        "catalog.Organization", on_delete=models.CASCADE, related_name="referrals", verbose_name=_("organisation")
    )
    matter = models.SlugField(_("matter"), max_length=50, help_text=_("a short name of the matter, e.g. taxes"))
    keywords_fi = models.CharField(_("keywords in Finnish"), max_length=2000, help_text=_("separated by |"))
    keywords_sv = models.CharField(_("keywords in Swedish"), max_length=2000, blank=True)
    keywords_en = models.CharField(_("keywords in English"), max_length=2000, blank=True)
    authority_fi = models.CharField(_("authority in Finnish"), max_length=200)
    authority_sv = models.CharField(_("authority in Swedish"), max_length=200, blank=True)
    authority_en = models.CharField(_("authority in English"), max_length=200, blank=True)
    how_to_ask_fi = models.TextField(_("how to ask, in Finnish"), max_length=1000)
    how_to_ask_sv = models.TextField(_("how to ask, in Swedish"), max_length=1000, blank=True)
    how_to_ask_en = models.TextField(_("how to ask, in English"), max_length=1000, blank=True)
    url = models.URLField(_("address"), blank=True, help_text=_("where residents ask, e.g. https://www.vero.fi"))
    # Search results' ETag tells an edited referral by this, without reading the table.
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organization", "matter"]
        constraints = [models.UniqueConstraint(fields=["organization", "matter"], name="referral_matter_unique")]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.matter} → {self.authority_fi}"

    def clean(self) -> None:
        if not _keywords(self.keywords_fi):
            raise ValidationError({"keywords_fi": _("Give at least one keyword, separated by |.")})


def _keywords(value: str) -> list[str]:
    return [k.strip() for k in value.split(EXPANSION_SEPARATOR) if k.strip()]
