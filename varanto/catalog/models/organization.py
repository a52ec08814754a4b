from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from varanto.catalog.slugs import validate_organization_slug

from .base import HistoryStamp


class OrganizationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    JOINT_AUTHORITY = "joint_authority", _("joint municipal authority")
    WELLBEING_COUNTY = "wellbeing_county", _("wellbeing services county")
    AGENCY = "agency", _("state agency")
    OTHER = "other", _("other public body")


class Organization(models.Model):
    """Tiedonhallintayksikkö: the public body whose model this is (a city, joint authority, agency).

    Holds what §28 asks of the body as a whole: who decides on disclosure and where
    information requests (tietopyynnöt) go.
    """

    slug = models.SlugField(_("short name"), max_length=100, unique=True, validators=[validate_organization_slug])
    name = models.CharField(_("name"), max_length=200, unique=True)
    business_id = models.CharField(_("business ID"), max_length=20, blank=True)
    organization_type = models.CharField(
        _("type"), max_length=30, choices=OrganizationType.choices, default=OrganizationType.MUNICIPALITY
    )
    homepage = models.URLField(_("home page"), blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True, help_text=_('e.g. ["fi", "sv"]'))
    updated = models.DateField(_("description last updated"), null=True, blank=True)
    descriptions = models.JSONField(
        _("description texts"), default=list, blank=True, help_text=_("[{title, text}] shown on the front page")
    )

    registry_name = models.CharField(_("registry office"), max_length=200, blank=True)
    registry_address = models.TextField(_("registry office postal address"), blank=True)
    registry_email = models.EmailField(_("registry office e-mail"), blank=True)
    registry_phone = models.CharField(_("registry office phone"), max_length=50, blank=True)
    registry_hours = models.CharField(_("registry office opening hours"), max_length=200, blank=True)
    deciding_authority = models.CharField(
        _("authority deciding on disclosure"),
        max_length=300,
        blank=True,
        help_text=_("Who decides on information requests, unless a data resource names its own."),
    )
    request_instructions = models.TextField(_("instructions for information requests"), blank=True)

    translations = models.JSONField(_("translations"), default=dict, blank=True)
    # Four eyes (neljän silmän periaate) unless the organisation has no second person to approve.
    own_approval_allowed = models.BooleanField(
        _("approving one's own changes allowed"),
        default=False,
        editable=False,
        help_text=_("For an organisation of one: whoever made a change may approve it too."),
    )
    # Vastuuhenkilöt julkisesti: the public sees responsible titles only, unless the organisation
    # chooses to name the officials too (`catalog.fields.responsible_persons_public`).
    show_responsible_persons = models.BooleanField(
        _("responsible persons shown to the public"),
        default=False,
        editable=False,
        help_text=_("The public pages and downloads name the officials responsible besides their titles."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(bases=[HistoryStamp])

    translatable_fields = ("name", "request_instructions")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class ContactPerson(models.Model):
    """Yhteyshenkilö for the description as a whole."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(bases=[HistoryStamp])

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name


class OrganizationLogo(models.Model):
    """Tunnus: the organisation's logo in the public site's header, uploaded by an administrator.

    Kept in the database (bytes checked by `catalog.services.logos`), so that backups hold it
    and no media folder needs serving. Shown from the first publication made after it was
    first uploaded; a replacement shows at once.
    """

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, primary_key=True, related_name="logo")
    image = models.BinaryField(_("image"))
    content_type = models.CharField(_("file type"), max_length=20)
    digest = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("first uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("organisation logo")
        verbose_name_plural = _("organisation logos")

    def __str__(self) -> str:
        return f"{self.organization}: {self.content_type}"
