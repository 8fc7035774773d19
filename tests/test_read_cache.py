"""What the reader made is kept between builds and shared by every page and
plugin of a build: none of them can change it."""

import dataclasses

import pytest

from conftest import ROOT, write_files
from site_build import BuildCache, build_site
from test_meetings import BASE, JUNE


def test_what_the_reader_made_cannot_be_changed(tmp_path, monkeypatch):
    content = tmp_path / "content"
    files = {**BASE, "meetings/2020-06-01-ep.fi.md": JUNE,
             "meetings/2020-06-01-ep.sv.md": "Title: Styrgruppen juni\n\nInledning.\n\n"
                                            "## 1 § Öppning\n\nÖppnades.\n\n## 2 § MONNI\n\nKlart.\n\n"
                                            "Förslag: Antecknas.\n\nBeslut: Antecknades.\n\n"
                                            "## 3 § Ekonomi\n\nBeslut: Godkändes.\n"}
    write_files(content, files)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591779600")
    cache = BuildCache()
    build_site(ROOT / "pelicanconf.py", tmp_path / "output", overrides={"PATH": str(content), "SEARCH_INDEX": False},
               cache=cache)

    kept = [metadata for _problems, _content, metadata, _linked in cache.reads.entries.values()]
    swedish = next(m for m in kept if m.get("lang") == "sv" and "agenda" in m)
    with pytest.raises(dataclasses.FrozenInstanceError):
        swedish["agenda"][0].decision = "Changed"
    with pytest.raises(AttributeError):
        swedish["agenda"].append(None)
    # What the translation inherits, and from which language.
    with pytest.raises(TypeError):
        swedish["inherited_text"]["location"] = "sv"
    with pytest.raises(AttributeError):
        swedish["projects"].append("other")
