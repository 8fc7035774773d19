"""Localise the theme: gettext UI strings and Babel dates in fi and sv."""

from functools import cache
from pathlib import Path

from pelican import signals

from .catalogs import Catalogs
from .dates import event_when, iso_datetime, locale, long_date, long_datetime
from .numbers import euros


@cache
def language_name(lang):
    """A language's name in that language, as a switcher shows it: Suomi, Svenska."""
    return locale(lang).get_display_name(lang).capitalize()


def install_localization(generator):
    settings = generator.settings
    catalogs = Catalogs(
        Path(generator.theme) / "translations",
        settings["LANGUAGES"],
        settings["DEFAULT_LANG"],
    )
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(catalogs.gettext, catalogs.ngettext, newstyle=True)
    env.globals["_"] = catalogs.translate
    env.filters.update(
        long_date=long_date, long_datetime=long_datetime, iso_datetime=iso_datetime,
        euros=euros, event_when=event_when,
    )
    env.globals["language_name"] = language_name


def register():
    signals.generator_init.connect(install_localization)
