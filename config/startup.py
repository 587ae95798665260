"""What a web worker does once the app is loaded, before its first request."""

import gc

from django.urls import get_resolver


def load_views() -> None:
    """Import the URLconf, and so every view module, now rather than in the first request
    (or the first task: emails carry links)."""
    get_resolver().url_patterns  # noqa: B018 - read for its side effect, the imports


def freeze_startup_objects() -> None:
    """Load every view, then move everything loaded so far out of the garbage collector's
    reach (gc.freeze): it lives as long as the process, yet each full collection walked all of
    it, about 60 ms of CPU every few hundred requests (the p95 and p99 of every page,
    bench/scale.py); what requests create is still collected as before."""
    load_views()
    gc.freeze()
