"""Links of the main navigation in the language of the page."""

from jinja2 import pass_context

from bilingual import item_link
from content_model.content_type import content_types


@pass_context
def menu_links(context):
    """(url, label, language of the label) of each MAIN_MENU entry for the
    page's language: a section index, labelled with its kind's label in the
    page's language, or a page (its version in this language if it has one),
    labelled with its Menu-title or else its Title."""
    lang = context["lang"]
    kinds = content_types(context)
    translate = context.environment.globals["_"]
    links = []
    for kind, key in context["MAIN_MENU"]:
        if kind == "section":
            links.append((context["SECTION_URLS"][key][lang], context.call(translate, kinds[key].label), lang))
        else:
            page = item_link(context, "pages", key)
            links.append((page.url, getattr(page, "menu_title", None) or page.title, page.lang))
    return links


def in_section(url, here):
    """aria-current for a menu entry leading to ``url`` on the page at
    ``here``: "page" on that very page, "true" on a page under it (a news
    item under the news index), else None."""
    if here == url:
        return "page"
    if url and here.startswith(url):
        return "true"
    return None
