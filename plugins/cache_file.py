"""Where the build cache is kept between runs of `invoke build` and
`invoke publish`, and how it is signed.

The cache holds Python objects (the content model's values, the records of
the pages written), kept with pickle: loading a pickle can run any code. So
it is kept where no commit can put a file, in the user's cache folder
(XDG_CACHE_HOME or ~/.cache, LOCALAPPDATA on Windows), one folder per
project, and signed with an HMAC key that each machine makes for itself,
readable by its owner only. A file whose signature does not match is never
unpickled; one written by other code (its version) is not either.
"""

import hashlib
import hmac
import logging
import os
import pickle
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from content_model.messages import _, editor_translations

APP_FOLDER = "sonetbotnia-portal"
MAGIC = b"sonetbotnia-portal build cache\n"
KEY_BYTES = 32
logger = logging.getLogger(__name__)


def user_cache_home(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if os.name == "nt":
        base = environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    else:
        # The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
        chosen = environ.get("XDG_CACHE_HOME", "")
        base = chosen if os.path.isabs(chosen) else Path.home() / ".cache"
    return Path(base) / APP_FOLDER


def cache_folder(project_root: str | Path, environ: Mapping[str, str] | None = None) -> Path:
    """The cache folder of the project at ``project_root``: each work tree
    has its own."""
    project = hashlib.sha256(str(Path(project_root).resolve()).encode()).hexdigest()[:16]
    return user_cache_home(environ) / project


def machine_key() -> bytes | None:
    """This machine's signing key, made on first use; None if it cannot be
    made or read, or could be read or changed by someone else (then
    nothing is cached)."""
    path = user_cache_home() / "key"
    try:
        key, status = read_key(path)
    except OSError:  # a link in its place (O_NOFOLLOW), no rights to the folder
        key, status = b"", None
    private = status is not None and stat.S_ISREG(status.st_mode) and (
        os.name == "nt" or (status.st_uid == os.getuid() and not status.st_mode & 0o077))
    if not (private and len(key) == KEY_BYTES):
        logger.warning("%s", _(
            "the build cache is off: its key {path} must be a file that only you can read "
            "(mode 0600); remove it and the next build makes a new one",
            path=path).render(editor_translations()))
        return None
    return key


def read_key(path: Path) -> tuple[bytes, os.stat_result]:
    """(the key's bytes, the status of its file), the key made first if there is none."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not os.path.lexists(path):
        made, partial = tempfile.mkstemp(dir=path.parent)  # mode 0600
        with os.fdopen(made, "wb") as file:
            file.write(os.urandom(KEY_BYTES))
        try:
            os.link(partial, path)  # never over a key another build made meanwhile
        except FileExistsError:
            pass
        finally:
            os.unlink(partial)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as file:
        return file.read(), os.fstat(file.fileno())


def signature(key: bytes, version: str, payload: bytes) -> bytes:
    return hmac.new(key, version.encode() + b"\n" + payload, hashlib.sha256).digest()


def write_signed(path: str | Path, version: str, value: object) -> None:
    """Keep ``value`` at ``path`` (in a cache_folder), signed with this
    machine's key and marked with the code ``version`` it belongs to."""
    key = machine_key()
    if key is None:
        return
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    made, partial = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    with os.fdopen(made, "wb") as file:
        file.write(MAGIC + version.encode() + b"\n" + signature(key, version, payload) + payload)
    os.replace(partial, path)


def read_signed(path: str | Path, version: str) -> object:
    """The value kept at ``path`` if this machine's builds signed it with
    code of this ``version``; else None."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except FileNotFoundError:
        return None
    kept_version, _newline, signed = data.removeprefix(MAGIC).partition(b"\n")
    if not data.startswith(MAGIC) or kept_version != version.encode():
        return None  # older code's cache: of no use, and no reason to warn
    key = machine_key()
    if key is None:
        return None
    mac, payload = signed[:hashlib.sha256().digest_size], signed[hashlib.sha256().digest_size:]
    if not hmac.compare_digest(mac, signature(key, version, payload)):
        logger.warning("%s", _(
            "the build cache {path} is not used: it was not written by a build on this "
            "machine; this build does everything", path=path).render(editor_translations()))
        return None
    return pickle.loads(payload)  # noqa: S301 - signed by this machine's own builds
