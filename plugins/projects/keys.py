"""The keys of projects, how their periods and budgets are read, and the
rules across them."""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from content_model.messages import _
from content_model.model import line_of
from content_model.schema import Key, choice, common_keys, parse_list, parse_text, parse_url
from content_model.source import Problem


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


PHASES = ("planned", "applied", "active", "ended")

PROJECT_KEYS = common_keys("Projects") + (
    Key("Acronym", parse_text, shared=True, help=("MONNI", "Lyhenne.", "Förkortning.")),
    Key("Phase", choice(PHASES), required=True, shared=True, help=(
        "planned", "planned, applied, active tai ended.", "planned, applied, active eller ended.")),
    Key("Start", parse_partial_date, shared=True, help=("2020-09", "Alku.", "Början.")),
    Key("End", parse_partial_date, shared=True, help=("2022-12", "Loppu.", "Slut.")),
    Key("Lead", parse_text, translated=True, example_sv="Organisation", help=(
        "Organisaatio", "Päätoteuttaja.", "Huvudgenomförare.")),
    Key("Partners", parse_list, translated=True, example_sv="Vasa, Soite", help=(
        "Vaasa, Soite", "Kumppanit pilkuin erotettuina.", "Samarbetspartner, åtskilda med kommatecken.")),
    Key("Funding", parse_text, translated=True, example_sv="ESF 80 %, självfinansiering 20 %", help=(
        "ESR 80 %, omarahoitus 20 %", "Rahoitus.", "Finansiering.")),
    Key("Budget", parse_budget, shared=True, help=("313 106 €", "Budjetti euroina.", "Budget i euro.")),
    Key("Region", parse_list, shared=True, registry="regions", help=(
        "etela-pohjanmaa", "Alueet (avaimet tiedostosta registry.toml).",
        "Regioner (nycklar från filen registry.toml).")),
    Key("Contact", parse_text, translated=True, example_sv="Förnamn Efternamn, uppgift", help=(
        "Etunimi Sukunimi, tehtävä", "Yhteyshenkilö.", "Kontaktperson.")),
    Key("Website", parse_url, help=("https://www.example.fi/", "Verkkosivut.", "Webbplats.")),
)


def check_project_period(source, values):
    start, end = values.get("start"), values.get("end")
    line = line_of(source, "End")
    if line and start and end and end.last_day < start.first_day:
        source.error(line, _(
            "End {end} is before Start {start}", end=end.isoformat(), start=start.isoformat()))


def active_past_end(source, values, today):
    """A warning if the project of ``source`` is still 'active' after its
    End, on the line that says so; None otherwise. It depends on the day of
    the build, so it is checked apart from reading, which is kept."""
    end = values.get("end")
    written = "end" in source.fields or "phase" in source.fields  # not only inherited
    if written and values.get("phase") == "active" and end and end.last_day < today:
        return Problem(source.path, line_of(source, "End") or line_of(source, "Phase") or 1, _(
            "End {end} has passed but Phase is still 'active'; set 'Phase: ended' "
            "or correct End", end=end.isoformat()), "warning")
    return None
