"""The order of PLUGINS, checked when the build starts.

Pelican registers the plugins in the order of PLUGINS, and blinker calls
the receivers of a signal in the order they were connected. A plugin whose
receiver reads what another plugin's receiver of the same signal made must
come after it: site_indexes' check_navigation reads the ``items_by_key``
that bilingual's link_language_versions makes, both on
all_generators_finalized. Listed the other way round, the build would stop
with a KeyError deep in Pelican.

Each plugin declares the plugins it needs before it in ``AFTER``, a tuple
of plugin names in its ``__init__.py``; a plugin without one (a
third-party plugin) needs none. check_plugin_order stops the build at its
start, in one line per problem that names both plugins and what to do.
"""

from collections.abc import Sequence
from types import ModuleType

from pelican import Pelican

from pelican_adapter import registered_plugins


class PluginOrderError(Exception):
    """PLUGINS lists a plugin before one it needs, or without it."""


def order_problems(plugins: Sequence[tuple[str, ModuleType]]) -> list[str]:
    """What is wrong with the order of ``plugins``, [(name, module)] as
    registered: one line each."""
    registered = [name for name, _module in plugins]
    problems = []
    for position, (name, module) in enumerate(plugins):
        for needed in getattr(module, "AFTER", ()):
            if needed in registered[:position]:
                continue
            if needed in registered:
                problems.append(
                    f"pelicanconf.py: PLUGINS lists '{name}' before '{needed}', which it needs "
                    f"before it ({name}.AFTER); move '{needed}' above '{name}' in PLUGINS")
            else:
                problems.append(
                    f"pelicanconf.py: '{name}' needs '{needed}' before it ({name}.AFTER), but "
                    f"'{needed}' is not registered; add it to PLUGINS above '{name}'")
    return problems


def check_plugin_order(pelican: Pelican) -> None:
    """initialized: stop the build before anything is read when PLUGINS is
    out of order."""
    problems = order_problems(registered_plugins(pelican))
    if problems:
        raise PluginOrderError("\n".join(problems))
