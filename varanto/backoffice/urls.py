"""Back-office URLs under /hallinta/ (Finnish paths; the interface language follows the user's choice)."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .sso import views as sso
from .views import (
    branding,
    bulk,
    handover,
    imports,
    integrations,
    lists,
    notifications,
    people,
    records,
    reports,
    resources,
    review,
    tasks,
)
from .views.common import chosen_language
from .views.kinds import KINDS, Kind

app_name = "backoffice"

# The path segment of each kind of record (a test checks that every kind in `kinds.KINDS` has one).
SEGMENTS = {
    "resource": "tietovarannot",
    "system": "jarjestelmat",
    "section": "toimialat",
    "process": "prosessit",
    "interface": "liittymat",
    "dataset": "avoin-data",
    "service": "rajapintapalvelut",
    "task_class": "tehtavaluokat",
    "action": "toimenpiteet",
    "document_type": "asiakirjatyypit",
}


def _record_urls(kind: Kind, segment: str) -> list:
    base, name = f"<slug:org>/{segment}/", kind.name
    urls = []
    if kind.editing is not None:
        urls += [
            path(f"{base}uusi/", records.record_create, {"kind": name}, name=f"{name}_create"),
            path(f"{base}<slug:key>/muokkaa/", records.record_edit, {"kind": name}, name=f"{name}_edit"),
        ]
        if kind.deletable:
            urls.append(path(f"{base}<slug:key>/poista/", records.record_delete, {"kind": name}, name=f"{name}_delete"))
    urls += [
        path(f"{base}<slug:key>/historia/", records.record_history, {"kind": name}, name=f"{name}_history"),
        path(
            f"{base}<slug:key>/historia/<int:history_id>/palauta/",
            records.record_restore_view,
            {"kind": name},
            name=f"{name}_restore",
        ),
    ]
    return urls


urlpatterns = [
    path("kirjaudu/", chosen_language(sso.SignIn.as_view()), name="login"),
    path("kirjaudu/sso/", chosen_language(sso.SsoStart.as_view()), name="sso_start"),
    path("kirjaudu/sso/paluu/", sso.SsoCallback.as_view(), name="sso_callback"),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(next_page=reverse_lazy("backoffice:login")), name="logout"),
    path("salasana/", people.PasswordChange.as_view(), name="password"),
    path("muistutukset/", notifications.reminders, name="reminders"),
    path("", lists.home, name="home"),
    # Before the organisation's pages, so that these are not taken for an organisation's short name.
    path("tuo/", imports.import_start, name="import_new"),
    path("tuonnit/<int:pk>/", imports.import_draft, name="import_draft"),
    path("tuonnit/<int:pk>/tuo/", imports.import_draft_confirm, name="import_confirm"),
    path("aloitusmalli/", imports.starter, name="starter"),
    # Record pages first, so that "uusi" (new) is not taken for a record's key.
    *[url for kind in KINDS.values() if kind.owned for url in _record_urls(kind, SEGMENTS[kind.name])],
    path("<slug:org>/", lists.my_resources_view, name="my_resources"),
    path("<slug:org>/tietovarannot/", lists.resource_list, name="resource_list"),
    path("<slug:org>/tietovarannot/<slug:key>/", resources.resource_detail, name="resource_detail"),
    path("<slug:org>/tietovarannot/<slug:key>/tarkistus/", resources.resource_review, name="resource_review"),
    path("<slug:org>/tietovarannot/<slug:key>/vastuu/", resources.resource_editor, name="resource_editor"),
    path("<slug:org>/jarjestelmat/", lists.system_list, name="system_list"),
    path("<slug:org>/jarjestelmat/<slug:key>/", resources.system_detail, name="system_detail"),
    path("<slug:org>/jarjestelmat/<slug:key>/tarkistus/", resources.system_reviewed, name="system_reviewed"),
    path("<slug:org>/toimialat/", lists.section_list, name="section_list"),
    path("<slug:org>/prosessit/", lists.process_list, name="process_list"),
    path("<slug:org>/liittymat/", lists.interface_list, name="interface_list"),
    path("<slug:org>/tehtavaluokat/", tasks.task_class_list, name="task_class_list"),
    path("<slug:org>/toimenpiteet/", tasks.action_list, name="action_list"),
    path("<slug:org>/asiakirjatyypit/", tasks.document_type_list, name="document_type_list"),
    path("<slug:org>/myohassa/", lists.overdue, name="overdue"),
    path("<slug:org>/poistetut/", records.deleted, name="deleted"),
    path("<slug:org>/yhteystiedot/", records.record_edit, {"kind": "organization"}, name="organization_edit"),
    path(
        "<slug:org>/yhteystiedot/historia/",
        records.record_history,
        {"kind": "organization"},
        name="organization_history",
    ),
    path(
        "<slug:org>/yhteystiedot/historia/<int:history_id>/palauta/",
        records.record_restore_view,
        {"kind": "organization"},
        name="organization_restore",
    ),
    path("<slug:org>/tarkistus/", review.review, name="review"),
    path("<slug:org>/julkaise/", review.publish, name="publish"),
    path("<slug:org>/julkaisut/<int:number>/peru/", review.withdraw, name="publication_withdraw"),
    path("<slug:org>/kattavuus/", reports.completeness, name="completeness"),
    path("<slug:org>/joukkomuokkaus/", bulk.bulk_edit, name="bulk_edit"),
    path("<slug:org>/katsaus/", reports.board, name="board"),
    path("<slug:org>/katsaus.pdf", reports.board_pdf, name="board_pdf"),
    path("<slug:org>/vaikutukset/", reports.impact, name="impact"),
    path("<slug:org>/vaikutukset/<str:kind>/<slug:key>/", reports.impact_report_view, name="impact_report"),
    path("<slug:org>/arviot/<int:pk>/", reports.assessment_detail, name="assessment"),
    path("<slug:org>/arviot/<int:pk>/muokkaa/", reports.assessment_edit, name="assessment_edit"),
    path("<slug:org>/arviot/<int:pk>/xlsx/", reports.assessment_xlsx, name="assessment_xlsx"),
    path("<slug:org>/kaavio/", reports.graph, name="graph"),
    path("<slug:org>/kaavio.svg", reports.graph_svg, name="graph_svg"),
    path("<slug:org>/kayttajat/", people.users, name="users"),
    path("<slug:org>/kayttajat/<int:pk>/", people.membership, name="membership"),
    path("<slug:org>/kayttajat/<int:pk>/muistutus/", notifications.reminder_preview, name="reminder_preview"),
    path("<slug:org>/kayttajat/luovutus/", handover.handover, name="handover"),
    path("<slug:org>/kayttajat/hyvaksynta/", people.own_approval, name="own_approval"),
    path("<slug:org>/integraatiot/", integrations.integrations, name="integrations"),
    path("<slug:org>/integraatiot/<int:pk>/peru/", integrations.integration_revoke, name="integration_revoke"),
    path("<slug:org>/loki/", people.audit, name="audit"),
    path("<slug:org>/tuo/", imports.import_start, name="import_start"),
    path("<slug:org>/tunnus/", branding.logo, name="logo"),
    path("<slug:org>/tunnus/vastuuhenkilot/", branding.persons_shown, name="persons_shown"),
]
