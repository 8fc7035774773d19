"""Links of the main navigation in the language of the page."""

from jinja2 import pass_context

from bilingual import item_link


@pass_context
def menu_links(context):
    """(key, url) of each MAIN_MENU entry for the page's language: a section
    index, or a page (its version in this language if it has one)."""
    lang = context["lang"]
    links = []
    for kind, key in context["MAIN_MENU"]:
        if kind == "section":
            links.append((key, context["SECTION_URLS"][key][lang]))
        else:
            links.append((key, item_link(context, "pages", key).url))
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
