"""Every private or undocumented API of Pelican, Python-Markdown and CPython
that the plugins use, in one place: the rest of the code calls these.

Each function names the version whose behaviour it relies on: those pinned
in requirements.txt (Pelican 4.12.0, Markdown 3.11.3), and CPython 3.11.
tests/test_pelican_adapter.py exercises each one against the installed
libraries, so that an upgrade that breaks an assumption fails the test of
that function by name.
"""

import logging
import pickle
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from contextlib import AbstractContextManager
from types import ModuleType
from typing import Any

from markdown.treeprocessors import InlineProcessor
from pelican import Pelican
from pelican.contents import Content
from pelican.generators import Generator
from pelican.log import console
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper
from pelican.utils import get_relative_path, path_to_url

# --- Pelican's plugins ------------------------------------------------------


def registered_plugins(pelican: Pelican) -> list[tuple[str, ModuleType]]:
    """[(name, module)] of the plugins Pelican registered, in the order of
    PLUGINS. Pelican 4.12 keeps their modules in ``Pelican.plugins``,
    leaving out a plugin whose register() raised, and names a plugin by
    its module's ``__name__`` (``pelican.plugins._utils.get_plugin_name``)."""
    return [(plugin.__name__, plugin) for plugin in pelican.plugins]


def pelican_summary_silenced() -> AbstractContextManager:
    """While in it, Pelican's own 'Done: Processed …' line (and whatever else
    it prints rather than logs) is not shown. Pelican 4.12 prints it on the
    rich Console at ``pelican.log.console``."""
    return console.capture()


# --- Pelican's log lines ----------------------------------------------------

# Lines Pelican 4.12 logs, as (logger, message template): our filters drop
# those that tell what our own checks tell better.
# A reader raised: ArticlesGenerator and PagesGenerator, with the file.
READ_FAILURE = ("pelican.generators", "Could not process %s")
# A {filename} link to no file, from Content._link_replacer.
LINK_NOT_FOUND = ("pelican.contents", "Unable to find '%s', skipping url replacement.")
# Two files of one item in one language, from utils.process_translations
# (its _warn_source_paths adds the paths after the template).
SAME_LANGUAGE_TWICE = ("pelican.utils", 'There are %s items "%s" with lang %s')
SEVERAL_ORIGINALS = ("pelican.utils", "There are %s original (not translated) items %s")


def is_logged_line(record: logging.LogRecord, line: tuple[str, str]) -> bool:
    """Whether the log record ``record`` is Pelican's ``line`` (one of the above)."""
    name, template = line
    return record.name == name and isinstance(record.msg, str) and record.msg.startswith(template)


# --- Pelican's generators ---------------------------------------------------


def record_failed_source(generator: Generator, path: str) -> None:
    """Note that the content file ``path`` (relative to the content folder)
    failed to read, as Pelican's own generators do: then the StaticGenerator
    does not publish it as a file (STATIC_EXCLUDE_SOURCES). Pelican 4.12 has
    only the private ``Generator._add_failed_source_path``, which maps the
    path to None in context["generated_content"]."""
    generator._add_failed_source_path(path)


# --- Pelican's content objects ----------------------------------------------

# The attributes of Pelican 4.12's Content that are not the item's own: the
# settings, the build's context, and the reader's metadata dict (whose
# values are attributes too).
NOT_OWN = ("settings", "_context", "metadata")
# Where Pelican 4.12's Content keeps the body as the reader made it, before
# {filename} links are resolved (``content`` resolves them on each access).
RAW_BODY = "_content"


def own_attributes(item: Content) -> dict[str, Any]:
    """The attributes of the content object ``item`` that are its own (see NOT_OWN)."""
    return {name: value for name, value in vars(item).items() if name not in NOT_OWN}


def raw_body(item: Content) -> str | None:
    """The body of ``item`` as the reader made it (RAW_BODY), or None."""
    return getattr(item, RAW_BODY, None)


def resolve_links(item: Content, text: str, siteurl: str) -> str:
    """``text`` with its {filename}, {static} and relative links resolved as
    they are in the body of ``item`` on a page at ``siteurl``: Pelican 4.12's
    private ``Content._update_content``, which ``Content.get_content`` uses."""
    return item._update_content(text, siteurl)


def fix_address(item: Content) -> None:
    """Keep the item's address (``url``, ``save_as``) as it is now. Pelican
    4.12's Content works it out from the settings on every access, unless
    the attribute ``override_<name>`` is set (get_url_setting): what its
    ``url`` and ``save_as`` metadata set."""
    item.override_url, item.override_save_as = item.url, item.save_as


def url_fields(item: Content) -> dict[str, Any]:
    """The fields the URL settings of ``item`` are formatted with ({slug},
    {lang}, {date}, …): Pelican 4.12's undocumented ``Content.url_format``."""
    return item.url_format


# --- Pelican's writer -------------------------------------------------------


