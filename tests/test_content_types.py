"""A kind of content is one package: a sixth kind (publications) is added
with nothing but its own package and its name in CONTENT_TYPES, and the
generic parts read, check, pair, write and feed it."""

import logging
import textwrap

import feedparser
import pytest

import pelicanconf
from conftest import EPOCH_JUNE_2020, ROOT, BuiltSite, write_files
from site_build import BuildFailed, build_site

PUBLICATIONS = {
    "__init__.py": '''
        """Publications: reports and guides, each with its publisher."""

        from pathlib import Path

        from pelican.contents import Page

        from content_model.content_type import ContentType, SectionFeed
        from content_model.generator import SectionGenerator
        from content_model.schema import Key, common_keys, parse_text


        class Publication(Page):
            default_template = "publication"


        class PublicationsGenerator(SectionGenerator):
            section = "publications"
            content_class = Publication


        CONTENT_TYPE = ContentType(
            folder="publications",
            noun="publication",
            label="Publications",
            keys=common_keys() + (Key("Publisher", parse_text, required=True, shared=True),),
            content_class=Publication,
            urls={"fi": "julkaisut/", "sv": "sv/publikationer/"},
            generator=PublicationsGenerator,
            section_feed=SectionFeed(
                "Publications", "New publications",
                items=lambda context: sorted(context.get("publications", []),
                                             key=lambda p: p.date, reverse=True)),
            templates=str(Path(__file__).parent / "templates"),
        )
    ''',
    "templates/publication.html": '''
        {% extends "base.html" %}
        {% set lang = publication.lang %}
        {% set language_versions = publication.language_versions %}
        {% block title %}{{ publication.title }}{% endblock %}
        {% block content %}
        <article data-pagefind-body>
          <h1>{{ publication.title }}</h1>
          <p class="publisher">{{ publication.publisher }}</p>
          {{ publication.content|safe }}
        </article>
        {% endblock %}
    ''',
    "templates/feeds/publication_entry.html": "<p>{{ item.publisher }}</p>{{ item.content|safe }}",
}

REPORT = {
    "publications/raportti.fi.md": "Title: Vuosiraportti 2020\nDate: 2020-05-04\n"
                                   "Publisher: SONet BOTNIA\n\nRaportin teksti.\n",
    "publications/raportti.sv.md": "Title: Årsrapport 2020\nSlug: arsrapport\n\nRapportens text.\n",
}


@pytest.fixture
def build_with_publications(tmp_path, monkeypatch):
    """Build ``files`` with the site's settings, the kind's package in a
    plugin folder of its own, and its name added to CONTENT_TYPES: nothing
    else of the code base changes."""
    kinds = tmp_path / "kinds"
    for relative, text in PUBLICATIONS.items():
        path = kinds / "publications" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")

    def build(files):
        from test_meetings import BASE

        content = tmp_path / "content"
        write_files(content, {**BASE, **files})
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
        return BuiltSite(build_site(ROOT / "pelicanconf.py", tmp_path / "output", overrides={
            "PATH": str(content),
            "PLUGIN_PATHS": [str(ROOT / "plugins"), str(kinds)],
            "CONTENT_TYPES": [*pelicanconf.CONTENT_TYPES, "publications"],
            "SEARCH_INDEX": False,
        }))

    yield build
    # The package stays imported in this process: later builds would find it.
    import sys

    sys.modules.pop("publications", None)


def test_a_sixth_kind_is_read_paired_written_and_fed(build_with_publications, caplog):
    caplog.set_level(logging.WARNING)
    site = build_with_publications(REPORT)
    assert not [r.getMessage() for r in caplog.records if "publications" in r.getMessage()]

    finnish = site.html("julkaisut/raportti/")
    assert finnish.h1.get_text() == "Vuosiraportti 2020"
    assert finnish.select_one(".publisher").get_text() == "SONet BOTNIA"
    # Paired with its translation, which inherits the shared Publisher.
    swedish = site.html("sv/publikationer/arsrapport/")
    assert swedish.html["lang"] == "sv"
    assert swedish.select_one(".publisher").get_text() == "SONet BOTNIA"
    alternates = {link["hreflang"]: link["href"] for link in finnish.select('link[rel="alternate"][hreflang]')}
    assert alternates["sv"].endswith("/sv/publikationer/arsrapport/")

    # Its own feed in each language, announced on every page.
    feed = feedparser.parse(site.file_for("julkaisut/atom.xml").read_bytes())
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Vuosiraportti 2020"]
    assert feed.entries[0].id.endswith(":fi/publications/raportti")
    assert "SONet BOTNIA" in feed.entries[0].content[0].value
    announced = [link["href"] for link in finnish.select('link[type="application/atom+xml"]')]
    assert any(href.endswith("/julkaisut/atom.xml") for href in announced)

    sitemap = site.file_for("sitemap.xml").read_text(encoding="utf-8")
    assert "/julkaisut/raportti/" in sitemap and "/sv/publikationer/arsrapport/" in sitemap


def test_a_sixth_kinds_keys_are_checked_like_the_others(build_with_publications, caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed):
        build_with_publications({
            "publications/opas.fi.md": "Title: Opas\nDate: 2020-05-04\nPublishr: X\n\nTeksti.\n"})
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert "publications/opas.fi.md:1: Publisher is missing: add a line 'Publisher: ...' to the header" in messages
    assert "publications/opas.fi.md:3: unknown key 'Publishr' is ignored; did you mean Publisher?" in messages
