"""A content problem is told once, at its line, and counted once: never a
traceback after it, and the counts in the editor's words."""

import logging

import pytest

from site_build import BuildFailed
from test_meetings import BASE


def problems(caplog):
    return [(r.levelname, r.getMessage(), bool(r.exc_info)) for r in caplog.records
            if r.levelno >= logging.WARNING]


@pytest.mark.parametrize(("files", "expected"), [
    ({"meetings/m.fi.md": "Title: K\nDate: 2020-06-01 12:00\nBody: Etelä-Pohjanmaan ohjausryhmä\n\n"
                          "## 1 § A\n\nPäätös: B.\n",
      "meetings/m.sv.md": "Title: M\n\n## 1 § A\n\nBeslut: B.\n"},
     "meetings/m.fi.md:3: Body: no body 'Etelä-Pohjanmaan ohjausryhmä'; did you mean ep-ohjausryhma?"),
    ({"projects/p.fi.md": "Title: P\nPhase: active\nRegion: Etelä-Pohjanmaa\n\nK.\n",
      "projects/p.sv.md": "Title: P sv\n\nK sv.\n"},
     "projects/p.fi.md:3: Region: no region 'Etelä-Pohjanmaa'; did you mean etela-pohjanmaa?"),
])
def test_an_unknown_registry_name_is_one_error_without_a_traceback(build_from, caplog, files, expected):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BuildFailed) as failure:
        build_from({**BASE, **files})
    assert problems(caplog) == [("ERROR", expected, False)]
    assert str(failure.value).startswith("1 error: nothing was published")


def test_the_count_is_in_the_editors_language_with_its_plural(build_from, caplog, monkeypatch):
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    with pytest.raises(BuildFailed) as failure:
        build_from({**BASE, "news/x.fi.md": "Title: X\nDate: 1.6.2020\n\nT.\n"})
    assert str(failure.value).startswith("1 virhe: mitään ei julkaistu")
