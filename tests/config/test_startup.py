"""A web worker moves what it loaded at start-up out of the garbage collector's reach, so that
full collections stop walking it (config.startup)."""

import gc
import importlib
import sys

import pytest

from config import startup


@pytest.mark.parametrize("entry_point", ["config.wsgi", "config.asgi"])
def test_each_entry_point_freezes_once_every_view_is_loaded(entry_point, monkeypatch):
    events: list[str] = []
    resolver = startup.get_resolver

    def urlconf():
        events.append("views loaded")  # the URLconf imports every view module
        return resolver()

    monkeypatch.setattr(startup, "get_resolver", urlconf)
    monkeypatch.setattr(startup.gc, "freeze", lambda: events.append("frozen"))
    monkeypatch.delitem(sys.modules, entry_point, raising=False)
    importlib.import_module(entry_point)
    assert events == ["views loaded", "frozen"]


def test_a_frozen_start_leaves_full_collections_little_to_walk():
    tracked = len(gc.get_objects())
    startup.freeze_startup_objects()
    try:
        assert gc.get_freeze_count() > 0
        assert len(gc.get_objects()) < tracked / 2
    finally:
        gc.unfreeze()
