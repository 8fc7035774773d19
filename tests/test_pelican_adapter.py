"""Each function of pelican_adapter against the installed Pelican,
Python-Markdown and CPython: an upgrade that breaks what one relies on
fails the test named after it."""

import datetime
import io
import logging
import pickle
import pickletools
from pathlib import Path

import pelican
import pytest
from jinja2 import Environment
from markdown import Markdown
from markdown.extensions import Extension
from pelican import Pelican
from pelican.contents import Page
from pelican.generators import ArticlesGenerator, Generator, StaticGenerator
from pelican.paginator import Paginator
from pelican.settings import read_settings
from pelican.urlwrappers import Category
from pelican.utils import process_translations
from pelican.writers import Writer

import pelican_adapter as adapter
from conftest import ROOT

LINES = {"READ_FAILURE": adapter.READ_FAILURE, "LINK_NOT_FOUND": adapter.LINK_NOT_FOUND,
         "SAME_LANGUAGE_TWICE": adapter.SAME_LANGUAGE_TWICE,
         "SEVERAL_ORIGINALS": adapter.SEVERAL_ORIGINALS}


@pytest.fixture
def settings(tmp_path):
    """The site's settings, with an empty content folder. Generators made
    here meet the receivers our plugins connected in this process: what
    those read of the settings is there (THEME_ASSET_NAMES and the kinds'
    URL settings are made at the start of a build)."""
    from content_model.content_type import content_types, derived_settings

    (tmp_path / "content").mkdir()
    made = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "output"),
        "SITEURL": "https://example.org"})
    made["THEME_ASSET_NAMES"] = {}
    made.update(derived_settings(content_types(made), made))
    return made


@pytest.fixture
def context(settings):
    return {**settings, "generated_content": {}, "static_content": {}, "static_links": set(),
            "localsiteurl": settings["SITEURL"]}


@pytest.fixture
def pelican_log(caplog, monkeypatch):
    """Pelican's log records as Pelican makes them: without the filters
    content_model puts on its loggers."""
    for name, _template in LINES.values():
        monkeypatch.setattr(logging.getLogger(name), "filters", [])
    caplog.set_level(logging.DEBUG)
    return caplog


def page(settings, context, content="Teksti.", **metadata):
    metadata = {"title": "Otsikko", "slug": "otsikko", "lang": "fi", **metadata}
    return Page(content, metadata=metadata, settings=settings,
                source_path=f"{settings['PATH']}/pages/{metadata['slug']}.{metadata['lang']}.md",
                context=context)


# --- plugins ------------------------------------------------------------------


def test_registered_plugins(settings, tmp_path):
    (tmp_path / "broken_plugin.py").write_text("def register():\n    raise ValueError('broken')\n")
    settings.update(PLUGINS=["localization", "broken_plugin"],
                    PLUGIN_PATHS=[str(ROOT / "plugins"), str(tmp_path)])
    built = Pelican(settings)
    names = [name for name, _module in adapter.registered_plugins(built)]
    assert names == ["localization"]  # in the order of PLUGINS, without the one whose register() raised
    assert adapter.registered_plugins(built)[0][1].install_localization


def test_pelican_summary_silenced(capsys):
    # Pelican's own module prints its summary on this console.
    assert pelican.console is pelican.log.console
    with adapter.pelican_summary_silenced():
        pelican.console.print("Done: Processed 1 article")
    assert capsys.readouterr().out == ""


# --- log lines ----------------------------------------------------------------


class BrokenReader:
    """A reader whose every file fails (not a BaseReader subclass, which
    Pelican would offer to every later build of this process)."""

    enabled = True
    file_extensions = ["broken"]

    def __init__(self, settings):
        self.settings = settings

    def read(self, path):
        raise ValueError("unreadable")


def read_failure(settings, context):
    (Path(settings["PATH"]) / "news").mkdir()
    (Path(settings["PATH"]) / "news/uutinen.broken").write_text("x")
    settings["READERS"] = {"broken": BrokenReader}
    generator = ArticlesGenerator(context=context, settings=settings, path=settings["PATH"],
                                  theme=settings["THEME"], output_path=settings["OUTPUT_PATH"])
    generator.generate_context()


def link_not_found(settings, context):
    assert page(settings, context, '<a href="{filename}/news/puuttuu.fi.md">x</a>').content


