"""The build cache is never loaded from the work tree, where a commit can
put a file: a planted pickle is never unpickled, a valid cache (signed by
this machine's builds, kept in the user's cache folder) still spares work."""

import os
import pickle
import shutil
import subprocess
import sys

import pytest

from cache_file import MAGIC, cache_folder, user_cache_home
from conftest import EPOCH_JUNE_2020, ROOT
from content_model.read_cache import code_fingerprint
from conftest import write_files
from test_incremental import FILES


class Planted:
    """A pickle that, when loaded, creates the file ``marker``: code run."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the project to run `invoke` in, with its own user cache
    folder; its content is the small site of test_incremental (the cache
    does not depend on how much there is, and each test builds several times)."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py", "requirements.txt"):
        shutil.copy2(ROOT / name, copy / name)
    for folder in ("plugins", "theme"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    write_files(copy / "content", FILES)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return copy


def invoke(project, *arguments):
    env = dict(os.environ, LANG="C.UTF-8", SOURCE_DATE_EPOCH=str(EPOCH_JUNE_2020))
    result = subprocess.run([sys.executable, "-m", "invoke", *arguments], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_a_planted_cache_is_never_unpickled(project, tmp_path):
    markers = {name: tmp_path / f"ran-{name}" for name in ("old-build", "old-publish", "new-build",
                                                          "new-publish")}
    planted = {name: pickle.dumps((1, Planted(marker))) for name, marker in markers.items()}
    # Where the cache used to be: a commit can add .cache/ to the work tree.
    (project / ".cache").mkdir()
    (project / ".cache" / "pelicanconf.pickle").write_bytes(planted["old-build"])
    (project / ".cache" / "publishconf.pickle").write_bytes(planted["old-publish"])
    # Where it is now, without a valid signature: with this code's version
    # and a made-up one, and a bare pickle.
    folder = cache_folder(project)
    folder.mkdir(parents=True)
    (folder / "pelicanconf.pickle").write_bytes(
        MAGIC + code_fingerprint().encode() + b"\n" + bytes(32) + planted["new-build"])
    (folder / "publishconf.pickle").write_bytes(planted["new-publish"])

    built = invoke(project, "build")
    assert (f"Warning: the build cache {folder / 'pelicanconf.pickle'} is not used: it was not "
            "written by a build on this machine; this build does everything") in built
    invoke(project, "publish")
    invoke(project, "publish", "--output", str(tmp_path / "public"))
    assert [name for name, marker in markers.items() if marker.exists()] == []
    assert (project / "output" / "index.html").is_file() and (project / "public" / "index.html").is_file()


def test_a_valid_cache_spares_work_and_a_tampered_one_does_not(project):
    page = project / "output" / "index.html"
    invoke(project, "build")
    first = page.stat().st_ino
    key = user_cache_home() / "key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert project not in cache_folder(project).parents
    # Unchanged pages are linked from the last build, not written anew.
    invoke(project, "build")
    assert page.stat().st_ino == first
    kept = cache_folder(project) / "pelicanconf.pickle"
    data = bytearray(kept.read_bytes())
    data[-1] ^= 1
    kept.write_bytes(bytes(data))
    assert "is not used: it was not written by a build on this machine" in invoke(project, "build")
    assert page.stat().st_ino != first


@pytest.mark.parametrize("spoil", ["readable by others", "a link"])
def test_a_key_others_could_know_turns_the_cache_off(project, tmp_path, spoil):
    invoke(project, "build")
    key = user_cache_home() / "key"
    if spoil == "a link":
        known = tmp_path / "known-key"
        known.write_bytes(bytes(32))
        known.chmod(0o600)
        key.unlink()
        key.symlink_to(known)
    else:
        key.chmod(0o644)
    built = invoke(project, "build")
    assert (f"Warning: the build cache is off: its key {key} must be a file that only you can "
            "read (mode 0600); remove it and the next build makes a new one") in built
