"""Dates in words of the page's language, by Babel's locale data; the
machine's system locales are never consulted."""

from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_datetime
from jinja2 import pass_context

from content_model.schema import HELSINKI


def page_lang(context):
    return context.get("lang") or context["DEFAULT_LANG"]


@cache
def locale(lang):
    """Babel's locale of ``lang``, parsed once: Babel would parse the code
    again for every date it formats."""
    return Locale.parse(lang)


@pass_context
def long_date(context, value):
    """1. kesäkuuta 2020 / 1 juni 2020"""
    return long_date_in(value, page_lang(context))


@pass_context
def long_datetime(context, value):
    """1. kesäkuuta 2020 klo 12.00 / 1 juni 2020 kl. 12.00"""
    return long_datetime_in(value, page_lang(context))


# A date is shown on many pages (a meeting on its body's, its projects' and
# the register's pages) and Babel formats slowly: each once per language.
# Room for every date of a site many times the real one's, in both languages.
@lru_cache(maxsize=1 << 14)
def long_date_in(value, lang):
    return format_date(value.astimezone(HELSINKI), "long", locale=locale(lang))


@lru_cache(maxsize=1 << 14)
def long_datetime_in(value, lang):
    local = value.astimezone(HELSINKI)
    # Finland-Swedish writes times as Finnish does, with a full stop: kl. 12.00.
    pattern = "d. MMMM y 'klo' H.mm" if lang == "fi" else "d MMMM y 'kl.' H.mm"
    return format_datetime(local, pattern, locale=locale(lang))


def iso_datetime(value):
    """For the machine-readable datetime attribute of <time>: a moment, or
    an event's Start or End, which is a day alone when it is all-day."""
    if getattr(value, "all_day", False):
        return value.moment.date().isoformat()
    return getattr(value, "moment", value).astimezone(HELSINKI).isoformat()


TIME_WORDS = {"fi": "klo", "sv": "kl."}


def clock_time(moment):
    """12 or 11.30, as times are written in Finland in both languages."""
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02}"


def time_range(start, end, lang):
    """ti 2.6.2020 klo 12–14 / tis 2.6.2020 kl. 12–14, and the all-day and
    multi-day forms; ``start`` and ``end`` are EventTime values."""
    word = TIME_WORDS.get(lang, TIME_WORDS["fi"])

    def day(value):
        return format_date(value.moment.astimezone(HELSINKI), "EEE d.M.yyyy", locale=locale(lang))

    def day_and_time(value):
        if value.all_day:
            return day(value)
        return f"{day(value)} {word} {clock_time(value.moment.astimezone(HELSINKI))}"

    if end is None:
        return day_and_time(start)
    same_day = start.moment.date() == end.moment.date()
    if same_day and start.all_day:
        return day(start)
    if same_day and not end.all_day:
        return f"{day_and_time(start)}–{clock_time(end.moment.astimezone(HELSINKI))}"
    return f"{day_and_time(start)} – {day_and_time(end)}"


@pass_context
def event_when(context, event):
    return time_range(event.start, getattr(event, "end", None), page_lang(context))
