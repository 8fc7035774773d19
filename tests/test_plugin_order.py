"""The order of PLUGINS is declared by the plugins (AFTER) and checked
when the build starts: a wrong order stops it with one line that names
both plugins, never with a KeyError from deep inside the build."""

import importlib
import subprocess
import sys
import types

from pelican.settings import read_settings

from conftest import ROOT
from content_model.plugin_order import order_problems

SWAPPED = ("pelicanconf.py: PLUGINS lists 'site_indexes' before 'bilingual', which it needs before it "
           "(site_indexes.AFTER); move 'bilingual' above 'site_indexes' in PLUGINS")


def plugins_in_order(names):
    return [(name, importlib.import_module(name)) for name in names]


def test_the_sites_plugins_are_in_an_order_that_gives_each_what_it_needs():
    names = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    assert order_problems(plugins_in_order(names)) == []


def test_swapped_bilingual_and_site_indexes_stop_the_build_with_one_clear_line(tmp_path):
    names = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    at = names.index("bilingual")
    swapped = names[:at] + ["site_indexes", "bilingual"] + names[at + 2:]
    settings = tmp_path / "swapped.py"
    # Paths of a settings file are read relative to its folder: these are the project's.
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa: F403\n"
        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nPLUGINS = {swapped!r}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", "--settings", str(settings),
         "--output", str(tmp_path / "output")],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    told = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"Error: {SWAPPED}" in told.splitlines()
    assert "KeyError" not in told and "Traceback" not in told
    assert not (tmp_path / "output").exists()


def test_a_plugin_that_is_not_registered_is_named_with_the_one_that_needs_it():
    sitemap = types.ModuleType("sitemap_xml")
    sitemap.AFTER = ("incremental_writer",)
    assert order_problems([("sitemap_xml", sitemap)]) == [
        "pelicanconf.py: 'sitemap_xml' needs 'incremental_writer' before it (sitemap_xml.AFTER), "
        "but 'incremental_writer' is not registered; add it to PLUGINS above 'sitemap_xml'"]


def test_a_plugin_that_declares_nothing_needs_nothing():
    third_party = types.ModuleType("pelican.plugins.sitemap")
    assert order_problems([("pelican.plugins.sitemap", third_party)]) == []
