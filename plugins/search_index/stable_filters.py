"""Make Pagefind's filter data the same on every run.

Pagefind 1.5.2 writes the values of a filter, and the list of filters in a
language's metadata, in hash-map order, which changes from run to run; the
files are named after their content, so the names change too. The pages a
value matches are the same every time. Here each filter file is written
again with its values sorted, under a name made from its content, and the
metadata and entry file follow. Pagefind reads the values into a map, so
their order does not matter to the search.

The files are gzipped CBOR after a 12-byte signature (Pagefind's
``pagefind_dcd``); cbor2 reads and writes them as they are.
"""

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

from site_files import replace_file

SIGNATURE = b"pagefind_dcd"
# Positions in a language's metadata: [version, pages, index chunks, filters, sorts, fields]
FILTERS = 3


def read_cbor(path):
    data = gzip.decompress(Path(path).read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def write_cbor(folder, prefix, digits, suffix, value):
    """Write ``value`` as ``<prefix><hash><suffix>`` in ``folder``; returns
    the name without the suffix (how Pagefind refers to it)."""
    data = SIGNATURE + cbor2.dumps(value)
    name = prefix + hashlib.sha256(data).hexdigest()[:digits]
    replace_file(Path(folder) / f"{name}{suffix}", gzip.compress(data, mtime=0))
    return name


def stabilise_filters(bundle):
    """Rewrite the filter files and metadata of every language in the
    Pagefind folder ``bundle``, and its entry file to match."""
    bundle = Path(bundle)
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, language in entry["languages"].items():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read_cbor(meta_path)
        filters = []
        for name, old in meta[FILTERS]:
            old_path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = read_cbor(old_path)
            new = write_cbor(bundle / "filter", f"{lang}_", 7, ".pf_filter",
                             [filter_name, sorted(values, key=lambda value: value[0])])
            if new != old:
                old_path.unlink()
            filters.append([name, new])
        meta[FILTERS] = sorted(filters)
        language["hash"] = write_cbor(bundle, f"pagefind.{lang}_", 10, ".pf_meta", meta)[len("pagefind."):]
        if bundle / f"pagefind.{language['hash']}.pf_meta" != meta_path:
            meta_path.unlink()
    replace_file(entry_path, json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8"))