def two_in_one_language(settings, context):
    process_translations([page(settings, context), page(settings, context, title="Toinen")],
                         translation_id="slug")


MAKES = {"READ_FAILURE": read_failure, "LINK_NOT_FOUND": link_not_found,
         "SAME_LANGUAGE_TWICE": two_in_one_language, "SEVERAL_ORIGINALS": two_in_one_language}


@pytest.mark.parametrize("line", LINES)
def test_is_logged_line(settings, context, pelican_log, line):
    MAKES[line](settings, context)
    matching = [record for record in pelican_log.records if adapter.is_logged_line(record, LINES[line])]
    assert len(matching) == 1
    others = [name for name, other in LINES.items() if other != LINES[line]
              and adapter.is_logged_line(matching[0], other)]
    assert others == []


# --- generators ---------------------------------------------------------------


def test_record_failed_source(settings, context):
    (Path(settings["PATH"]) / "news").mkdir()
    (Path(settings["PATH"]) / "news/rikki.fi.md").write_text("Title: Rikki\n")
    settings["STATIC_PATHS"] = ["news"]  # the file would be published as it is
    made = dict(context=context, settings=settings, path=settings["PATH"], theme=settings["THEME"],
                output_path=settings["OUTPUT_PATH"])
    adapter.record_failed_source(Generator(**made), "news/rikki.fi.md")
    StaticGenerator(**made).generate_context()
    assert context["static_content"] == {}


# --- content objects ----------------------------------------------------------


def test_own_attributes(settings, context):
    item = page(settings, context)
    not_own = {name for name, value in vars(item).items()
               if value is settings or value is context or value is item.metadata}
    assert not_own == set(adapter.NOT_OWN)
    own = adapter.own_attributes(item)
    assert own["title"] == "Otsikko" and not set(own) & not_own


def test_raw_body(settings, context):
    written = '<a href="{filename}/pages/toinen.fi.md">x</a>'
    item = page(settings, context, written)
    context["generated_content"]["pages/toinen.fi.md"] = page(settings, context, slug="toinen")
    assert adapter.RAW_BODY in vars(item)
    assert adapter.raw_body(item) == written
    assert item.content == '<a href="https://example.org/toinen/">x</a>'


def test_resolve_links(settings, context):
    item = page(settings, context)
    context["generated_content"]["pages/toinen.fi.md"] = page(settings, context, slug="toinen")
    text = '<a href="{filename}/pages/toinen.fi.md">x</a> <a href="{filename}toinen.fi.md">y</a>'
    assert adapter.resolve_links(item, text, "https://example.org") == (
        '<a href="https://example.org/toinen/">x</a> <a href="https://example.org/toinen/">y</a>')


def test_fix_address(settings, context):
    item = page(settings, context, lang="sv")
    adapter.fix_address(item)
    item.settings = {**settings, "PAGE_LANG_URL": "muualla/{slug}/", "PAGE_LANG_SAVE_AS": "muualla.html"}
    item.slug = "muu"
    assert (item.url, item.save_as) == ("sv/otsikko/", "sv/otsikko/index.html")


def test_url_fields(settings, context):
    item = page(settings, context, lang="sv", date=datetime.datetime(2020, 6, 1))
    fields = adapter.url_fields(item)
    assert (fields["slug"], fields["lang"], fields["date"].year) == ("otsikko", "sv", 2020)
    assert settings["PAGE_LANG_URL"].format(**fields) == item.url


# --- writer -------------------------------------------------------------------

TEMPLATE = Environment().from_string(
    "{{ output_file }}|{{ SITEURL }}|{{ localsiteurl }}|{{ extra }}"
    "{% if articles_page %}|{{ articles_page.number }}/{{ articles_paginator.num_pages }}"
    "|{{ articles_page.object_list|join(',') }}"
    "|{{ articles_previous_page.url if articles_previous_page }}"
    "|{{ articles_next_page.url if articles_next_page }}{% endif %}")
CALLS = {
    "paginated": dict(name="ajankohtaista/index.html", url="ajankohtaista/", template_name="news_index",
                      articles=list("abcdefghijklmnopqrstuvw"), extra="x"),
    "not paginated": dict(name="tietoa/index.html", url="tietoa/", extra="y"),
    "paginated, relative": dict(name="ajankohtaista/index.html", url="ajankohtaista/",
                                template_name="news_index", articles=list("abcdefghijk"),
                                relative_urls=True, extra="z"),
}


