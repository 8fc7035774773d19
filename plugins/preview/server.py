"""The preview's web server: the built site from output/, with a reload
script added to each page as it is sent (never to the built files), the
site's own 404 page per language, and, while the last build failed, a page
with its errors in place of every page.

Only for a preview on 127.0.0.1: ThreadingHTTPServer is not meant to face
the internet (production is nginx, docs/deploy.md).
"""

import functools
import http.server
import io
import threading
import time
import urllib.parse
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).parent
PREFIX = "/__preview__/"
# The preview's own files, by their address under PREFIX.
OWN_FILES = {"reload.js": "text/javascript; charset=utf-8", "error.css": "text/css; charset=utf-8"}


class PreviewState:
    """What the open pages should show: a generation that changes with
    every build, and the errors of the last one if it failed."""

    def __init__(self):
        self.lock = threading.Lock()
        # Apart from a counter, the session's start: a page of an earlier
        # preview session reloads too.
        self.session = str(time.time_ns())
        self.count = 0
        self.errors = None

    def show(self, outcome):
        with self.lock:
            self.count += 1
            self.errors = None if outcome["ok"] else outcome["lines"]

    def now(self):
        """(generation, errors or None)."""
        with self.lock:
            return f"{self.session}-{self.count}", self.errors


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Set on a subclass (see handler_class): the state, the error page's
    words and the Jinja template."""

    state = None
    words = None
    error_page = None

    def log_message(self, format, *args):
        pass  # a line per request would bury the build's messages

    def end_headers(self):
        # An edit must show at once, never a copy the browser kept.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        """Headers and the body to send (GET and HEAD)."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        generation, errors = self.state.now()
        if path == PREFIX + "generation":
            return self.reply(200, "text/plain; charset=utf-8", generation.encode())
        if path.startswith(PREFIX) and path[len(PREFIX):] in OWN_FILES:
            name = path[len(PREFIX):]
            return self.reply(200, OWN_FILES[name], (HERE / name).read_bytes())
        local = Path(self.translate_path(path))
        if local.is_dir() and not path.endswith("/"):
            return super().send_head()  # redirected to the address with a slash
        page = local / "index.html" if local.is_dir() else local
        if errors is not None and (page.suffix == ".html" or not page.is_file()):
            body = self.error_page.render(generation=generation, lines=errors, **self.words)
            return self.reply(500, "text/html; charset=utf-8", body.encode("utf-8"))
        if not page.is_file():
            not_found = Path(self.directory) / ("sv/404.html" if path.startswith("/sv/") else "404.html")
            if not not_found.is_file():  # no build has finished yet
                self.send_error(404)
                return None
            return self.reply(404, "text/html; charset=utf-8", with_reload(not_found, generation))
        if page.suffix == ".html":
            return self.reply(200, "text/html; charset=utf-8", with_reload(page, generation))
        return super().send_head()

    def reply(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def with_reload(page, generation):
    """The page's bytes with the reload script before its </head>: the
    page's policy allows a script of its own origin."""
    html = page.read_bytes()
    script = f'<script src="{PREFIX}reload.js" data-generation="{generation}"></script>'
    return html.replace(b"</head>", script.encode() + b"</head>", 1)


def preview_handler(state, output, words):
    """The request handler of the server, serving ``output``; ``words``
    are the error page's lang, title and advice."""
    environment = Environment(loader=FileSystemLoader(str(HERE)), autoescape=True)
    handler = type("Handler", (PreviewHandler,), {
        "state": state, "words": words, "error_page": environment.get_template("error.html")})
    return functools.partial(handler, directory=str(output))
