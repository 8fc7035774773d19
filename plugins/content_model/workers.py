"""How many processes a build uses, and how they start, on Linux, macOS
and Windows alike.

Linux forks the workers, which then share what the build already holds.
Windows has no fork, and on macOS it is unsafe (Python's own default there
is spawn): a spawned worker starts empty and gets only what it is sent.
"""

import multiprocessing
import os
import sys


def usable_cores():
    """The cores this process may run on."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13 and later
    if count is not None:
        return count() or 1
    affinity = getattr(os, "sched_getaffinity", None)  # Linux only
    if affinity is not None:
        return len(affinity(0))
    return os.cpu_count() or 1


def build_workers(settings):
    """The setting or environment variable BUILD_WORKERS (the tests build
    their small sites on one), or one per core this process may use."""
    return settings.get("BUILD_WORKERS") or int(os.environ.get("BUILD_WORKERS") or 0) or usable_cores()


def start_method(settings):
    """How worker processes start: the setting or environment variable
    BUILD_START_METHOD (the tests choose "spawn" on Linux to run as on
    Windows), else "fork" on Linux and "spawn" elsewhere."""
    chosen = settings.get("BUILD_START_METHOD") or os.environ.get("BUILD_START_METHOD")
    if chosen:
        return chosen
    return "fork" if sys.platform.startswith("linux") else "spawn"


def worker_pool(settings, workers):
    """A pool of ``workers`` processes started the way this system allows."""
    return multiprocessing.get_context(start_method(settings)).Pool(workers)