def through_pelican(settings, context, call):
    """{file: text} and the shared context's localsiteurl after Pelican's own writer."""
    writer = Writer(settings["OUTPUT_PATH"], settings=settings)
    writer.write_file(template=TEMPLATE, context=context, **call)
    output = settings["OUTPUT_PATH"]
    files = {path.relative_to(output).as_posix(): path.read_text()
             for path in sorted(Path(output).rglob("*.html"))}
    return files, context["localsiteurl"]


def through_adapter(settings, context, call):
    call = dict(call)
    name, url, relative = call.pop("name"), call.pop("url"), call.pop("relative_urls", False)
    template_name = call.pop("template_name", None)
    files = {}
    for page_name, variables, neighbours in adapter.written_pages(name, url, call, None, template_name,
                                                                  settings):
        assert set(neighbours) <= set(variables)
        local = adapter.page_variables(context, page_name, variables, relative)
        adapter.share_page_siteurl(context, local)
        files[page_name] = TEMPLATE.render(local)
    return files, context["localsiteurl"]


@pytest.mark.parametrize("call", ["paginated", "not paginated"])
def test_written_pages(settings, context, call):
    ours = through_adapter(settings, dict(context), CALLS[call])
    assert ours == through_pelican(settings, dict(context), CALLS[call])
    assert len(ours[0]) == (3 if call == "paginated" else 1)


def test_page_variables(settings, context):
    ours = through_adapter(settings, dict(context), CALLS["paginated, relative"])
    assert ours == through_pelican(settings, dict(context), CALLS["paginated, relative"])
    assert ours[0]["ajankohtaista/2/index.html"].split("|")[:3] == [
        "ajankohtaista/2/index.html", "../..", "../.."]


def test_share_page_siteurl(settings, context):
    # The shared context is left at the last page's own address, as Pelican leaves it.
    ours = through_adapter(settings, dict(context), CALLS["paginated, relative"])[1]
    assert ours == through_pelican(settings, dict(context), CALLS["paginated, relative"])[1] == "../.."


def test_paginator_fields(settings):
    paginator = Paginator("ajankohtaista/index.html", "ajankohtaista/", list("abcde"), settings, 2)
    assert adapter.paginator_fields(paginator) == ("ajankohtaista/index.html", "ajankohtaista/", 5, 3)


def test_page_fields(settings):
    paginator = Paginator("ajankohtaista/index.html", "ajankohtaista/", list("abcde"), settings, 2)
    assert adapter.page_fields(paginator.page(2)) == (
        2, "ajankohtaista/2/index.html", "ajankohtaista/2/", ["c", "d"])


def test_wrapper_fields(settings):
    settings = {**settings, "CATEGORY_URL": "aihe/{slug}/"}
    assert adapter.wrapper_fields(Category("Uutiset", settings)) == ("Uutiset", "aihe/uutiset/")


# --- Python-Markdown ----------------------------------------------------------


class SkipsAllButLinks(adapter.SkippingInlineProcessor):
    def skips(self, text):
        return not text.startswith("[")


class SkipsAllButLinksExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(SkipsAllButLinks(md), "inline", 20)


def test_skipping_inline_processor():
    markdown = Markdown(extensions=[SkipsAllButLinksExtension()])
    assert markdown.convert("*a* ja `b`") == "<p>*a* ja `b`</p>"
    # The text inside the link is handled through it too, as Markdown's
    # own recursive call: left as it is, where Markdown would make <em>.
    assert markdown.reset().convert("[a _b_](x) c") == '<p><a href="x">a _b_</a> c</p>'
    assert Markdown().convert("[a _b_](x) c") == '<p><a href="x">a <em>b</em></a> c</p>'


# --- CPython ------------------------------------------------------------------


def test_is_heap_type():
    class Written:
        pass

    assert adapter.is_heap_type(Written) and adapter.is_heap_type(type("Made", (), {}))
    assert not any(adapter.is_heap_type(kind) for kind in (object, int, dict, datetime.date, type))


def test_pickle_by_memo():
    def pickled(preset):
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True
        if preset:
            adapter.pickle_by_memo(pickler, [tuple])
        pickler.dump([tuple, tuple])
        return buffer.getvalue()

    assert b"tuple" in pickled(False)
    assert b"tuple" not in pickled(True)
    assert [op.name for op, _arg, _pos in pickletools.genops(pickled(True))].count("BINGET") == 2
