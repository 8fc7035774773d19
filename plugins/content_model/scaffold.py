"""`invoke new`: both language files of a new item, with every key of its
section present, the optional ones as comments that explain them."""

import re
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

from .messages import _
from .model import unknown_reference
from .schema import SECTIONS

# For each key: an example value and what it means, in Finnish and Swedish.
KEY_HELP = {
    "Title": ("", "Otsikko.", "Rubrik."),
    "Date": ("2020-06-01 12:00", "Julkaisuaika (YYYY-MM-DD tai YYYY-MM-DD HH:MM).",
             "Publiceringstid (YYYY-MM-DD eller YYYY-MM-DD HH:MM)."),
    "Modified": ("2020-06-05", "Viimeisin päivitys.", "Senaste uppdatering."),
    "Slug": ("", "Osoitteen loppuosa: pienet kirjaimet a-z, numerot ja väliviivat.",
             "Slutet av adressen: små bokstäver a-z, siffror och bindestreck."),
    "Summary": ("Yksi virke tiivistelmäksi.", "Tiivistelmä listoihin ja hakukoneille.",
                "Sammanfattning för listor och sökmotorer."),
    "Tags": ("lastensuojelu, MONNI", "Asiasanat pilkuin erotettuina.",
             "Ämnesord, åtskilda med kommatecken."),
    "Status": ("draft", "draft = luonnos, ei näy sivustolla.",
               "draft = utkast, syns inte på webbplatsen."),
    "Projects": ("monni", "Hankkeet, joihin asia liittyy (hanketiedostojen nimet).",
                 "Projekt som saken gäller (projektfilernas namn)."),
    "Date-range": ("2016-11-18 – 2016-12-09",
                   "Jos kokouspäivä ei selviä: välillä, jolloin kokous pidettiin (Date pois).",
                   "Om mötesdagen inte framgår: mellan vilka dagar mötet hölls (utan Date)."),
    "Body": ("", "Toimielin (avain tiedostosta content/data/registry.toml).",
             "Organ (nyckel från filen content/data/registry.toml)."),
    "Location": ("Seinäjoki", "Paikka; verkkotapahtumassa 'Verkossa (Teams)'.",
                 "Plats; för evenemang på nätet 'På nätet (Teams)'."),
    "Chair": ("Etunimi Sukunimi", "Puheenjohtaja.", "Ordförande."),
    "Attendees": ("Etunimi Sukunimi, Etunimi Sukunimi", "Läsnä.", "Närvarande."),
    "Acronym": ("MONNI", "Lyhenne.", "Förkortning."),
    "Phase": ("planned", "planned, applied, active tai ended.", "planned, applied, active eller ended."),
    "Start": ("2020-09", "Alku.", "Början."),
    "End": ("2022-12", "Loppu.", "Slut."),
    "Lead": ("Organisaatio", "Päätoteuttaja.", "Huvudgenomförare."),
    "Partners": ("Vaasa, Soite", "Kumppanit pilkuin erotettuina.", "Samarbetspartner, åtskilda med kommatecken."),
    "Funding": ("ESR 80 %, omarahoitus 20 %", "Rahoitus.", "Finansiering."),
    "Budget": ("313 106 €", "Budjetti euroina.", "Budget i euro."),
    "Region": ("etela-pohjanmaa", "Alueet (avaimet tiedostosta registry.toml).",
               "Regioner (nycklar från filen registry.toml)."),
    "Contact": ("Etunimi Sukunimi, tehtävä", "Yhteyshenkilö.", "Kontaktperson."),
    "Website": ("https://www.example.fi/", "Verkkosivut.", "Webbplats."),
    "Organizer": ("SONet BOTNIA", "Järjestäjä.", "Arrangör."),
    "Registration": ("https://www.example.fi/ilmoittaudu", "Ilmoittautumislinkki.", "Anmälningslänk."),
    "Registration-deadline": ("2020-09-01", "Ilmoittautumisen viimeinen päivä.", "Sista anmälningsdag."),
    "Event-status": ("cancelled", "cancelled, postponed tai rescheduled.", "cancelled, postponed eller rescheduled."),
    "Language": ("en", "Vain sivulle, joka ei ole suomeksi eikä ruotsiksi: en (englanniksi).",
                 "Bara för en sida som varken är på finska eller svenska: en (på engelska)."),
    "Previous-start": ("2020-09-01 09:00", "Muuttuneen tapahtuman alkuperäinen alku.",
                       "Ett flyttat evenemangs ursprungliga början."),
}

