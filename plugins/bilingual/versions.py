"""Which language versions an item has, and where a reader who switches
language lands when a version is missing."""

from dataclasses import dataclass, field

from pelican_adapter import url_fields


@dataclass
class LanguageVersions:
    """The languages of one rendered page.

    ``urls``: the real versions (hreflang alternates), by language.
    ``switch``: where the language switcher leads, by language: the
    translation, or a stub page saying the item exists in one language only.
    """

    lang: str
    urls: dict
    switch: dict = field(default_factory=dict)
    default_lang: str = "fi"

    @property
    def x_default(self):
        if self.default_lang in self.urls:
            return self.urls[self.default_lang]
        return self.urls[self.lang]

    def paged(self, number):
        """The versions of page ``number`` of a paginated listing; follows
        PAGINATION_PATTERNS ('{base_name}/{number}/'), and every language's
        listing has the same items, so the same number of pages."""
        if number == 1:
            return self
        urls = {lang: f"{url}{number}/" for lang, url in self.urls.items()}
        return LanguageVersions(self.lang, urls, dict(urls), self.default_lang)


@dataclass
class TranslationStub:
    """A page in ``lang`` telling that ``original`` exists only in its own
    language, with a link to it. Never a 404 behind the switcher."""

    original: object
    lang: str
    url: str
    save_as: str
    language_versions: LanguageVersions = None

    @property
    def title(self):
        return self.original.title


def url_setting(item, lang, default_lang, what):
    """Pelican's URL setting for ``item`` as if it were written in ``lang``:
    ARTICLE_URL for the default language, ARTICLE_LANG_URL for the others."""
    kind = type(item).__name__.upper()
    return f"{kind}_{'' if lang == default_lang else 'LANG_'}{what}"


def versions_of(item):
    """The item itself and its translations, by language."""
    return {version.lang: version for version in [item, *item.translations]}


def in_language(item, lang):
    """The item's version in ``lang``, or the item itself if it has none."""
    return versions_of(item).get(lang, item)


def original_items(items):
    """One version of each item: the default-language one, or the only one."""
    return [item for item in items if item.in_default_lang or not item.translations]


def link_versions(items, settings):
    """Attach ``language_versions`` to every item; return the stub pages for
    the languages an item lacks."""
    default_lang = settings["DEFAULT_LANG"]
    stubs = []
    for item in items:
        versions = versions_of(item)
        urls = {lang: version.url for lang, version in versions.items()}
        item.language_versions = LanguageVersions(
            item.lang, urls, dict(urls), default_lang
        )
    for item in items:
        if item.translations:
            continue  # with two languages, only a lone item lacks one
        for lang in settings["LANGUAGES"]:
            if lang == item.lang:
                continue
            stub = TranslationStub(
                original=item,
                lang=lang,
                url=settings[url_setting(item, lang, default_lang, "URL")].format(
                    **url_fields(item)
                ),
                save_as=settings[
                    url_setting(item, lang, default_lang, "SAVE_AS")
                ].format(**url_fields(item)),
            )
            # The switcher leads back to the item; the stub is in no hreflang
            # pair, and names no canonical address: it is not a version of it.
            switch = {item.lang: item.url, lang: stub.url}
            stub.language_versions = LanguageVersions(lang, {}, switch, default_lang)
            item.language_versions.switch[lang] = stub.url
            stubs.append(stub)
    return stubs
