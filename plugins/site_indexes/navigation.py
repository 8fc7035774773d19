"""Links of the main navigation and footer, in the language of the page."""

from jinja2 import pass_context


def link_target(context, kind, key, lang):
    """URL of a section index or of a page (its translation or stub)."""
    if kind == "section":
        return context["SECTION_URLS"][key][lang]
    return context["item_urls"][("pages", key)][lang]


@pass_context
def menu_links(context):
    """(key, url) of each MAIN_MENU entry for the page's language."""
    lang = context["lang"]
    return [
        (key, link_target(context, kind, key, lang)) for kind, key in context["MAIN_MENU"]
    ]


@pass_context
def page_link(context, name):
    """(title, url) of a page by its <name>, in the page's language."""
    lang = context["lang"]
    url = link_target(context, "page", name, lang)
    for page in context["pages"]:
        for version in [page, *page.translations]:
            if version.item_name == name and version.url == url:
                return version.title, url
    original = next(p for p in context["pages"] if p.item_name == name)
    return original.title, url
