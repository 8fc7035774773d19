"""The content contract: which keys each section's files may carry, and how
each value is read.

Every parser takes the text an editor wrote and returns the value, or raises
ValueError with what was expected and what was found.
"""

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
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


@dataclass(frozen=True)
class EventTime:
    """An event's Start or End: a day (all-day) or a day and a time."""

    moment: datetime  # aware, Europe/Helsinki; midnight for an all-day value
    all_day: bool

    def __str__(self):
        return self.moment.strftime("%Y-%m-%d" if self.all_day else "%Y-%m-%d %H:%M")


def parse_event_time(value):
    moment = parse_date(value)
    return EventTime(moment, all_day=len(value.strip()) == len("2020-06-01"))


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


@dataclass(frozen=True)
class PartialDate:
    """A project's Start or End as precise as the editor knows it: a year
    (2020), a month (2020-09) or a day (2020-09-01)."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def first_day(self):
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self):
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self):
        if self.day:
            return f"{self.day}.{self.month}.{self.year}"
        return f"{self.month}/{self.year}" if self.month else str(self.year)

    def isoformat(self):
        text = f"{self.year:04}"
        if self.month:
            text += f"-{self.month:02}"
        if self.day:
            text += f"-{self.day:02}"
        return text


def parse_partial_date(value):
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", value)
    if match:
        year, month, day = int(match[1]), int(match[2] or 0), int(match[3] or 0)
        try:
            date(year, month or 1, day or 1)
            return PartialDate(year, month, day)
        except ValueError:
            pass
    raise ValueError(_(
        "expected a year (2020), a month as YYYY-MM (2020-09) or a day as "
        "YYYY-MM-DD (2020-09-01), found '{found}'", found=value))


def parse_budget(value):
    """Euros: 313106, 313 106 or 313 106 €; cents after a comma or point."""
    cleaned = re.sub(r"[\s\u00a0\u202f]|€|eur(?:o|oa|os)?$", "", value, flags=re.I)
    cleaned = cleaned.replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        amount = None
    if amount is None or amount < 0 or not amount.is_finite():
        raise ValueError(_(
            "expected an amount in euros such as 313106 or 313 106 €, found '{found}'",
            found=value))
    return amount


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
PHASES = ("planned", "applied", "active", "ended")
parse_status = choice(STATUSES)


@dataclass(frozen=True)
class Key:
    """A header key of the contract.

    ``inherited``: a translation that does not set it takes its pair's value.
    ``shared``: a structural fact; if both files set it, the values must agree.
    """

    name: str
    parse: object
    required: bool = False
    inherited: bool = True
    shared: bool = False
    registry: str = ""  # values must be keys of this registry table

    @property
    def attribute(self):
        return self.name.lower().replace("-", "_")


COMMON_KEYS = (
    Key("Title", parse_text, required=True, inherited=False),
    Key("Date", parse_date, shared=True),
    Key("Modified", parse_date, shared=True),
    Key("Slug", parse_slug, inherited=False),
    Key("Summary", parse_text, inherited=False),
    Key("Tags", parse_list),
    # A translation may be a draft while its pair is published.
    Key("Status", parse_status, inherited=False),
    Key("Projects", parse_list, shared=True),
)


@dataclass(frozen=True)
class Section:
    """A folder of content/ and the keys its files may carry."""

    folder: str
    keys: tuple = COMMON_KEYS

    def key(self, name):
        for key in self.keys:
            if key.name.lower() == name.lower():
                return key
        return None

    def closest_keys(self, name):
        names = [key.name for key in self.keys]
        lowered = {n.lower(): n for n in names}
        matches = difflib.get_close_matches(name.lower(), lowered, n=2, cutoff=0.6)
        return [lowered[m] for m in matches]


COMMON_OPTIONAL = tuple(k for k in COMMON_KEYS if k.name != "Date")

MEETING_KEYS = COMMON_OPTIONAL + (
    # Date is the meeting's start; when the minutes do not tell it,
    # Date-range says between which days the meeting was held.
    Key("Date", parse_date, shared=True),
    Key("Date-range", parse_date_range, shared=True),
    Key("Body", parse_text, required=True, shared=True, registry="bodies"),
    Key("Location", parse_text),
    Key("Chair", parse_text),
    Key("Attendees", parse_text),
)

EVENT_STATUSES = ("cancelled", "postponed", "rescheduled")

EVENT_KEYS = COMMON_KEYS + (
    Key("Start", parse_event_time, required=True, shared=True),
    Key("End", parse_event_time, shared=True),
    Key("Location", parse_text),
    Key("Organizer", parse_text),
    Key("Registration", parse_url),
    Key("Registration-deadline", parse_event_time, shared=True),
    Key("Event-status", choice(EVENT_STATUSES), shared=True),
    Key("Previous-start", parse_event_time, shared=True),
)

PROJECT_KEYS = tuple(k for k in COMMON_KEYS if k.name != "Projects") + (
    Key("Acronym", parse_text, shared=True),
    Key("Phase", choice(PHASES), required=True, shared=True),
    Key("Start", parse_partial_date, shared=True),
    Key("End", parse_partial_date, shared=True),
    Key("Lead", parse_text),
    Key("Partners", parse_list),
    Key("Funding", parse_text),
    Key("Budget", parse_budget, shared=True),
    Key("Region", parse_list, shared=True, registry="regions"),
    Key("Contact", parse_text),
    Key("Website", parse_url),
)

NEWS_KEYS = COMMON_OPTIONAL + (Key("Date", parse_date, required=True, shared=True),)

# A page written in neither site language: it lives in the Finnish tree and
# its content is marked with this language (the page in English).
OTHER_LANGUAGES = ("en",)

# Pages are timeless and list nothing: no Date, no Projects.
PAGE_KEYS = tuple(k for k in COMMON_KEYS if k.name not in ("Date", "Projects")) + (
    Key("Language", choice(OTHER_LANGUAGES), inherited=False),
)

SECTIONS = {
    "news": Section("news", NEWS_KEYS),
    "pages": Section("pages", PAGE_KEYS),
    "meetings": Section("meetings", MEETING_KEYS),
    "projects": Section("projects", PROJECT_KEYS),
    "events": Section("events", EVENT_KEYS),
}
