"""Clean a document into a collection: `clean()`, then the near-duplicate check and site boilerplate.

    clean -> sketch the clean article -> store.admit (check, add, count blocks) -> mark site boilerplate

The near-duplicate check reads the article before site boilerplate is marked, so its answer does not
depend on how many pages of the site the collection has seen (a retry gets the same answer).
"""

from __future__ import annotations

import re

from cleaner.document import Document
from cleaner.errors import InvalidCollectionNameError
from cleaner.near.corpus import index_params, sketch_article
from cleaner.near.site_boilerplate import mark_site_boilerplate, site_of
from cleaner.near.store import Admission, CollectionStore, Entry
from cleaner.options import DEFAULT_OPTIONS, CleanOptions
from cleaner.sketch.lsh import band_keys

# Collection names: short, and safe inside Redis keys and URL paths.
COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def check_collection_name(name: str) -> str:
    """The name, or InvalidCollectionNameError: 1-64 letters, digits, `_`, `.`, `-`, starting with a letter or digit."""
    if not COLLECTION_NAME.fullmatch(name):
        raise InvalidCollectionNameError(
            f"invalid collection name {name[:80]!r}: use 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit"
        )
    return name


def admit_document(
    document: Document,
    store: CollectionStore,
    collection: str,
    id: str,
    options: CleanOptions = DEFAULT_OPTIONS,
) -> Admission:
    """Check a cleaned document against (and add it to) a collection; marks its site boilerplate.

    Apart from clean() so that cleaning can run elsewhere (in a child process under a time limit,
    `cleaner.isolate.deadline`) and only this cheap step where the store is."""
    check_collection_name(collection)
    site = site_of(document.metadata.url)
    sketch = sketch_article(document, site, options)
    if not sketch.words:  # nothing left to compare: neither checked nor added
        return Admission(None, {}, None)
    params = index_params(options)
    keys = band_keys(sketch.signature, params.bands, params.rows)[0]
    admission = store.admit(collection, params, Entry(id, sketch.signature, keys, site, sketch.fingerprints))
    mark_site_boilerplate(document, admission.site_counts, site, options)
    return admission
