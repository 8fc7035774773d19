"""Production settings: pelicanconf plus what only the public site needs."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://www.sonetbotnia.fi"
ABSOLUTE_SITEURL = SITEURL
# The folder the web server serves; `invoke publish` replaces it atomically.
OUTPUT_PATH = "public"
