"""Pair translations, give every page its language versions, and write the
stub pages the language switcher leads to when a translation is missing."""

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

from .versions import in_language, link_versions, versions_of  # noqa: F401


def published_items(generator):
    """Every published item of a generator, originals and translations."""
    if isinstance(generator, ArticlesGenerator):
        return generator.articles + generator.translations
    if isinstance(generator, PagesGenerator):
        return generator.pages + generator.translations
    return list(getattr(generator, "published_items", lambda: [])())


def link_language_versions(generators):
    context = generators[0].context
    stubs = []
    item_urls = {}
    for generator in generators:
        items = published_items(generator)
        stubs.extend(link_versions(items, context))
        for item in items:
            item_urls[(item.section, item.item_name)] = item.language_versions.switch
    context["translation_stubs"] = stubs
    # Where each item is in each language (translation or stub), for links
    # such as the navigation's that must work in both languages.
    context["item_urls"] = item_urls


class TranslationStubGenerator(Generator):
    def generate_output(self, writer):
        template = self.get_template("translation_missing")
        for stub in self.context["translation_stubs"]:
            writer.write_file(
                stub.save_as,
                template,
                self.context,
                stub=stub,
                lang=stub.lang,
                language_versions=stub.language_versions,
                url=stub.url,
            )


def add_generator(pelican):
    return TranslationStubGenerator


def register():
    signals.all_generators_finalized.connect(link_language_versions)
    signals.get_generators.connect(add_generator)
