"""The theme's static files (stylesheet, scripts, icon) published under
names that carry a hash of their content: `theme/css/site.3f2a9c1b0d.css`.

A changed file gets a new name, so a server can let browsers keep these
files for a year without asking again (docs/deploy/nginx.conf), and a
reader never gets a new page with an old stylesheet. Templates ask for a
file by its plain name: `{{ asset_url('css/site.css') }}`.
"""

import hashlib
from pathlib import Path, PurePosixPath

from pelican import signals

from site_files import replace_file

HASH_LENGTH = 10


def fingerprinted_name(relative, data):
    """`css/site.css` -> `css/site.<hash>.css`, the hash of ``data``."""
    path = PurePosixPath(relative)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def theme_assets(settings):
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


def read_assets(pelican):
    assets = theme_assets(pelican.settings)
    # In the settings, which every page's cache key covers: a changed
    # stylesheet renders every page again, with its new name.
    pelican.settings["THEME_ASSET_NAMES"] = {plain: name for plain, (name, _) in assets.items()}
    pelican.theme_assets = assets


def add_asset_url(generator):
    names, siteurl = generator.settings["THEME_ASSET_NAMES"], generator.settings["SITEURL"]
    generator.env.globals["asset_url"] = lambda plain: f"{siteurl}/{names[plain]}"


def write_assets(pelican):
    output = Path(pelican.settings["OUTPUT_PATH"])
    for name, data in pelican.theme_assets.values():
        replace_file(output / name, data)


def register():
    signals.initialized.connect(read_assets)
    signals.generator_init.connect(add_asset_url)
    signals.finalized.connect(write_assets)
