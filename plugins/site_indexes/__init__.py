"""Write the language-aware listings: the home page, the news index with
pagination and the 404 page, once per language."""

from pelican import signals
from pelican.generators import Generator

from bilingual import in_language
from bilingual.versions import LanguageVersions

from .navigation import menu_links


def items_for_language(originals, lang):
    """Each item once: its version in ``lang``, or the other language's with
    a visible marker in the template; newest first."""
    items = [in_language(item, lang) for item in originals]
    return sorted(items, key=lambda item: item.date, reverse=True)


class SiteIndexGenerator(Generator):
    def same_page_in_languages(self, urls, lang):
        return LanguageVersions(lang, urls, urls, self.settings["DEFAULT_LANG"])

    def generate_output(self, writer):
        home_urls = self.settings["HOME_URLS"]
        news_urls = self.settings["SECTION_URLS"]["news"]
        for lang in self.settings["LANGUAGES"]:
            news = items_for_language(self.context["articles"], lang)
            writer.write_file(
                home_urls[lang] + "index.html",
                self.get_template("home"),
                self.context,
                lang=lang,
                latest_news=news[: self.settings["HOME_NEWS_COUNT"]],
                language_versions=self.same_page_in_languages(home_urls, lang),
                url=home_urls[lang],
            )
            writer.write_file(
                news_urls[lang] + "index.html",
                self.get_template("news_index"),
                self.context,
                paginated={"articles": news},
                template_name="news_index",
                url=news_urls[lang],
                lang=lang,
                language_versions=self.same_page_in_languages(news_urls, lang),
            )
            not_found_urls = {code: home_urls[code] + "404.html" for code in home_urls}
            writer.write_file(
                not_found_urls[lang],
                self.get_template("404"),
                self.context,
                lang=lang,
                language_versions=self.same_page_in_languages(not_found_urls, lang),
                url=not_found_urls[lang],
            )


def add_generator(pelican):
    return SiteIndexGenerator


def install_navigation(generator):
    generator.env.globals["menu_links"] = menu_links


def register():
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(install_navigation)
