"""Listings do not grow with the site: with twice as many years of content,
no page links to more items than before (the sitemap is not a page)."""

from test_meetings import BASE

SECTIONS = {"ajankohtaista": "uutinen-", "kokoukset": "kokous-", "tapahtumat": "tapahtuma-",
            "hankkeet": "hanke-"}


def corpus(years):
    """The same content every year: more news and ended projects than a page holds."""
    files = dict(BASE)
    for year in years:
        for month in range(1, 13):
            name = f"{year}-{month:02}"
            files[f"news/uutinen-{name}.fi.md"] = f"Title: Uutinen {name}\nDate: {year}-{month:02}-10\n\nT.\n"
        for month in (3, 9):
            name = f"{year}-{month:02}"
            files[f"meetings/kokous-{name}.fi.md"] = (
                f"Title: Kokous {name}\nDate: {year}-{month:02}-12 12:00\nBody: johtoryhma\n\n"
                "## 1 § Asia\n\nPäätös: Hyväksyttiin.\n")
            files[f"events/tapahtuma-{name}.fi.md"] = (
                f"Title: Tapahtuma {name}\nStart: {year}-{month:02}-14 09:00\n\nT.\n")
        for number in range(12):
            files[f"projects/hanke-{year}-{number}.fi.md"] = (
                f"Title: Hanke {year} {number}\nPhase: ended\nStart: {year - 2}\nEnd: {year}\n\nH.\n")
    return files


def most_links_per_page(site):
    """For each section, the most items of it that one page links to."""
    most = dict.fromkeys(SECTIONS, 0)
    for url in site.pages():
        links = {a["href"].split("#")[0] for a in site.html(url).select("main a[href]")}
        for section, prefix in SECTIONS.items():
            linked = [href for href in links if href.startswith(f"/{section}/{prefix}")]
            most[section] = max(most[section], len(linked))
    return most


def test_listings_do_not_grow_with_the_years(build_from, tmp_path):
    three = most_links_per_page(build_from(corpus(range(2015, 2018)), output=tmp_path / "three"))
    six = most_links_per_page(build_from(corpus(range(2012, 2018)), output=tmp_path / "six"))
    assert all(count > 0 for count in three.values()), three
    assert six == three
