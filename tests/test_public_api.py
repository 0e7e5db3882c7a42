"""The export list is the contract; internals may move."""

import flashpoint


def test_exported_members():
    for name in flashpoint.__all__:
        assert hasattr(flashpoint, name), name
    assert {"code", "Event", "FlashpointError", "Coder"} <= set(flashpoint.__all__)


def test_every_error_derives_from_the_base():
    for name in flashpoint.__all__:
        obj = getattr(flashpoint, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, flashpoint.FlashpointError)
