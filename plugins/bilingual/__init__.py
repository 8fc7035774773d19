"""Pair translations, give every page its language versions, and write the
stub pages the language switcher leads to when a translation is missing."""

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator

# original_items is for the plugins that build on this one (projects).
from .versions import LanguageVersions, in_language, link_versions, original_items  # noqa: F401

# Pairs the items the content model's reader made, by section and <name>.
AFTER = ("content_model",)


def write_language_page(generator, writer, template, urls, lang, switch=None, **variables):
    """Write the page at ``urls[lang]`` (a folder, or a file ending in .html)
    whose versions in the other languages are at the other ``urls``. A page
    whose language switcher leads elsewhere (``switch``: a 404 page's leads
    to the other home page) has no versions, and no alternates."""
    url = urls[lang]
    versions = {lang: url} if switch else urls
    switch = {**urls, **(switch or {}), lang: url}
    writer.write_file(
        url if url.endswith(".html") else url + "index.html",
        generator.get_template(template),
        generator.context,
        lang=lang,
        language_versions=LanguageVersions(lang, versions, switch, generator.settings["DEFAULT_LANG"]),
        url=url,
        **variables,
    )


def write_year_pages(generator, writer, template, urls, lang, by_year, **variables):
    """A listing that would grow with the site, split by year: the page at
    ``urls[lang]`` shows the newest year, and ``<url><year>/`` each year.
    ``by_year``: [(year, items)], newest first. Each page gets ``years``
    [(year, url)], ``year``, ``year_items`` and ``year_page``."""
    year_urls = [(year, {code: f"{url}{year}/" for code, url in urls.items()}) for year, _ in by_year]
    years = [(year, links[lang]) for year, links in year_urls]
    newest, newest_items = by_year[0] if by_year else (None, [])
    write_language_page(generator, writer, template, urls, lang, years=years, year=newest,
                        year_items=newest_items, year_page=False, **variables)
    for (year, items), (_, links) in zip(by_year, year_urls):
        write_language_page(generator, writer, template, links, lang, years=years, year=year,
                            year_items=items, year_page=True, **variables)


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
    items_by_key = {}
    for generator in generators:
        items = published_items(generator)
        stubs.extend(link_versions(items, context))
        for item in items:
            items_by_key.setdefault((item.section, item.item_name), item)
    context["translation_stubs"] = stubs
    context["items_by_key"] = items_by_key


@pass_context
def item_link(context, section, name):
    """The published item ``<section>/<name>`` in the page's language, or in
    the other language when it has no translation (templates then mark it
    with ``lang``); None if there is no such item. The page being rendered
    notes the link: its file depends on that item's address and title."""
    linked = context.get("linked_items")
    if linked is not None:
        linked.add((section, name))
    item = context["items_by_key"].get((section, name))
    return in_language(item, context["lang"]) if item else None


@pass_context
def lang_of(context, item, attribute):
    """` lang="fi"` for a value a Swedish page shows as its Finnish file wrote
    it (inherited, untranslated), so screen readers read it in Finnish."""
    written_in = getattr(item, "inherited_text", {}).get(attribute)
    if written_in and written_in != context["lang"]:
        return Markup(f' lang="{written_in}"')
    return ""


def install_item_link(generator):
    generator.env.globals.update(item_link=item_link, in_language=in_language, lang_of=lang_of)


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
    signals.generator_init.connect(install_item_link)
