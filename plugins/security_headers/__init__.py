"""The HTTP headers the host should send, as a `_headers` file (the format
of Netlify and Cloudflare Pages; docs/deploy.md shows the same for nginx).

The Content-Security-Policy is also in every page's <meta> (base.html), so
the site is protected on any host; frame-ancestors works only as a header.
"""

from pathlib import Path

from pelican import signals

from site_files import replace_file


def headers_file(settings):
    lines = ["/*"]
    policy = settings["SEARCH_CONTENT_SECURITY_POLICY"] + "; frame-ancestors 'none'"
    lines.append(f"  Content-Security-Policy: {policy}")
    for name, value in settings["SECURITY_HEADERS"].items():
        lines.append(f"  {name}: {value}")
    return "\n".join(lines) + "\n"


def write_headers(pelican):
    path = Path(pelican.settings["OUTPUT_PATH"]) / "_headers"
    replace_file(path, headers_file(pelican.settings).encode("utf-8"))


def register():
    signals.finalized.connect(write_headers)
