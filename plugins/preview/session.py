"""A preview session: the first build, the web server, then a rebuild on
every save, with a fresh build process when the code changed."""

import http.server
import threading

from content_model.messages import _

from .builder import Builder
from .server import PreviewState, preview_handler
from .watch import Watcher, touches_code


def show_outcomes(builder, state):
    while True:
        state.show(builder.next_outcome())


def serve_preview(root, port, lang, translations):
    """Serve ``root``/output on 127.0.0.1:``port`` until interrupted (Ctrl+C),
    building with ``root``/pelicanconf.py; messages in ``lang``."""
    state = PreviewState()
    words = {"lang": lang,
             "title": _("The build stopped").render(translations),
             "advice": _("Fix what the lines below name and save the file: this page then "
                         "shows the site again.").render(translations)}
    # With errors in the content, the preview starts from the last good build.
    (root / "output").mkdir(exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), preview_handler(state, root / "output", words))
    # An edit shows at once; the search index follows a few seconds later.
    builder = Builder(root / "pelicanconf.py", {"SEARCH_INDEX_LATER": True}, translations)
    # Until the first build is in, the last one's pages are served.
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        watcher = Watcher(root)
        state.show(builder.build())
        print(_("The preview is at http://127.0.0.1:{port}/ (stop it with Ctrl+C)",
                port=port).render(translations), flush=True)
        # Each outcome reloads the open pages as it comes: a saved item's own
        # page first, then the build's, while the next saves are watched for.
        threading.Thread(target=show_outcomes, args=(builder, state), daemon=True).start()
        while True:
            changed = watcher.wait()
            if touches_code(changed):
                builder.restart()
            saved = [root / path for path in changed
                     if path.startswith("content") and path.endswith(".md") and (root / path).is_file()]
            builder.request(saved)
    finally:
        server.shutdown()
        server.server_close()
        builder.stop()
