"""The content contract: which keys each section's files may carry, and how
each value is read.

Every parser takes the text an editor wrote and returns the value, or raises
ValueError with what was expected and what was found.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FINNISH_DATE = re.compile(
    r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?:\s+(?:klo\s+)?(?P<t>\S+))?$"
)


def parse_text(value):
    if not value:
        raise ValueError("expected some text, found nothing")
    return value


def parse_date(value):
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM``, Europe/Helsinki wall-clock time."""
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
        hint = f" (write {iso}{' ' + time if time else ''})"
    elif re.match(r"^\d{4}-\d{2}-\d{2}", value):
        hint = " (that day or time does not exist)"
    raise ValueError(
        f"expected a date as YYYY-MM-DD or YYYY-MM-DD HH:MM, "
        f"for example 2020-06-01 12:00, found '{value}'{hint}"
    )


def parse_list(value):
    """Comma-separated values, blanks dropped."""
    return [part.strip() for part in value.split(",") if part.strip()]


def parse_slug(value):
    if not SLUG.match(value):
        raise ValueError(
            "expected lower-case letters a-z, digits and single hyphens "
            f"(for example om-oss), found '{value}'"
        )
    return value


STATUSES = ("published", "draft")


def parse_status(value):
    if value.lower() not in STATUSES:
        raise ValueError(f"expected one of: {', '.join(STATUSES)}, found '{value}'")
    return value.lower()


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
    Key("Status", parse_status),
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


SECTIONS = {
    "news": Section("news"),
    "pages": Section("pages"),
}
