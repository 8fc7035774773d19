"""The theme's static files (stylesheet, scripts, icon) published under
names that carry a hash of their content: `theme/css/site.3f2a9c1b0d.css`.

A changed file gets a new name, so a server can let browsers keep these
files for a year without asking again (docs/deploy/nginx.conf), and a
reader never gets a new page with an old stylesheet. Templates ask for a
file by its plain name: `{{ asset_url('css/site.css') }}`.
"""

import hashlib
from collections.abc import Mapping
from typing import Any
from pathlib import Path, PurePosixPath

from pelican import Pelican, signals
from pelican.generators import Generator

from site_files import replace_file

HASH_LENGTH = 10


def fingerprinted_name(relative: str, data: bytes) -> str:
    """`css/site.css` -> `css/site.<hash>.css`, the hash of ``data``."""
    path = PurePosixPath(relative)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def theme_assets(settings: Mapping[str, Any]) -> dict[str, tuple[str, bytes]]:
    """Each static file of the theme: its plain name -> (published name, bytes)."""
    static = Path(settings["THEME"]) / "static"
    assets = {}
    for path in sorted(static.rglob("*")):
        if path.is_file():
            relative = path.relative_to(static).as_posix()
            data = path.read_bytes()
            published = f"{settings['THEME_STATIC_DIR']}/{fingerprinted_name(relative, data)}"
            assets[relative] = (published, data)
    return assets


def read_assets(pelican: Pelican) -> None:
    # In the settings, which every page's cache key covers: a changed
    # stylesheet renders every page again, with its new name.
    pelican.settings["THEME_ASSET_NAMES"] = {
        plain: name for plain, (name, _) in theme_assets(pelican.settings).items()}


def add_asset_url(generator: Generator) -> None:
    names, siteurl = generator.settings["THEME_ASSET_NAMES"], generator.settings["SITEURL"]
    generator.env.globals["asset_url"] = lambda plain: f"{siteurl}/{names[plain]}"


def write_assets(pelican: Pelican) -> None:
    output = Path(pelican.settings["OUTPUT_PATH"])
    for name, data in theme_assets(pelican.settings).values():
        replace_file(output / name, data)


def register() -> None:
    signals.initialized.connect(read_assets)
    signals.generator_init.connect(add_asset_url)
    signals.finalized.connect(write_assets)
