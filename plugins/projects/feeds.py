"""What projects give to feeds: a feed per project of everything on the site
that names it. A meeting whose agenda items name the project brings only
those items: the subscriber follows the project, and the whole minutes are
a link away."""

from bilingual import in_language
from content_model.content_type import N_
from feeds import Feed


def project_feeds(generator, lang):
    feeds = []
    for project in generator.context.get("projects", []):
        version = next((v for v in [project, *project.translations] if v.lang == lang), None)
        if version is None:
            continue
        named = [in_language(link.item, lang) for link in project.backlinks]
        named = sorted(named, key=generator.published, reverse=True)[:generator.settings["FEED_SIZE"]]
        # A meeting that names the project in its `Projects:` concerns it
        # as a whole; one that mentions it in § items, in those.
        numbers = {v.source_path: tuple(link.item_numbers) for link in project.backlinks
                   if link.item_numbers
                   and project.item_name not in (getattr(link.item, "projects", None) or ())
                   for v in [link.item, *link.item.translations]}
        feeds.append(Feed(
            f"project-{project.item_name}", lang, f"SONet BOTNIA: {version.title}",
            generator.gettext(lang, N_("Everything on the site that names this project.")),
            version.url, named,
            {item.source_path: numbers[item.source_path]
             for item in named if item.source_path in numbers}, since=generator.since(named),
            listed=False))
    return feeds
