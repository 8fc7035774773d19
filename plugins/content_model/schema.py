"""The content contract's parts every kind of content uses: the common
keys, and how each value is read. Each kind declares its own keys in its
package (content_type.py).

Every parser takes the text an editor wrote and returns the value, or raises
ValueError with what was expected and what was found.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from .messages import _

HELSINKI = ZoneInfo("Europe/Helsinki")

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FINNISH_DATE = re.compile(
    r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?:\s+(?:klo\s+)?(?P<t>\S+))?$"
)


def parse_text(value):
    if not value:
        raise ValueError(_("expected some text, found nothing"))
    return value


def parse_date(value):
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``, Europe/Helsinki wall-clock time."""
    if value.strip().upper() in ("YYYY-MM-DD", "YYYY-MM-DD HH:MM"):
        # Left so by `invoke import-minutes` where the text did not tell the day.
        raise ValueError(_(
            "not filled in: write the day, for example 2020-06-01 12:00; for minutes that do "
            "not tell it, write 'Date-range: YYYY-MM-DD – YYYY-MM-DD' instead of Date"))
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=HELSINKI)
        except ValueError:
            continue
    hint = ""
    finnish = FINNISH_DATE.match(value)
    if finnish:
        time = finnish["t"].replace(".", ":") if finnish["t"] else ""
        iso = f"{finnish['y']}-{int(finnish['m']):02}-{int(finnish['d']):02}"
        hint = _(" (write {date})", date=f"{iso} {time}".strip())
    elif re.match(r"^\d{4}-\d{2}-\d{2}", value):
        hint = _(" (that day or time does not exist)")
    raise ValueError(_(
        "expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, "
        "for example 2020-06-01 12:00, found '{found}'{hint}", found=value, hint=hint))


def parse_list(value):
    """Comma-separated values, blanks dropped."""
    return [part.strip() for part in value.split(",") if part.strip()]


def parse_slug(value):
    if not SLUG.match(value):
        raise ValueError(_(
            "expected lower-case letters a-z, digits and single hyphens "
            "(for example om-oss), found '{found}'", found=value)
        )
    return value


def parse_url(value):
    if not re.match(r"^https?://[^\s]+$", value):
        raise ValueError(_(
            "expected a web address starting with https://, found '{found}'", found=value))
    return value


def choice(allowed):
    def parse_choice(value):
        if value.lower() not in allowed:
            raise ValueError(_("expected one of: {allowed}, found '{found}'",
                               allowed=", ".join(allowed), found=value))
        return value.lower()

    return parse_choice


STATUSES = ("published", "draft")
parse_status = choice(STATUSES)


@dataclass(frozen=True)
class Key:
    """A header key of the contract.

    ``inherited``: a translation that does not set it takes its pair's value.
    ``shared``: a structural fact; if both files set it, the values must agree.
    ``help``: (example value, what it means in Finnish, in Swedish), for the
    files `invoke new` writes; ``example_sv``, the Swedish file's example where
    it differs. ``translated``: a translation writes it itself (text in its
    language), so `invoke new` puts it in the translation's header too.
    """

    name: str
    parse: object
    required: bool = False
    inherited: bool = True
    shared: bool = False
    registry: str = ""  # values must be keys of this registry table
    help: tuple = ("", "", "")
    example_sv: str = ""
    translated: bool = False

    @property
    def attribute(self):
        return self.name.lower().replace("-", "_")


COMMON_KEYS = (
    Key("Title", parse_text, required=True, inherited=False, translated=True, help=("", "Otsikko.", "Rubrik.")),
    Key("Date", parse_date, shared=True, help=(
        "2020-06-01 12:00", "Julkaisuaika (YYYY-MM-DD tai YYYY-MM-DD HH:MM).",
        "Publiceringstid (YYYY-MM-DD eller YYYY-MM-DD HH:MM).")),
    Key("Modified", parse_date, shared=True, help=(
        "2020-06-05", "Viimeisin päivitys.", "Senaste uppdatering.")),
    Key("Slug", parse_slug, inherited=False, translated=True, help=(
        "", "Osoitteen loppuosa: pienet kirjaimet a-z, numerot ja väliviivat.",
        "Slutet av adressen: små bokstäver a-z, siffror och bindestreck.")),
    Key("Summary", parse_text, inherited=False, translated=True, example_sv="En mening som sammanfattning.", help=(
        "Yksi virke tiivistelmäksi.", "Tiivistelmä listoihin ja hakukoneille.",
        "Sammanfattning för listor och sökmotorer.")),
    Key("Tags", parse_list, translated=True, example_sv="barnskydd, MONNI", help=(
        "lastensuojelu, MONNI", "Asiasanat pilkuin erotettuina.", "Ämnesord, åtskilda med kommatecken.")),
    # A translation may be a draft while its pair is published.
    Key("Status", parse_status, inherited=False, translated=True, help=(
        "draft", "draft = luonnos, ei näy sivustolla.", "draft = utkast, syns inte på webbplatsen.")),
    # The projects are the site's own items, not a registry table (see KnownNames).
    Key("Projects", parse_list, shared=True, registry="projects", help=(
        "monni", "Hankkeet, joihin asia liittyy (hanketiedostojen nimet).",
        "Projekt som saken gäller (projektfilernas namn).")),
)


def common_keys(*left_out, **replaced):
    """COMMON_KEYS without the names ``left_out``, with the keys ``replaced``
    ({name: Key}) in their place."""
    return tuple(replaced.get(key.name, key) for key in COMMON_KEYS if key.name not in left_out)
