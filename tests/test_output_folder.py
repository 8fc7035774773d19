"""Publishing that cannot trip over itself: one publish at a time, nothing
left from a killed one, a full disk, a read-only one or a mount point told
in one line with the site unchanged, readable modes whatever the umask, the
search index in place at the moment the pages are, reserved addresses."""

import errno
import logging
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

import site_build
from conftest import EPOCH_JUNE_2020, ROOT, write_files
from output_folder import publishing_lock
from site_build import BuildFailed, build_site
from test_meetings import BASE
from test_publishing import snapshot

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a file system needs root")


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A content folder and a publish of it into ``folder``/public."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH_JUNE_2020))
    content = tmp_path / "content"
    write_files(content, BASE)

    def publish(folder=tmp_path, cache=None):
        return build_site(ROOT / "publishconf.py", Path(folder) / "public",
                          overrides={"PATH": str(content)}, cache=cache)

    publish.content = content
    return publish


def add_news(content):
    news = content / "news" / "uusi.fi.md"
    news.parent.mkdir(exist_ok=True)
    news.write_text("Title: Uusi\nDate: 2020-05-01\n\nUutinen.\n", encoding="utf-8")


@contextmanager
def mounted(folder, size="8m"):
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_second_publish_at_the_same_time_is_refused_in_one_line(site, tmp_path):
    public = site()
    before = snapshot(public)
    add_news(site.content)
    with publishing_lock(public):
        with pytest.raises(BuildFailed) as refused:
            site()
    assert str(refused.value) == (f"another build is publishing into {public} right now; "
                                  "nothing was changed: run this one again when it has finished")
    assert snapshot(public) == before
    site()  # the lock went with the first: the next one publishes
    assert (public / "ajankohtaista" / "uusi" / "index.html").exists()


def test_invoke_publish_refuses_in_the_editors_language_without_a_traceback(tmp_path):
    public = tmp_path / "public"
    public.mkdir()
    env = dict(os.environ, EDITOR_LANG="fi", SOURCE_DATE_EPOCH=str(EPOCH_JUNE_2020))
    with publishing_lock(public):
        result = subprocess.run([sys.executable, "-m", "invoke", "publish", "--output", str(public)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"Rakennus pysähtyi: toinen rakennus julkaisee parhaillaan kansioon {public}; mitään "
        "ei muutettu: aja tämä uudelleen, kun se on valmis"]


def test_leftovers_of_killed_publishes_are_removed_at_the_next_start(site, tmp_path):
    site()
    for leftover in (".public.new-k1ll3d", ".public.old-k1ll3d"):
        (tmp_path / leftover / "sub").mkdir(parents=True)
        (tmp_path / leftover / "sub" / "index.html").write_text("old")
    cache = site_build.BuildCache()
    site(cache=cache)
    site(cache=cache)  # keeps the folder it replaced as the next one's start
    kept = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".public."))
    assert kept == [Path(cache.render.spare).name]


def test_files_are_readable_by_everyone_whatever_the_umask(site, tmp_path):
    image = site.content / "images" / "kaavio.png"
    image.parent.mkdir()
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    image.chmod(0o600)  # as an editor's own checkout may have it
    previous = os.umask(0o077)
    try:
        public = site()
    finally:
        os.umask(previous)
    modes = {path.relative_to(public).as_posix(): path.stat().st_mode & 0o777
             for path in public.rglob("*")}
    assert modes["images/kaavio.png"] == 0o644
    assert {mode for name, mode in modes.items() if (public / name).is_file()} == {0o644}
    assert {mode for name, mode in modes.items() if (public / name).is_dir()} == {0o755}
    assert public.stat().st_mode & 0o777 == 0o755


def test_the_search_index_is_in_the_new_folder_when_it_takes_the_old_ones_place(
        site, monkeypatch):
    cache = site_build.BuildCache()
    site(cache=cache)
    seen = []
    real_exchange = site_build.exchange

    def exchange(first, second):
        seen.append((Path(first) / "pagefind" / "pagefind-entry.json").is_file())
        return real_exchange(first, second)

    monkeypatch.setattr(site_build, "exchange", exchange)
    public = site(cache=cache)  # nothing changed: the index is kept, not made again
    assert seen == [True]
    assert (public / "pagefind" / "pagefind-entry.json").is_file()


def test_a_build_makes_the_search_index_unless_told_not_to(build_from):
    """SEARCH_INDEX = False (the trial build of `invoke check`, the tests that
    do not search) leaves the index out, and only the index."""
    with_index = build_from(BASE, search=True)
    assert (with_index.path / "pagefind" / "pagefind-entry.json").is_file()
    without = build_from({}, output=with_index.path.parent / "without")
    assert not (without.path / "pagefind").exists()
    assert snapshot(without.path) == {name: data for name, data in snapshot(with_index.path).items()
                                      if name.parts[0] != "pagefind"}


def test_a_reserved_folder_is_refused_as_an_address(build_from, caplog):
    files = dict(BASE)
    files["pages/haku-indeksi.fi.md"] = "Title: Hakemisto\nSlug: pagefind\n\nT.\n"
    with pytest.raises(BuildFailed):
        build_from(files)
    assert ("pages/haku-indeksi.fi.md:1: the address /pagefind/ is taken by a page the site "
            "makes itself (a listing, the search page or the like); rename the file or give it "
            "another Slug") in caplog.text


def errors_told(caplog):
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


@as_root
def test_a_full_disk_is_one_line_and_the_site_stays(site, tmp_path, caplog):
    with mounted(tmp_path / "disk", size="16m") as disk:
        public = site(disk)
        before = snapshot(public)
        add_news(site.content)
        with open(disk / "filler", "wb") as filler:
            try:
                while True:
                    filler.write(bytes(1 << 20))
                    filler.flush()
            except OSError as full:
                assert full.errno == errno.ENOSPC
        with pytest.raises(BuildFailed):
            site(disk)
        assert snapshot(public) == before
        told = "\n".join(errors_told(caplog))
        assert "the disk is full" in told
        assert "Traceback" not in caplog.text
        assert sorted(p.name for p in disk.iterdir()) == [".public-lock", "filler", "public"]


@as_root
def test_a_read_only_disk_is_one_line_and_the_site_stays(site, tmp_path):
    with mounted(tmp_path / "disk") as disk:
        public = site(disk)
        before = snapshot(public)
        add_news(site.content)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with pytest.raises(BuildFailed) as failed:
            site(disk)
        assert str(failed.value).endswith(
            ": the file system is read-only; the published site is unchanged")
        assert snapshot(public) == before


@as_root
def test_public_as_a_mount_point_is_refused_before_anything_is_built(site, tmp_path):
    with mounted(tmp_path / "public") as public:
        (public / "index.html").write_text("the site as it is")
        with pytest.raises(BuildFailed) as refused:
            site()
        assert str(refused.value) == (
            f"{public}: the folder is a mount point or in use; publish into a folder inside "
            "the mount (OUTPUT_PATH), so that the new site can take the old one's place; "
            "the published site is unchanged")
        assert snapshot(public) == {Path("index.html"): b"the site as it is"}
