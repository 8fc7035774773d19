"""The keys of minutes and the rules across them."""

import re

from content_model.messages import _
from content_model.schema import Key, common_keys, parse_date, parse_text


def parse_date_range(value):
    """Two dates between which something happened: ``2016-11-18 – 2016-12-09``."""
    parts = [p.strip() for p in re.split(r"(?<!\s)\s++[–-]\s+|\.\.|/", value) if p.strip()]
    if len(parts) != 2:
        raise ValueError(_(
            "expected two dates such as 2016-11-18 – 2016-12-09, found '{found}'", found=value))
    first, last = (parse_date(part) for part in parts)
    if last < first:
        raise ValueError(_("the second date comes before the first in '{found}'", found=value))
    return first, last


MEETING_KEYS = common_keys("Date") + (
    # Date is the meeting's start; when the minutes do not tell it,
    # Date-range says between which days the meeting was held.
    Key("Date", parse_date, shared=True, help=(
        "2020-06-01 12:00", "Kokouksen alkamisaika (YYYY-MM-DD HH:MM).",
        "När mötet började (YYYY-MM-DD HH:MM).")),
    Key("Date-range", parse_date_range, shared=True, help=(
        "2016-11-18 – 2016-12-09",
        "Jos kokouspäivä ei selviä: välillä, jolloin kokous pidettiin (Date pois).",
        "Om mötesdagen inte framgår: mellan vilka dagar mötet hölls (utan Date).")),
    Key("Body", parse_text, required=True, shared=True, registry="bodies", help=(
        "", "Toimielin (avain tiedostosta content/data/registry.toml).",
        "Organ (nyckel från filen content/data/registry.toml).")),
    Key("Location", parse_text, translated=True, help=(
        "Seinäjoki", "Kokouspaikka; etäkokouksessa 'Verkossa (Teams)'.",
        "Mötesplats; för distansmöten 'På nätet (Teams)'.")),
    Key("Chair", parse_text, translated=True, example_sv="Förnamn Efternamn", help=(
        "Etunimi Sukunimi", "Puheenjohtaja.", "Ordförande.")),
    Key("Attendees", parse_text, translated=True, example_sv="Förnamn Efternamn, Förnamn Efternamn", help=(
        "Etunimi Sukunimi, Etunimi Sukunimi", "Läsnä.", "Närvarande.")),
)


def check_meeting_date(source, values):
    # A Date written but not readable has its own message.
    if not {"date", "date_range"} & (values.keys() | source.unreadable_facts | {
            key.replace("-", "_") for key in source.fields}):
        source.error(1, _(
            "Date is missing: write the meeting's start as 'Date: YYYY-MM-DD HH:MM', "
            "or, if the minutes do not tell the day, 'Date-range: YYYY-MM-DD – YYYY-MM-DD'"))
