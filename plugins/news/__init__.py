"""News: dated items, read and written by Pelican's own articles generator
(ARTICLE_*), listed on the news index and the front page, and in the news
feed of each language."""

from pelican.contents import Article

from content_model.content_type import N_, ContentType, Scaffold, SectionFeed
from content_model.schema import Key, common_keys, parse_date


CONTENT_TYPE = ContentType(
    folder="news",
    noun="news",
    label=N_("News"),
    keys=common_keys(Date=Key("Date", parse_date, required=True, shared=True,
                              help=common_keys()[1].help)),
    content_class=Article,
    urls={"fi": "ajankohtaista/", "sv": "sv/aktuellt/"},
    pelican_generator="ARTICLE",
    section_feed=SectionFeed(
        N_("SONet BOTNIA: news"),
        N_("News of SONet BOTNIA, the social welfare competence centre of the Ostrobothnian regions."),
        items=lambda context: sorted(context.get("articles", []), key=lambda a: a.date, reverse=True)),
    scaffold=Scaffold(
        name=lambda slug, values: f"{values['Date'][:10]}-{slug}",
        defaults={"Date": lambda day: day.strftime("%Y-%m-%d")},
    ),
)
