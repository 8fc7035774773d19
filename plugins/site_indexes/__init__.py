"""Write the language-aware listings: the home page, the news index with
pagination, the search page and the 404 page, once per language."""

import logging

from pelican import signals
from pelican.generators import Generator

from bilingual import in_language, write_language_page

from .front_page import front_page
from .navigation import in_section, menu_links

# check_navigation reads the items_by_key that bilingual makes on the same
# signal (all_generators_finalized); the front page reads the build clock.
AFTER = ("content_model", "bilingual")


def items_for_language(originals, lang):
    """Each item once: its version in ``lang``, or the other language's with
    a visible marker in the template; newest first."""
    items = [in_language(item, lang) for item in originals]
    return sorted(items, key=lambda item: item.date, reverse=True)


class SiteIndexGenerator(Generator):
    def generate_output(self, writer):
        home_urls = self.settings["HOME_URLS"]
        not_found_urls = {code: url + "404.html" for code, url in home_urls.items()}
        news_urls = self.settings["SECTION_URLS"]["news"]
        for lang in self.settings["LANGUAGES"]:
            news = items_for_language(self.context["articles"], lang)
            counts = {**self.settings["HOME_COUNTS"], "news": self.settings["HOME_NEWS_COUNT"]}
            # The clock decides which events are running: the page changes with it.
            write_language_page(self, writer, "home", home_urls, lang,
                                front=front_page(self.context, lang, counts),
                                build_clock=self.context["BUILD_CLOCK"])
            write_language_page(self, writer, "news_index", news_urls, lang,
                                paginated={"articles": news}, template_name="news_index")
            # A reader who switches language on a 404 wants the other
            # language's site, not its 404.
            write_language_page(self, writer, "404", not_found_urls, lang, switch=home_urls)
            write_language_page(self, writer, "search", self.settings["SEARCH_URLS"], lang)


logger = logging.getLogger(__name__)


def check_navigation(generators):
    """Every page the navigation or the footer names must exist, or every
    page of the site would carry a link to nowhere."""
    context = generators[0].context
    named = [key for kind, key in context["MAIN_MENU"] if kind == "page"]
    for name in named + list(context["FOOTER_PAGES"]):
        if ("pages", name) not in context["items_by_key"]:
            logger.error(
                "pelicanconf.py: the navigation names the page '%s', but there is no "
                "published content/pages/%s.fi.md or %s.sv.md", name, name, name)


def add_generator(pelican):
    return SiteIndexGenerator


def install_navigation(generator):
    generator.env.globals.update(menu_links=menu_links, in_section=in_section)


def register():
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(check_navigation)
    signals.generator_init.connect(install_navigation)