def written_pages(name: str, url: str | None, kwargs: Mapping[str, Any],
                  paginated: Mapping[str, Sequence[Content]] | None, template_name: str | None,
                  settings: Mapping[str, Any]) -> list[tuple[str, dict[str, Any], tuple[str, ...]]]:
    """The pages one call of Pelican 4.12's ``Writer.write_file(name, …,
    paginated, template_name, url, **kwargs)`` writes: [(file name, the
    template's variables besides the context, the names of those that hold
    the previous and next page)]. Paginated, as Pelican does it: the
    ``articles`` and ``dates`` variables unless ``paginated`` is given,
    pages of PAGINATED_TEMPLATES[template_name] (or DEFAULT_PAGINATION)
    items, with ``<key>_paginator``, ``<key>_page``, ``<key>_previous_page``
    and ``<key>_next_page`` for each paginated variable."""
    if paginated is None:
        paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
    if not (paginated and template_name in settings["PAGINATED_TEMPLATES"]):
        return [(name, dict(kwargs), ())]
    per_page = settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    paginators = {key: Paginator(name, url, value, settings, per_page) for key, value in paginated.items()}
    neighbours = tuple(f"{key}_{which}_page" for key in paginators for which in ("previous", "next"))
    pages: list[tuple[str, dict[str, Any], tuple[str, ...]]] = []
    for number in range(1, next(iter(paginators.values())).num_pages + 1):
        variables = dict(kwargs)
        for key, paginator in paginators.items():
            page = paginator.page(number)
            variables.update({
                f"{key}_paginator": paginator,
                f"{key}_page": page,
                f"{key}_previous_page": paginator.page(number - 1) if number > 1 else None,
                f"{key}_next_page": paginator.page(number + 1) if number < paginator.num_pages else None,
            })
        pages.append((page.save_as, variables, neighbours))
    return pages


def page_variables(context: dict[str, Any], name: str, variables: Mapping[str, Any],
                   relative_urls: bool) -> dict[str, Any]:
    """Everything the template of the page ``name`` gets, as Pelican 4.12's
    writer gives it (the private ``_get_localcontext`` of write_file): the
    context, ``localsiteurl``, with ``relative_urls`` SITEURL and
    localsiteurl relative to the page, ``output_file``, and ``variables``."""
    local = context.copy()
    local["localsiteurl"] = local.get("localsiteurl", None)
    if relative_urls:
        local["SITEURL"] = local["localsiteurl"] = path_to_url(get_relative_path(name))
    local["output_file"] = name
    local.update(variables)
    return local


def share_page_siteurl(context: MutableMapping[str, Any], local: Mapping[str, Any]) -> None:
    """Before a page renders, Pelican 4.12's writer sets the shared context's
    ``localsiteurl`` to the page's (``local``, from page_variables) when it
    has one: the content objects resolve their links against it (through
    their private ``_context``), relative to the page being written."""
    if local["localsiteurl"]:
        context["localsiteurl"] = local["localsiteurl"]


def paginator_fields(paginator: Paginator) -> tuple[str, str | None, int, int]:
    """(name, url, count, num_pages) of a Pelican 4.12 Paginator: what a
    listing page shows of the other pages."""
    return paginator.name, paginator.url, paginator.count, paginator.num_pages


def page_fields(page: Page) -> tuple[int, str, str, Sequence[Content]]:
    """(number, save_as, url, object_list) of a page of a Pelican 4.12 Paginator."""
    return page.number, page.save_as, page.url, page.object_list


def wrapper_fields(wrapper: URLWrapper) -> tuple[str, str]:
    """(name, url) of a category, tag or author (Pelican 4.12's URLWrapper),
    whose url is worked out from the settings on each access."""
    return wrapper.name, wrapper.url


# --- Python-Markdown --------------------------------------------------------


class SkippingInlineProcessor(InlineProcessor):
    """Python-Markdown's InlineProcessor, passing over every text for which
    ``skips(text)`` is true, as it is. Python-Markdown 3.11 handles each
    text, its own recursive calls included, in the name-mangled private
    method ``InlineProcessor.__handleInline``: overriding it is the only way
    to see every text before the inline patterns are searched in it."""

    def skips(self, text: str) -> bool:
        return False

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if self.skips(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


# --- CPython ----------------------------------------------------------------

HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE


def is_heap_type(kind: type) -> bool:
    """Whether the class ``kind`` was made by a class statement (or type()),
    not written in C: CPython's undocumented ``type.__flags__`` has
    Py_TPFLAGS_HEAPTYPE (1 << 9 in CPython 3.11's object.h)."""
    return bool(kind.__flags__ & HEAP_TYPE)


def pickle_by_memo(pickler: pickle.Pickler, values: Iterable[object]) -> None:
    """Make ``pickler`` (pickle.Pickler, ``fast`` or not) write each of
    ``values`` as a reference to its memo: one opcode, not the value again.
    CPython's C Pickler takes its ``memo`` as {id(value): (index, value)}
    and looks a value up in it before writing it, in ``fast`` mode too
    (which only stops it adding to the memo)."""
    pickler.memo = {id(value): (index, value) for index, value in enumerate(values)}
