"""Static pages: timeless, listing nothing, read and written by Pelican's own
pages generator (PAGE_*), linked from the menu and the footer by <name>."""

from pelican.contents import Page

from content_model.content_type import N_, ContentType
from content_model.schema import Key, choice, common_keys, parse_text

# A page written in neither site language: it lives in the Finnish tree and
# its content is marked with this language (the page in English).
OTHER_LANGUAGES = ("en",)

CONTENT_TYPE = ContentType(
    folder="pages",
    noun="page",
    # Timeless and listing nothing: no Date, no Projects.
    keys=common_keys("Date", "Projects") + (
        Key("Menu-title", parse_text, inherited=False, translated=True, help=(
            "Tietoa meistä", "Lyhyt nimi päävalikkoon, jos sivu on siellä (muuten otsikko).",
            "Kort namn i huvudmenyn, om sidan finns där (annars rubriken).")),
        Key("Language", choice(OTHER_LANGUAGES), inherited=False, help=(
            "en", "Vain sivulle, joka ei ole suomeksi eikä ruotsiksi: en (englanniksi).",
            "Bara för en sida som varken är på finska eller svenska: en (på engelska).")),
    ),
    content_class=Page,
    urls={"fi": "", "sv": "sv/"},
    label=N_("Pages"),
    pelican_generator="PAGE",
)
