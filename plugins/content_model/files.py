"""Files of the content folder are untrusted: a commit may put anything
there. Before anything is read, a symbolic link (which may lead anywhere on
the machine that builds) stops the build; the files published as they are
(STATIC_PATHS) must be of an accepted type, look like one, and stay within
a size limit (STATIC_FILE_MAX_MB)."""

import fnmatch
import os
import re
from pathlib import Path

from .messages import _
from .source import Problem
from .svg import not_of_type, svg_problem

# Extension -> (size group of STATIC_FILE_MAX_MB, the type's name, how its
# first bytes look). Browsers trust the extension (nosniff): the bytes must
# agree with it, or an "image" could be a web page that runs a script.
ZIP = re.compile(rb"\APK\x03\x04")  # the Office Open XML and OpenDocument formats
OLE = re.compile(rb"\A\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # Office 97-2003
FILE_TYPES = {
    ".pdf": ("document", "PDF", re.compile(rb"\A%PDF-")),
    ".docx": ("document", "Word", ZIP),
    ".xlsx": ("document", "Excel", ZIP),
    ".pptx": ("document", "PowerPoint", ZIP),
    ".odt": ("document", "OpenDocument", ZIP),
    ".ods": ("document", "OpenDocument", ZIP),
    ".odp": ("document", "OpenDocument", ZIP),
    ".doc": ("document", "Word 97-2003", OLE),
    ".xls": ("document", "Excel 97-2003", OLE),
    ".ppt": ("document", "PowerPoint 97-2003", OLE),
    ".png": ("image", "PNG", re.compile(rb"\A\x89PNG\r\n\x1a\n")),
    ".jpg": ("image", "JPEG", re.compile(rb"\A\xff\xd8\xff")),
    ".jpeg": ("image", "JPEG", re.compile(rb"\A\xff\xd8\xff")),
    ".gif": ("image", "GIF", re.compile(rb"\AGIF8[79]a")),
    ".webp": ("image", "WebP", re.compile(rb"\ARIFF....WEBP", re.DOTALL)),
    ".svg": ("image", "SVG", None),  # text: see svg.py
}
SIGNATURE_BYTES = 16
MEGABYTE = 1_000_000


def ignored(name, settings):
    """Editors' lock and backup files (IGNORE_FILES) that Pelican passes by:
    Emacs's lock file is a symbolic link."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in settings["IGNORE_FILES"])


def walk(folder, settings):
    """(path, is a symbolic link) of every entry below ``folder``, links not followed."""
    for parent, folders, files in os.walk(folder):
        for name in sorted(folders + files):
            path = Path(parent, name)
            if not ignored(name, settings):
                yield path, path.is_symlink()


def link_problems(settings):
    """A symbolic link, to a file or a folder, anywhere in the content folder.
    Nothing may be read through one: it can lead outside the content folder,
    to any file of the machine that builds the site."""
    root = Path(settings["PATH"])
    return [Problem(path.relative_to(root).as_posix(), 0, _(
        "a symbolic link is never read or published, as it may lead anywhere on the machine; "
        "replace it with the file or folder itself"))
        for path, is_link in walk(root, settings) if is_link]


def static_file_problems(settings):
    """Problems of the files published as they are (STATIC_PATHS)."""
    root = Path(settings["PATH"])
    problems = []
    for folder in settings["STATIC_PATHS"]:
        if (root / folder).is_symlink():
            continue  # a problem of its own (link_problems)
        for path, is_link in walk(root / folder, settings):
            if not is_link and path.is_file():
                problem = static_file_problem(path, settings["STATIC_FILE_MAX_MB"])
                if problem:
                    problems.append(Problem(path.relative_to(root).as_posix(), 0, problem))
    return problems


def static_file_problem(path, limits):
    """What is wrong with one static file, or None."""
    file_type = FILE_TYPES.get(path.suffix.lower())
    if file_type is None:
        return _("files like {name} are not published; accepted types: {accepted}",
                 name=path.name, accepted=", ".join(sorted(FILE_TYPES)))
    group, name, signature = file_type
    size, limit = path.stat().st_size, limits[group] * MEGABYTE
    if size > limit:
        shown = {"size": f"{size / MEGABYTE:.1f}", "limit": limits[group]}
        if group == "image":
            return _("the image is {size} MB, more than images may be ({limit} MB); save it "
                     "smaller, with fewer pixels", **shown)
        return _("the document is {size} MB, more than documents may be ({limit} MB); save "
                 "it as PDF with compressed images, or split it in parts", **shown)
    with open(path, "rb") as file:
        data = file.read() if signature is None else file.read(SIGNATURE_BYTES)
    if signature is None:
        return svg_problem(data)
    if not signature.match(data):
        return not_of_type(name, path.suffix)
    return None


def link_target_problem(marker, target, linked, content_root, static_paths):
    """What is wrong with where a {filename} or {static} link leads, or None:
    it must stay inside the content folder, and a {static} link must lead
    into one of the folders published as they are."""
    root = os.path.realpath(content_root)
    resolved = os.path.realpath(linked)
    if os.path.commonpath([root, resolved]) != root:
        return _("the link {target} leads outside the content folder; link to a file in "
                 "content/, for example {example}", target=target,
                 example="{static}/attachments/ohje.pdf")
    folders = [os.path.join(root, folder) for folder in static_paths]
    if marker == "{static}" and not any(
            os.path.commonpath([folder, resolved]) == folder for folder in folders):
        return _("the link {target} leads to a file that is not published; put the file in "
                 "one of {folders} and link to it there", target=target,
                 folders=", ".join(f"content/{folder}" for folder in static_paths))
    return None


def outside_static_paths(generator):
    """Pelican's StaticGenerator copies the files in STATIC_PATHS and any
    file a {static} link names. A link written in a form check_body does not
    read (|static|, a reference link) must not make it copy a file of the
    machine: each file outside STATIC_PATHS is dropped, as a problem."""
    root = os.path.realpath(generator.path)
    folders = [os.path.join(root, folder) for folder in generator.settings["STATIC_PATHS"]]
    kept, problems = [], []
    for static in generator.staticfiles:
        resolved = os.path.realpath(static.source_path)
        if any(os.path.commonpath([folder, resolved]) == folder for folder in folders):
            kept.append(static)
        else:
            problems.append(Problem(os.path.relpath(static.source_path, root), 0, _(
                "a link leads to this file, which is not published; link only to files in {folders}",
                folders=", ".join(f"content/{folder}" for folder in generator.settings["STATIC_PATHS"]))))
    generator.staticfiles[:] = kept
    generator.context["staticfiles"] = kept
    return problems