# Where a section's key means something else than KEY_HELP says.
SECTION_HELP = {
    ("events", "Start"): ("2020-10-23 09:00", "Alku: päivä (koko päivän tapahtuma) tai päivä ja kellonaika.",
                          "Början: dag (heldagsevenemang) eller dag och klockslag."),
    ("events", "End"): ("2020-10-23 15:00", "Päättymisaika (YYYY-MM-DD HH:MM); voi olla myöhempänä päivänä.",
                        "Sluttid (YYYY-MM-DD HH:MM); kan vara en senare dag."),
    ("events", "Date"): ("2020-06-01", "Ilmoituksen julkaisupäivä.", "Meddelandets publiceringsdag."),
    ("meetings", "Location"): ("Seinäjoki", "Kokouspaikka; etäkokouksessa 'Verkossa (Teams)'.",
                               "Mötesplats; för distansmöten 'På nätet (Teams)'."),
    ("meetings", "Date"): ("2020-06-01 12:00", "Kokouksen alkamisaika (YYYY-MM-DD HH:MM).",
                           "När mötet började (YYYY-MM-DD HH:MM)."),
}
# What the header of the Swedish file says of its own keys.
SWEDISH_HELP = {
    "Title": "Översätt rubriken till svenska.",
    "Slug": "Svensk adress: översätt slutet av adressen, små bokstäver a-z, siffror och bindestreck.",
    "Status": "draft = utkast; gäller bara den svenska filen, den finska syns ändå.",
}

SWEDISH_EXAMPLES = {
    "Summary": "En mening som sammanfattning.",
    "Tags": "barnskydd, MONNI",
    "Location": "Seinäjoki",
    "Lead": "Organisation",
    "Partners": "Vasa, Soite",
    "Funding": "ESF 80 %, självfinansiering 20 %",
    "Contact": "Förnamn Efternamn, uppgift",
    "Chair": "Förnamn Efternamn",
    "Attendees": "Förnamn Efternamn, Förnamn Efternamn",
}

# Keys a translation sets itself; everything else it inherits.
TRANSLATED_KEYS = ("Title", "Slug", "Summary", "Status", "Location", "Organizer", "Lead", "Partners",
                   "Funding", "Contact", "Chair", "Attendees", "Tags")

BODIES = {
    "meetings": (
        "Kokouksen johdanto tähän.\n\n## 1 § Pykälän otsikko tähän\n\nSelostus tähän.\n\n"
        "Esitys: Esitys tähän.\n\nPäätös: Päätös tähän.\n",
        "Inledningen här.\n\n## 1 § Paragrafens rubrik här\n\nRedogörelsen här.\n\n"
        "Förslag: Förslaget här.\n\nBeslut: Beslutet här.\n",
    ),
}
DEFAULT_BODY = ("Kirjoita teksti tähän.\n", "Skriv texten här.\n")
# What an earlier `invoke new` wrote that no real text says ('Inledning.',
# which it wrote too, is also a real introduction's heading).
EARLIER_PLACEHOLDERS = {"Kokouksen johdanto.", "## 2 § Asia", "## 2 § Ärende",
                        "Selostus.", "Redogörelse."}
# Every line of the texts above is one an editor is to replace: left in, it
# is an error (see body.check_body).
PLACEHOLDER_LINES = EARLIER_PLACEHOLDERS | {
    line for text in (*BODIES["meetings"], *DEFAULT_BODY) for line in text.split("\n") if line}


