"""A standard-valid JHS 191 records management plan of an invented municipality (Esimerkkilän kunta),
made for the tests: 13 task classes and 63 document types, written as another TOS system would write
it (its own ids, some of which make no key; Swedish titles; nested actions; every restriction and
retention rule the standard has), independently of Varanto's own writer."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

NS = "http://skeemat.jhs-suositukset.fi/tos/2015/01/15"
ORGANIZATION = "Esimerkkilän kunta"

# (code, fi, sv, publicity, personal data, retention years, number of document types)
CLASSES = [
    ("00 01 00", "Hallinnon järjestäminen", "Organisering av förvaltningen", "1", "1", -1, 5),
    ("00 01 01", "Luottamushenkilöhallinto", "Förtroendemannaförvaltning", "1", "2", 10, 5),
    ("01 00 00", "Henkilöstöhallinnon ohjaus", "Styrning av personalförvaltningen", "1", "1", 10, 5),
    ("01 01 00", "Rekrytointi", "Rekrytering", "2", "2", 2, 5),
    ("01 02 00", "Palvelussuhteen hoito", "Skötsel av anställningsförhållandet", "3", "3", 50, 5),
    ("02 00 00", "Talouden suunnittelu", "Ekonomiplanering", "1", "1", -1, 5),
    ("02 01 00", "Hankinnat", "Upphandlingar", "2", "1", 10, 5),
    ("05 01 00", "Lastensuojelu", "Barnskydd", "3", "3", 120, 5),
    ("05 02 00", "Vammaispalvelut", "Handikappservice", "3", "3", 50, 5),
    ("10 02 00", "Maankäytön suunnittelu", "Markanvändningsplanering", "1", "1", -1, 5),
    ("10 03 03", "Rakennusvalvonta", "Byggnadstillsyn", "1", "2", -1, 5),
    ("12 00 00", "Varhaiskasvatus", "Småbarnspedagogik", "4", "2", 10, 4),
    ("14 01 00", "Liikuntapalvelut", "Idrottstjänster", "1", "1", 3, 4),
]
PHASES = ["vireilletulo", "valmistelu", "päätöksenteko", "toimeenpano"]
DOCUMENT_CLASSES = ["Hakemus", "Selvitys", "Lausunto", "Päätös", "Ilmoitus"]
SECRECY = {"2": "JulkL 24.1 § 29 k", "3": "JulkL 24.1 § 25 k"}


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _add(parent: Element, name: str, text=None, **attrs) -> Element:
    element = SubElement(parent, _q(name), {_q(k): v for k, v in attrs.items()})
    if text is not None:
        element.text = str(text)
    return element


def _restrictions(parent: Element, publicity: str, personal: str) -> None:
    restrictions = _add(parent, "Kayttorajoitustiedot")
    _add(restrictions, "JulkisuusluokkaKoodi", publicity)
    if publicity == "3":
        _add(restrictions, "SuojaustasoKoodi", "3")
    _add(restrictions, "HenkilotietoluonneKoodi", personal)
    if publicity in SECRECY:
        _add(restrictions, "SalassapitoAikaArvo", 25 if publicity == "2" else 100)
        _add(restrictions, "SalassapitoPerusteTeksti", SECRECY[publicity])
        _add(restrictions, "SalassapidonLaskentaperusteTeksti", "Asian ratkaisu")


def _retention(parent: Element, years: int) -> None:
    retention = _add(parent, "Sailytysaikatiedot")
    _add(retention, "SailytysajanPituusArvo", years)
    _add(retention, "SailytysajanPerusteTeksti", "KA/13089/07.01.01.03.01/2008" if years == -1 else "Kunnan päätös")
    if years != -1:
        _add(retention, "SailytysajanLaskentaperusteTeksti", "Asian lopullinen ratkaisu")


def standard_plan() -> bytes:
    """The plan as JHS 191 XML, valid against `Skeema_TOS_kooste.xsd`."""
    register_namespace("tos", NS)
    root = Element(_q("Tos"))
    info = _add(root, "TosTiedot", id="esimerkkila-tos")
    title = _add(info, "Nimeke")
    _add(_add(title, "NimekeKielella", kieliKoodi="fi"), "NimekeTeksti", "Esimerkkilän tiedonohjaussuunnitelma")
    _add(info, "YhteyshenkiloNimi", "Arkistonhoitaja")
    _add(info, "TosVersio", "3")
    _add(info, "TilaKoodi", "3")
    _add(info, "OrganisaatioNimi", ORGANIZATION)
    for n, (code, fi, sv, publicity, personal, years, documents) in enumerate(CLASSES):
        # Ids as another system makes them: some are good keys, some (dots, capitals) are not.
        luokka = _add(root, "Luokka", id=f"L{code.replace(' ', '.')}" if n % 2 else f"luokka-{n + 1}")
        _add(luokka, "Luokitustunnus", code)
        names = _add(luokka, "Nimeke")
        _add(_add(names, "NimekeKielella", kieliKoodi="fi"), "NimekeTeksti", fi)
        _add(_add(names, "NimekeKielella", kieliKoodi="sv"), "NimekeTeksti", sv)
        process = _add(luokka, "KasittelyprosessiTiedot", id=f"prosessi-{n + 1}")
        _add(process, "TietojarjestelmaNimi", "Dynasty" if n % 3 else "Asianhallinta")
        _restrictions(process, publicity, personal)
        _retention(process, years)
        made = 0
        for p, phase_name in enumerate(PHASES[: 2 + n % 3]):
            phase = _add(process, "Toimenpidetiedot", id=f"vaihe-{n + 1}-{p + 1}")
            _add(phase, "ToimenpideluokkaTeksti", phase_name)
            # Every other class nests an action in its phases; the others hold document types in the phase.
            holder = phase
            if n % 2:
                holder = _add(phase, "Toimenpidetiedot", id=f"toimenpide-{n + 1}-{p + 1}")
                _add(holder, "ToimenpideluokkaTeksti", f"{phase_name}: käsittely")
                _add(holder, "ToimenpiteenKuvausTeksti", "Asian käsittely vaiheessa")
            share = documents // 2 + (documents % 2 if p == 0 else 0) if p < 2 else 0
            for _ in range(share):
                made += 1
                record = _add(holder, "Asiakirjatieto", id=f"asiakirja-{n + 1}-{made}")
                _restrictions(record, publicity, personal)
                _retention(record, years)
                document_class = DOCUMENT_CLASSES[(made - 1) % len(DOCUMENT_CLASSES)]
                _add(record, "AsiakirjaluokkaTeksti", document_class)
                _add(record, "AsiakirjaluokkaTarkenneTeksti", f"{fi}: {document_class.lower()} {made}")
                _add(record, "TietojarjestelmaNimi", "Dynasty")
        assert made == documents, code
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="utf-8")


def counts() -> tuple[int, int]:
    """(task classes, document types) of `standard_plan`."""
    return len(CLASSES), sum(c[-1] for c in CLASSES)
