"""Dates in words of the page's language, by Babel's locale data; the
machine's system locales are never consulted."""

from babel.dates import format_date, format_datetime
from jinja2 import pass_context

from content_model.schema import HELSINKI


def page_lang(context):
    return context.get("lang") or context["DEFAULT_LANG"]


@pass_context
def long_date(context, value):
    """1. kesäkuuta 2020 / 1 juni 2020"""
    return format_date(value.astimezone(HELSINKI), "long", locale=page_lang(context))


@pass_context
def long_datetime(context, value):
    """1. kesäkuuta 2020 klo 12.00 / 1 juni 2020 kl. 12:00"""
    lang = page_lang(context)
    local = value.astimezone(HELSINKI)
    pattern = "d. MMMM y 'klo' H.mm" if lang == "fi" else "d MMMM y 'kl.' HH:mm"
    return format_datetime(local, pattern, locale=lang)


def iso_datetime(value):
    """For the machine-readable datetime attribute of <time>."""
    return value.astimezone(HELSINKI).isoformat()
