"""UI strings from the theme's gettext catalogues, compiled with Babel."""

from pathlib import Path

from babel.support import NullTranslations
from jinja2 import pass_context
from markupsafe import Markup

from content_model.messages import compile_catalog


class Catalogs:
    """The theme's translations by language, looked up by the language of the
    page being rendered (its template context's ``lang``)."""

    def __init__(self, translations_dir, languages, default_lang):
        self.default_lang = default_lang
        self.translated = {}  # see translate
        self.translations = {}
        for lang in languages:
            po_path = Path(translations_dir) / lang / "LC_MESSAGES" / "messages.po"
            self.translations[lang] = (
                compile_catalog(po_path, lang) if po_path.exists() else NullTranslations()
            )

    def for_context(self, context):
        lang = context.get("lang") or self.default_lang
        return self.translations.get(lang) or self.translations[self.default_lang]

    @pass_context
    def gettext(self, context, message):
        return self.for_context(context).ugettext(message)

    @pass_context
    def ngettext(self, context, singular, plural, number):
        return self.for_context(context).ungettext(singular, plural, number)

    @pass_context
    def translate(self, context, message, /, **variables):
        """The templates' ``_()``: what Jinja's newstyle gettext gives (the
        translation as markup, the variables escaped into it), kept for a
        message without variables, since every page asks for the same few
        dozen UI strings."""
        autoescape = context.eval_ctx.autoescape
        if variables:
            translated = self.for_context(context).ugettext(message)
            return (Markup(translated) if autoescape else translated) % variables
        key = (context.get("lang"), message, autoescape)
        if key not in self.translated:
            translated = self.for_context(context).ugettext(message)
            self.translated[key] = (Markup(translated) if autoescape else translated) % {}
        return self.translated[key]

    def status_prefix(self, lang, status):
        """'Peruttu: ' before the title of a cancelled event, as its page's
        status label says it; '' for an event as announced."""
        labels = {"cancelled": "Cancelled", "postponed": "Postponed", "rescheduled": "Rescheduled"}
        return f"{self.translations[lang].ugettext(labels[status])}: " if status else ""

    def language_marker(self, lang, item_lang):
        """' (på finska)' after the title of an item shown in a language
        other than the listing's, as partials/language_marker.html marks it."""
        if item_lang == lang:
            return ""
        language = "in Finnish" if item_lang == "fi" else "in Swedish"
        return f" ({self.translations[lang].ugettext(language)})"
