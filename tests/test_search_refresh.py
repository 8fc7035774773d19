"""`serve`'s search index in the background: a save cancels it, leaving the
published index as it was; let run, it gives the index a clean build has."""

import time

from site_build import (build_site, finish_search_index_catch_up,
                        start_search_index_catch_up)
from test_incremental import ROOT, built_once, snapshot


def test_a_cancelled_index_leaves_the_last_one_and_a_finished_one_is_a_fresh_one(
        tmp_path, monkeypatch):
    content, theme, overrides, cache, site = built_once(tmp_path, monkeypatch)
    overrides = {**overrides, "SEARCH_INDEX_LATER": True}
    (content / "news/toinen.fi.md").write_text(
        "Title: Toinen\nDate: 2020-05-05\n\nHakusana aivan uusi.\n", encoding="utf-8")
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    before = snapshot(site / "pagefind")
    refresh = start_search_index_catch_up(cache, site.resolve())
    refresh.cancel()
    assert snapshot(site / "pagefind") == before
    assert not (site / ".pagefind-new").exists()
    assert cache.render.search_index_behind
    refresh = start_search_index_catch_up(cache, site.resolve())
    while not refresh.done():
        time.sleep(0.05)
    finish_search_index_catch_up(cache, site.resolve(), refresh)
    assert not cache.render.search_index_behind
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site / "pagefind") == snapshot(clean / "pagefind")


def test_a_rebuild_keeps_the_index_of_a_language_none_of_whose_pages_changed(tmp_path, monkeypatch):
    content, theme, overrides, cache, site = built_once(tmp_path, monkeypatch)
    before = {path.name: path.stat().st_ino for path in (site / "pagefind").rglob("sv_*")
              if path.suffix != ".pf_filter"}  # those stable_filters writes anew
    assert before
    # The Swedish page shows the Finnish one's title, not its body.
    news = content / "news/uutinen.fi.md"
    news.write_text(news.read_text(encoding="utf-8").replace("Teksti.", "Hakusana uusi."),
                    encoding="utf-8")
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    after = {path.name: path.stat().st_ino for path in (site / "pagefind").rglob("sv_*")
             if path.suffix != ".pf_filter"}
    assert after == before  # the very files: not indexed again
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean", overrides)
    assert snapshot(site / "pagefind") == snapshot(clean / "pagefind")
    (content / "news/uutinen.sv.md").write_text("Title: Nyhet\n\nNy text.\n", encoding="utf-8")
    build_site(ROOT / "pelicanconf.py", site, overrides, cache=cache)
    clean = build_site(ROOT / "pelicanconf.py", tmp_path / "clean2", overrides)
    assert snapshot(site / "pagefind") == snapshot(clean / "pagefind")
