"""Where a reader is and where the chrome leads: the menu marks the current
section on its sub-pages, a 404 page's language link leads to the other
language's site, and titles keep every character of the heading."""

from conftest import write_files
from test_meetings import BASE

SITE = {
    **BASE,
    "news/ika.fi.md": "Title: Palvelut lapsille (ikä < 7 v.) & <perheille>\nDate: 2020-06-01 10:00\n\nT.\n",
    "news/ika.sv.md": "Title: Tjänster för barn (ålder < 7 år)\nSlug: tjanster-for-barn\n\nT sv.\n",
}


def current(soup):
    return [(a["href"], a["aria-current"]) for a in soup.select(".main-nav a[aria-current]")]


def test_menu_marks_the_section_of_a_sub_page(build_from):
    site = build_from(SITE)
    assert current(site.html("/ajankohtaista/")) == [("/ajankohtaista/", "page")]
    assert current(site.html("/ajankohtaista/ika/")) == [("/ajankohtaista/", "true")]
    assert current(site.html("/sv/aktuellt/tjanster-for-barn/")) == [("/sv/aktuellt/", "true")]
    assert current(site.html("/")) == []


def test_language_link_of_a_404_leads_to_the_other_home_page(build_from):
    site = build_from(SITE)
    assert [a["href"] for a in site.html("/404.html").select(".language-switcher a")] == ["/sv/"]
    assert [a["href"] for a in site.html("/sv/404.html").select(".language-switcher a")] == ["/"]


def test_titles_keep_text_between_angle_brackets(build_from):
    site = build_from(SITE)
    page = site.html("/ajankohtaista/ika/")
    heading = "Palvelut lapsille (ikä < 7 v.) & <perheille>"
    assert page.h1.get_text() == heading
    assert page.title.get_text() == heading + " – SONet BOTNIA"
    assert page.find("meta", property="og:title")["content"] == heading
    swedish = site.html("/sv/aktuellt/tjanster-for-barn/")
    assert swedish.title.get_text().startswith("Tjänster för barn (ålder < 7 år)")


def test_a_page_added_to_the_menu_is_labelled_with_its_menu_title_or_title(tmp_path, monkeypatch):
    import pelicanconf
    from conftest import ROOT, BuiltSite
    from site_build import build_site

    files = {**SITE,
             "pages/hallitus.fi.md": "Title: Hallitus & johtoryhmä\nMenu-title: Hallitus\n\nH.\n",
             "pages/hallitus.sv.md": "Title: Styrelse och ledningsgrupp\nSlug: styrelse\n\nS.\n",
             "pages/tilastot.fi.md": "Title: Tilastot <2020>\n\nT.\n"}
    write_files(tmp_path / "content", files)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591779600")
    menu = [*pelicanconf.MAIN_MENU, ("page", "hallitus"), ("page", "tilastot")]
    site = BuiltSite(build_site(ROOT / "pelicanconf.py", tmp_path / "output", overrides={
        "PATH": str(tmp_path / "content"), "MAIN_MENU": menu, "SEARCH_INDEX": False}))
    links = lambda soup: [(a["href"], a.get_text()) for a in soup.select(".main-nav a")]  # noqa: E731
    assert links(site.html("/"))[-3:] == [
        ("/tietoa/", "Tietoa"), ("/hallitus/", "Hallitus"), ("/tilastot/", "Tilastot <2020>")]
    # In Swedish: the translation's own Title, where it has no Menu-title;
    # the page without a translation in Finnish.
    assert links(site.html("/sv/"))[:4] == [("/sv/aktuellt/", "Aktuellt"), ("/sv/evenemang/", "Evenemang"),
                                            ("/sv/projekt/", "Projekt"), ("/sv/moten/", "Möten")]
    assert links(site.html("/sv/"))[-2:] == [("/sv/styrelse/", "Styrelse och ledningsgrupp"),
                                             ("/tilastot/", "Tilastot <2020>")]
    # Read by screen readers in the language it is written in.
    assert site.html("/sv/").select_one('.main-nav a[href="/tilastot/"]')["lang"] == "fi"
    assert not site.html("/sv/").select_one('.main-nav a[href="/sv/styrelse/"]').has_attr("lang")
