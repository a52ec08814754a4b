"""A synthetic national catalogue for the search benchmark: realistic Finnish text, recombined.

Each organisation gets `resources` data resources drawn from municipal service areas. The
text of a resource recombines real catalogue vocabulary: the Imatra demo catalogue's names,
purposes, key data sets, notes and systems, and the service areas below (written the way
publicity descriptions word them). Names repeat across organisations, as they do in reality
("Varhaiskasvatus" is in every municipality's description); the details vary.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "demo" / "imatra.catalog.json"

SECTORS = [
    "Konsernipalvelut",
    "Kasvatus ja opetus",
    "Sivistyspalvelut",
    "Kaupunkiympäristö",
    "Tekniset palvelut",
    "Elinvoimapalvelut",
    "Hyvinvointipalvelut",
    "Ympäristöpalvelut",
    "Kulttuuri- ja vapaa-aikapalvelut",
    "Hallinto- ja talouspalvelut",
]

# Service areas: (name variants, purpose phrases, key data sets, notes, systems).
AREAS = [
    (
        ["Pysäköinninvalvonta", "Pysäköinnin valvonta"],
        [
            "Lakisääteisen pysäköinninvalvonnan toteuttaminen ja seuranta",
            "Pysäköintivirhemaksujen määrääminen ja ajoneuvojen siirrot",
        ],
        [
            "pysäköintivirhemaksut",
            "siirtopäätökset",
            "oikaisuvaatimukset",
            "valokuvat ajoneuvoista",
            "rekisteritunnukset",
            "huomautukset",
        ],
        ["Asiakas voi hakea omaan asiaansa liittyviä tietoja järjestelmästä."],
        ["ParkkiV 2.0", "ATJ", "Pysäköintiportaali"],
    ),
    (
        ["Rakennusvalvonta", "Rakennuslupapalvelut"],
        ["Rakentamisen lupien käsittely ja valvonta", "Rakennuslupien, toimenpidelupien ja purkulupien käsittely"],
        [
            "rakennuslupapäätökset",
            "lupapiirustukset",
            "katselmuspöytäkirjat",
            "rakennushanketiedot",
            "rakennusten ominaisuustiedot",
        ],
        ["Luvat haetaan sähköisesti Lupapisteessä."],
        ["Lupapiste.fi", "Facta", "Trimble Locus"],
    ),
    (
        ["Kaavoitus", "Maankäytön suunnittelu"],
        ["Asemakaavojen ja yleiskaavojen laatiminen", "Kaavoituksen suunnittelu, järjestäminen ja hallinta"],
        [
            "asemakaavat",
            "yleiskaavat",
            "kaavaselostukset",
            "poikkeamislupapäätökset",
            "osallistumis- ja arviointisuunnitelmat",
        ],
        ["Kaavat nähtävillä karttapalvelussa."],
        ["Louhi-karttapalvelu", "Microstation 8", "KuntaGML"],
    ),
    (
        ["Maankäyttö ja kiinteistöt", "Paikkatietopalvelut", "Kartat ja paikkatieto"],
        ["Maanhankinta, tonttien luovutus ja paikkatiedon ylläpito", "Karttojen ja paikkatietoaineistojen hallinta"],
        [
            "kantakartta",
            "opaskartta",
            "ilmakuvat",
            "osoitetiedot",
            "maanvuokrasopimukset",
            "tonttien myynti",
            "kiinteistötoimitukset",
        ],
        ["Osa aineistoista avoimena datana."],
        ["Louhi-karttapalvelu", "Trimble Locus", "QGIS"],
    ),
    (
        ["Vesihuolto", "Vesiliikelaitos"],
        ["Talousveden toimittaminen ja jätevesien käsittely", "Vesihuollon järjestäminen ja hallinta"],
        [
            "vesijohtoverkosto",
            "viemäriverkosto",
            "vesimittarit",
            "kulutustiedot",
            "vesilaskut",
            "pumppaamot",
            "jätevedenpuhdistamon tarkkailu",
        ],
        ["Laskutus yhteistyössä talouspalveluiden kanssa."],
        ["Vesikanta CGI", "KeyPro", "Kamstrupp"],
    ),
    (
        ["Jätehuolto", "Jätehuoltoviranomainen"],
        ["Jätehuollon viranomaistehtävät ja jätteenkuljetuksen järjestäminen", "Jätehuollon valvonta ja neuvonta"],
        [
            "jäteastiat",
            "tyhjennysrekisteri",
            "kuljetusrekisteri",
            "jätemaksupäätökset",
            "lietteen kuljetukset",
            "vastaanottopaikat",
        ],
        ["Jätehuollon järjestäjänä toimii kuntien omistama yhtiö."],
        ["Vingo Jättäri", "Jätehuoltorekisteri"],
    ),
    (
        ["Ympäristönsuojelu", "Ympäristövalvonta"],
        ["Ympäristönsuojelun järjestäminen ja ympäristölupien käsittely", "Ympäristön tilan seuranta"],
        [
            "ympäristöluvat",
            "meluilmoitukset",
            "maa-ainesluvat",
            "ilmanlaadun mittaukset",
            "vesistöjen seuranta",
            "pilaantuneet maat",
        ],
        ["Luonnonsuojelualueet kuvattu paikkatietona."],
        ["Digia", "Enview", "YLVA"],
    ),
    (
        ["Ympäristöterveydenhuolto", "Elintarvikevalvonta"],
        [
            "Elintarvikevalvonta, talousveden ja uimavesien valvonta sekä eläinlääkintähuolto",
            "Ympäristöterveydenhuollon järjestäminen",
        ],
        [
            "elintarvikevalvonta",
            "talousveden valvonta",
            "asumisterveys",
            "tupakkavalvonta",
            "eläinsuojeluvalvonta",
            "uimavesien valvonta",
        ],
        ["Sisältää eläinlääkintähuollon."],
        ["Vati", "Ilppa", "Digia"],
    ),
    (
        ["Varhaiskasvatus", "Varhaiskasvatuspalvelut"],
        [
            "Varhaiskasvatus- ja esiopetuspalveluiden tuottaminen ja hallinta",
            "Päiväkotien ja perhepäivähoidon järjestäminen",
        ],
        [
            "varhaiskasvatushakemukset",
            "lapsen varhaiskasvatussuunnitelmat",
            "asiakasmaksupäätökset",
            "läsnäolotiedot",
            "päiväkotien henkilöstö",
        ],
        ["Tietoja siirretään Varda-tietovarantoon."],
        ["Effica", "Daisy", "Titania", "Wilma"],
    ),
    (
        ["Perusopetus", "Opetus ja oppilashallinto", "Lukiokoulutus"],
        [
            "Perusopetuksen ja lukiokoulutuksen järjestäminen",
            "Opetuspalveluiden tuottaminen ja hallinta esi- ja perusopetuksessa",
        ],
        [
            "oppilastiedot",
            "arvioinnit ja todistukset",
            "poissaolot",
            "oppilashuollon kertomukset",
            "koulukuljetukset",
            "opetussuunnitelmat",
        ],
        ["Tietoja siirretään Koski-tietovarantoon."],
        ["Wilma", "Primus", "Kurre", "Peda.net"],
    ),
    (
        ["Oppilashuolto", "Opiskeluhuolto"],
        [
            "Kuraattori- ja psykologipalveluiden järjestäminen",
            "Yhteisöllisen ja yksilökohtaisen opiskeluhuollon toteuttaminen",
        ],
        ["kuraattorin asiakaskertomukset", "psykologin asiakaskertomukset", "opiskeluhuoltoryhmän muistiot"],
        ["Salassa pidettäviä tietoja."],
        ["Wilma", "Effica"],
    ),
    (
        ["Kirjasto", "Kirjastopalvelut"],
        [
            "Kirjaston palveluiden ja aineistojen saatavuuden järjestäminen",
            "Lainaustoiminta ja kirjastoaineistojen hallinta",
        ],
        ["asiakasrekisteri", "lainat", "varaukset", "kirjastoaineistot", "e-aineistot"],
        ["Aineistot nähtävillä verkkokirjastossa."],
        ["Finna", "Koha", "Sierra"],
    ),
    (
        ["Museo", "Museopalvelut"],
        ["Museon kokoelmien hallinta ja näyttelytoiminta", "Kulttuuriperinnön tallentaminen"],
        ["kokoelmat", "esineluettelo", "valokuva-arkisto", "näyttelyt", "rakennusinventoinnit"],
        [],
        ["Musketti", "Finna"],
    ),
    (
        ["Kulttuuripalvelut", "Tapahtumat"],
        ["Kulttuuritoiminnan ja tapahtumien järjestäminen", "Kulttuuriavustusten myöntäminen"],
        ["tapahtumakalenteri", "kulttuuriavustukset", "esiintyjäsopimukset", "lipunmyynti"],
        [],
        ["Lippupiste", "Drupal 9"],
    ),
    (
        ["Liikuntapalvelut", "Liikuntapaikat"],
        ["Liikuntapaikkojen ylläpito ja liikuntaneuvonta", "Uimahallin ja kuntosalien toiminta"],
        ["liikuntapaikkojen varaukset", "uimahallin asiakkaat", "seuratuet", "ohjatut ryhmät"],
        [],
        ["Timmi", "Sportti-ID"],
    ),
    (
        ["Tilavaraus", "Tilojen vuokraus"],
        ["Tilojen varaaminen ja varaustilanteen hallinta", "Kokous- ja liikuntatilojen vuokraus"],
        ["varaukset", "asiakkaat ja tilat", "laskutustiedot", "kulunvalvonta"],
        ["Osa varaustiedoista julkisessa verkossa."],
        ["Timmi", "Varaamo"],
    ),
    (
        ["Nuorisopalvelut", "Nuorisotyö"],
        ["Nuorisotyön suunnittelu ja järjestäminen", "Etsivän nuorisotyön ja nuorisotilojen toiminta"],
        ["nuorisotilojen kävijät", "etsivän nuorisotyön asiakkaat", "kesäsetelit", "tapahtumat"],
        ["Sisältää ohjaamon tiedot."],
        ["Teams", "Nuorisotyön tilastointi"],
    ),
    (
        ["Vapaa sivistystyö", "Kansalaisopisto", "Musiikkiopisto"],
        ["Kansalaisopiston ja musiikkiopiston toiminnan järjestäminen", "Kurssien suunnittelu ja ilmoittautumiset"],
        ["kurssit", "ilmoittautumiset", "opiskelijat", "oppilasarviot", "opettajat"],
        ["Kurssitiedot julkisessa verkossa."],
        ["Hellewi", "Eepos", "Kurssinetti"],
    ),
    (
        ["Henkilöstö- ja palkkahallinto", "Henkilöstöpalvelut", "Rekrytointi"],
        ["Rekrytointi, palvelussuhteiden hallinta ja palkanmaksu", "Henkilöstöhallinto ja työajanseuranta"],
        ["työhakemukset", "työsopimukset", "palkkatiedot", "työvuorot", "poissaolot", "koulutukset"],
        ["Yhteistyötaho hoitaa palkanlaskennan."],
        ["Personec F", "KuntaRekry", "Populus", "Nepton"],
    ),
    (
        ["Talous", "Talouspalvelut", "Kirjanpito"],
        ["Talouden suunnittelu, kirjanpito ja maksuliikenne", "Talousarvion valmistelu ja seuranta"],
        ["talousarvio", "tilinpäätös", "ostolaskut", "myyntilaskut", "reskontrat", "kirjanpito", "maksuliikenne"],
        ["Talousportaali julkisessa verkossa."],
        ["Raindance", "Basware", "Qlik Sense", "Ceepos"],
    ),
    (
        ["Hankinnat", "Hankintapalvelut"],
        ["Hankintojen suunnittelu ja kilpailuttaminen", "Hankintasopimusten hallinta"],
        ["tarjouspyynnöt", "tarjoukset", "hankintapäätökset", "hankintasopimukset", "puitejärjestelyt"],
        ["Kilpailutukset julkaistaan Hilmassa."],
        ["Cloudia", "Hilma", "M-Files"],
    ),
    (
        ["Asianhallinta ja päätöksenteko", "Asian- ja päätöksenteon hallinta", "Kirjaamo"],
        ["Asioiden vireilletulo, valmistelu, päätöksenteko ja tiedoksianto", "Kunnan asiarekisterin ylläpito"],
        [
            "viranhaltijapäätökset",
            "pöytäkirjat",
            "esityslistat",
            "valtuuston kokousasiakirjat",
            "luottamushenkilörekisteri",
            "tietopyynnöt",
        ],
        ["Toimii tietolähteenä päätösten julkaisulle."],
        ["Dynasty", "M-Files", "Tweb", "Case M"],
    ),
    (
        ["Arkisto", "Arkistotoimi"],
        ["Päätearkiston ylläpito ja tietopalvelu", "Asiakirjojen arkistointi ja hävittäminen"],
        ["päätearkisto", "arkistoluettelot", "tiedonohjaussuunnitelma", "tietopalvelupyynnöt"],
        [],
        ["Dynasty", "Sähke2"],
    ),
    (
        ["Viestintä ja verkkosivut", "Verkkosivusto", "Intranet"],
        ["Julkisen tiedon kokoaminen kuntalaisille saavutettavassa muodossa", "Sisäinen ja ulkoinen viestintä"],
        ["kuulutukset", "tiedotteet", "uutiset", "palvelukuvaukset", "sisäiset ohjeet"],
        ["Alasivuilla myös liikelaitosten sivut."],
        ["Drupal 9", "WordPress", "Sitecore"],
    ),
    (
        ["Asiakaspalvelu ja palaute", "Palautteet", "Palvelupiste"],
        ["Asiakaspalvelu, neuvonta ja palautteiden käsittely", "Palautteiden kerääminen ja tiedolla johtaminen"],
        ["palautteet ja vastaukset", "yhteydenotot", "asiakaskyselyt"],
        ["Palautteen antaja voi päättää julkisuudesta."],
        ["Louhi", "Webropol", "ACE"],
    ),
    (
        ["Lomakkeet ja kyselyt", "Sähköinen asiointi"],
        ["Sähköisten lomakkeiden ja kyselyiden hallinta", "Verkkoasioinnin palveluiden ylläpito"],
        ["lomakkeista saatava tieto", "kyselyjen vastaukset", "hakemukset"],
        ["Lomakkeissa hyödynnetään suomi.fi-tunnistusta."],
        ["FormBox", "Webropol", "Lomakepalvelu"],
    ),
    (
        ["Tilahallinta", "Kiinteistöpalvelut"],
        ["Kaupungin tilojen ja kiinteistöjen ylläpito", "Korjausten ja investointien suunnittelu"],
        ["tilat", "korjaukset", "korjaustarpeet", "kuntoarviot", "sisäilmaselvitykset", "huoltokirjat"],
        [],
        ["Granlund Manager", "Teams", "M-Files"],
    ),
    (
        ["Kadut ja liikenne", "Katujen kunnossapito", "Liikennesuunnittelu"],
        ["Katujen rakentaminen ja kunnossapito", "Talvikunnossapito, auraus ja liukkaudentorjunta"],
        ["katuverkko", "liikennemerkit", "katuvalaistus", "aurausreitit", "katutyöluvat", "liikennelaskennat"],
        [],
        ["KuntaGML", "Infrakit", "Louhi-karttapalvelu"],
    ),
    (
        ["Viheralueet", "Puistot ja ulkoilu"],
        ["Puistojen ja viheralueiden hoito", "Ulkoilureittien ja leikkipaikkojen ylläpito"],
        ["puistot", "leikkipaikat", "puurekisteri", "ulkoilureitit", "koirapuistot"],
        [],
        ["Infrakit", "Louhi-karttapalvelu"],
    ),
    (
        ["Joukkoliikenne", "Kuljetuspalvelut"],
        ["Joukkoliikenteen järjestäminen", "Koulukuljetusten ja asiointiliikenteen järjestäminen"],
        ["linjat ja aikataulut", "koulukuljetukset", "matkakortit", "kuljetuspalvelupäätökset"],
        [],
        ["Waltti", "Kyyti"],
    ),
    (
        ["Työllisyyspalvelut", "Kotoutuminen"],
        ["Työllisyyden edistäminen ja työnhakijoiden palvelut", "Maahanmuuttajien kotouttaminen"],
        ["asiakkaat", "palkkatukipäätökset", "kotoutumissuunnitelmat", "työkokeilut"],
        [],
        ["URA", "Tyhjä"],
    ),
    (
        ["Elinkeinopalvelut", "Yrityspalvelut", "Matkailu"],
        ["Yritysneuvonta ja elinkeinoelämän kehittäminen", "Matkailun markkinointi"],
        ["yritysrekisteri", "yritysneuvonnan asiakkaat", "matkailutapahtumat", "tonttien markkinointi"],
        [],
        ["CRM Dynamics", "Drupal 9"],
    ),
    (
        ["Turvallisuus ja valmius", "Riskienhallinta"],
        ["Turvallisuus, valmius ja riskienhallinnan tietoaineistojen hallinta", "Valmiussuunnittelu ja varautuminen"],
        ["valmiussuunnitelmat", "riskiarvioinnit", "turvallisuusselvitykset", "väestönsuojat"],
        [],
        ["Granite", "M365"],
    ),
    (
        ["Hankkeet", "Kehittämishankkeet"],
        ["Hanketietojen ja hankerahoituksen hallinta", "EU-hankkeiden hallinnointi"],
        ["hankesuunnitelmat", "hankeraportit", "rahoituspäätökset"],
        [],
        ["Teams", "M-Files", "EURA 2021"],
    ),
    (
        ["Tietohallinto", "ICT-palvelut"],
        ["Tietojärjestelmien ja käyttäjätunnusten hallinta", "Tietoturvallisuuden ja käyttöoikeuksien hallinta"],
        ["käyttäjätunnukset", "käyttöoikeudet", "laitteet", "lisenssit", "tukipyynnöt"],
        ["Yhteistyötaho tuottaa ICT-palvelut."],
        ["ServiceNow", "Intune", "M365"],
    ),
]

PLACE_STARTS = [
    "Järvi",
    "Koski",
    "Lahti",
    "Mänty",
    "Koivu",
    "Kuusi",
    "Rauta",
    "Kivi",
    "Saari",
    "Salo",
    "Vaara",
    "Harju",
    "Niemi",
    "Lampi",
    "Joki",
    "Honka",
    "Pihlaja",
    "Kallio",
    "Haapa",
    "Leppä",
    "Tammi",
    "Paju",
    "Ahven",
    "Kuha",
]
PLACE_ENDS = ["niemi", "koski", "lahti", "vaara", "salo", "järvi", "harju", "mäki", "joki", "kylä", "vesi", "ranta"]
DISCLOSURE = ["public", "partial", "partial", "partial", "restricted", "none", "internal"]
API = ["no", "no", "no", "partial", "yes"]


@dataclass
class Organisation:
    name: str
    slug: str
    content: dict


def _imatra_pool() -> dict[str, list]:
    catalog = json.loads(DEMO.read_text(encoding="utf-8"))
    resources = catalog["resources"]
    return {
        "areas": [
            (
                [r["name"]],
                [r["purpose"]] if r["purpose"] else [],
                r["key_datasets"],
                [r["notes"]] if r["notes"] else [],
                [s["name"] for s in r["systems"]],
            )
            for r in resources
        ],
    }


def _place(n: int) -> str:
    start = PLACE_STARTS[n % len(PLACE_STARTS)]
    end = PLACE_ENDS[(n // len(PLACE_STARTS)) % len(PLACE_ENDS)]
    name = start + end
    return (
        name if n < len(PLACE_STARTS) * len(PLACE_ENDS) else f"{name} {n // (len(PLACE_STARTS) * len(PLACE_ENDS)) + 1}"
    )


def _genitive(place: str) -> str:
    """Rough genitive of a place name for "<place>n kaupunki" (good enough for benchmark text)."""
    last = place.split()[-1]
    stem = place[: len(place) - len(last)]
    forms = {
        "niemi": "niemen",
        "koski": "kosken",
        "lahti": "lahden",
        "järvi": "järven",
        "joki": "joen",
        "vesi": "veden",
    }
    for end, genitive in forms.items():
        if last.endswith(end):
            return stem + last[: -len(end)] + genitive
    return place + "n"


def generate(organizations: int, resources: int, seed: int = 1):
    """Yields `organizations` synthetic organisations, each with a public canonical catalogue."""
    rng = random.Random(seed)
    areas = AREAS + _imatra_pool()["areas"]
    for n in range(organizations):
        place = _place(n)
        kind = "kaupunki" if n % 3 == 0 else "kunta"
        name = f"{_genitive(place).capitalize()} {kind}"
        slug = f"bench-{n:04d}"
        sections = rng.sample(SECTORS, 5)
        chosen = rng.sample(areas, min(resources, len(areas)))
        chosen += [rng.choice(areas) for _ in range(resources - len(chosen))]
        items = []
        taken: set[str] = set()
        for position, (names, purposes, datasets, notes, systems) in enumerate(chosen):
            resource_name = rng.choice(names)
            if resource_name in taken:
                resource_name = f"{resource_name} ({rng.choice(sections).lower()})"
            taken.add(resource_name)
            items.append(
                {
                    "key": f"r{position:03d}-{hashlib.md5(resource_name.encode()).hexdigest()[:6]}",
                    "name": resource_name,
                    "section": f"s{rng.randrange(len(sections))}",
                    "purpose": rng.choice(purposes) if purposes else "",
                    "key_datasets": rng.sample(datasets, min(len(datasets), rng.randint(2, 6))),
                    "notes": rng.choice(notes) if notes and rng.random() < 0.5 else "",
                    "keywords": [],
                    "search_criteria": [],
                    "responsible": {
                        "title": rng.choice(["palvelupäällikkö", "hallintopäällikkö", "johtaja"]),
                        "organization": "",
                        "unit": "",
                    },
                    "disclosure": {
                        "level": rng.choice(DISCLOSURE),
                        "recipients": [],
                        "text": "Soveltuvin osin",
                        "deciding_authority": "",
                    },
                    "api": {"availability": rng.choice(API), "text": ""},
                    "partners": [],
                    "data_flows": [],
                    "links": [],
                    "translations": {},
                    "systems": [
                        {"name": s, "usage": ""} for s in rng.sample(systems, min(len(systems), rng.randint(1, 3)))
                    ],
                    "processes": [],
                }
            )
        content = {
            "format": "varanto.catalog/1",
            "organization": {"name": name, "type": "municipality", "languages": ["fi"], "translations": {}},
            "sections": [
                {"key": f"s{i}", "name": s, "kind": "sector", "members": [], "description": "", "translations": {}}
                for i, s in enumerate(sections)
            ],
            "resources": items,
            "systems": [],
            "processes": [],
            "open_data": {"datasets": [], "services": []},
        }
        yield Organisation(name, slug, content)


def query_vocabulary() -> dict[str, list[str]]:
    """Words residents would type, taken from the same vocabulary: names, data sets, lay words."""
    names = sorted({n for area in AREAS for n in area[0]})
    datasets = sorted({d for area in AREAS for d in area[2]})
    return {"names": names, "datasets": datasets}
