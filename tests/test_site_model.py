"""One site model per build: two builds in one process, as `invoke serve`
rebuilds, share nothing but the build cache they are given. The second
sees none of the first's registry, projects or backlinks."""

import pytest

from conftest import ROOT, BuiltSite, write_files
from site_build import BuildCache, build_site
from test_meetings import BASE

FILES = {
    **BASE,
    "projects/kaiku.fi.md": "Title: Kaikuluotain\nAcronym: KAIKU\nPhase: applied\n\nKuvaus.\n",
    "meetings/kokous.fi.md": "Title: Kokous\nDate: 2020-05-11 12:00\nBody: johtoryhma\n\n"
                             "## 1 § KAIKU-hankkeen hakemus\n\nPäätös: Tiedoksi.\n\n"
                             "## 2 § MONNI\n\nPäätös: Tiedoksi.\n",
}
TEXT_FILES = {".html", ".xml", ".json", ".csv", ".ics", ".txt"}


def site_text(site):
    """Every text file of the site but the search index's, by path."""
    return {path.relative_to(site.path).as_posix(): path.read_text(encoding="utf-8")
            for path in site.path.rglob("*")
            if path.suffix in TEXT_FILES and "pagefind" not in path.parts}


def backlinks(site, url):
    page = site.html(url)
    return [a["href"] for a in page.select("section[aria-labelledby=backlinks-heading] a")]


@pytest.mark.parametrize("cache", ["new cache each build", "cache kept as serve keeps it"])
def test_a_second_build_in_one_process_sees_none_of_the_first_ones_state(tmp_path, monkeypatch, cache):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591779600")
    content = tmp_path / "content"
    write_files(content, FILES)
    kept = BuildCache() if cache.startswith("cache kept") else None

    def build():
        return BuiltSite(build_site(ROOT / "pelicanconf.py", tmp_path / "output",
                                    overrides={"PATH": str(content), "SEARCH_INDEX": False}, cache=kept))

    first = build()
    assert first.html("/kokoukset/kokous/").select_one("dd").get_text() == "Johtoryhmä"
    assert backlinks(first, "/hankkeet/kaiku/") == ["/kokoukset/kokous/", "/kokoukset/kokous/#pykala-1"]
    assert any("Kaikuluotain" in page for page in site_text(first).values())

    # Between the builds: the body is renamed in the registry and a project
    # that a meeting's agenda names is removed.
    registry = content / "data/registry.toml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        'fi = "Johtoryhmä"', 'fi = "Hallitus"'), encoding="utf-8")
    (content / "projects/kaiku.fi.md").unlink()

    second = build()
    assert second.html("/kokoukset/kokous/").select_one("dd").get_text() == "Hallitus"
    text = site_text(second)
    assert [path for path, page in text.items() if "Johtoryhmä" in page] == []
    assert not second.exists("/hankkeet/kaiku/")
    assert [path for path, page in text.items() if "/hankkeet/kaiku/" in page or "Kaikuluotain" in page] == []
    # The project that stays keeps its backlinks, from this build's agenda.
    assert backlinks(second, "/hankkeet/monni/") == ["/kokoukset/kokous/", "/kokoukset/kokous/#pykala-2"]