def slugify(text):
    """ä→a, ö→o, å→a, everything else that is not a-z or 0-9 → hyphen."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "nimeton"


def item_name(section, title, values):
    slug = slugify(title)
    if section == "news":
        return f"{values['Date'][:10]}-{slug}"
    if section == "events":
        return f"{values['Start'][:10]}-{slug}"
    if section == "meetings":
        return f"{values['Date'][:10]}-{values['Body']}"
    if section == "projects":
        return slugify(values.get("Acronym") or title)
    return slug


def event_end_example(start):
    """Two hours after a Start with a time; the next day after an all-day one."""
    if len(start.strip()) > 10:
        return (datetime.fromisoformat(start.strip()) + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    return (date.fromisoformat(start.strip()) + timedelta(days=1)).isoformat()


# What the header of a translation says of its own keys, in its language.
TRANSLATION_HELP = {"sv": SWEDISH_HELP, "fi": {
    "Title": "Käännä otsikko suomeksi.",
    "Slug": "Suomenkielinen osoite: pienet kirjaimet a-z, numerot ja väliviivat.",
    "Status": "draft = luonnos; koskee vain suomenkielistä tiedostoa, ruotsinkielinen näkyy silti.",
}}
INHERITED_NOTE = {"sv": "# Övriga uppgifter ärvs från den finska filen.",
                  "fi": "# Muut tiedot periytyvät ruotsinkielisestä tiedostosta."}


def header(section, values, lang, facts=True):
    """The header lines in ``lang``: set keys with their values, the others
    commented. With ``facts`` every key, as the file the editor works in
    has them; without, a translation's own keys only (it inherits the rest)."""
    fi = lang == "fi"
    own_help = {} if facts else TRANSLATION_HELP[lang]
    lines = []
    for key in SECTIONS[section].keys:
        example, help_fi, help_sv = SECTION_HELP.get((section, key.name), KEY_HELP[key.name])
        if not facts and key.name not in TRANSLATED_KEYS:
            continue
        if not fi:
            example = SWEDISH_EXAMPLES.get(key.name, example)
        explained = own_help.get(key.name, help_fi if fi else help_sv)
        if key.name == "Slug":
            example = slugify(values["Title"])
        if section == "events" and "Start" in values:
            # Examples that agree with the event's Start: it ends that day,
            # and registration closes a week before.
            day = values["Start"][:10]
            if key.name == "End":
                example = event_end_example(values["Start"])
            if key.name == "Registration-deadline":
                example = (date.fromisoformat(day) - timedelta(days=7)).isoformat()
        if key.name in values:
            if key.name in own_help:
                lines.append(f"# {explained}")
            lines.append(f"{key.name}: {values[key.name]}")
        else:
            lines.append(f"# {explained}")
            lines.append(f"# {key.name}: {example}")
    if not facts:
        lines.append(INHERITED_NOTE[lang])
    return "\n".join(lines)


def new_item(content_root, section, title, values, build_date, languages=("fi", "sv"), working="fi"):
    """Write <section>/<name>.<lang>.md for each of ``languages``; refuse to
    overwrite any. ``values`` holds the keys given on the command line; the
    shared facts go into the file of the ``working`` language (the editor's),
    or of the only language."""
    values = {key: value for key, value in values.items() if value}
    values["Title"] = title
    if section in ("news", "meetings"):
        values.setdefault("Date", build_date.strftime("%Y-%m-%d"))
    if section == "events":
        values.setdefault("Start", build_date.strftime("%Y-%m-%d"))
        # When it is announced: its feed entry's date, which must not move.
        values.setdefault("Date", build_date.strftime("%Y-%m-%d"))
    if section == "projects":
        values.setdefault("Phase", "planned")
    name = item_name(section, title, values)
    folder = Path(content_root) / section
    paths = [folder / f"{name}.{lang}.md" for lang in languages]
    existing = [str(path) for path in paths if path.exists()]
    if existing:
        raise FileExistsError(", ".join(existing))
    folder.mkdir(parents=True, exist_ok=True)
    bodies = dict(zip(("fi", "sv"), BODIES.get(section, DEFAULT_BODY)))
    working = working if working in languages else languages[0]
    for lang, path in zip(languages, paths):
        facts = lang == working
        text = header(section, values if facts else {"Title": title}, lang, facts)
        path.write_text(f"{text}\n\n{bodies[lang]}", encoding="utf-8")
    return paths


def invalid_values(section, values, registry):
    """What is wrong with the keys given on the command line, in the words
    the build would use for them in a file: '--date 16.9.2020' is told to
    be written 2020-09-16, '--body pohjanmaa' which bodies there are."""
    problems = []
    for name, value in values.items():
        key = SECTIONS[section].key(name)
        if not value or key is None:
            continue
        try:
            parsed = key.parse(value)
        except ValueError as error:
            problems.append(_("{key}: {problem}", key=key.name, problem=error.args[0]))
            continue
        choices = getattr(registry, key.registry, None) if key.registry else None
        for entry in (parsed if isinstance(parsed, list) else [parsed]) if choices is not None else ():
            if entry not in choices:
                problems.append(unknown_reference(key.name, entry, choices))
    return problems
