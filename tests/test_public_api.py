"""The export list is the contract; internals may move (httpx's test_exported_members)."""

import types

import pytest

import flashpoint


def test_exported_members():
    for name in flashpoint.__all__:
        assert hasattr(flashpoint, name), name
    assert {"code", "Event", "FlashpointError", "Coder", "read_events"} <= set(flashpoint.__all__)


def test_the_namespace_holds_only_the_public_api():
    # Subpackages appear as attributes once imported; anything else public must be exported:
    # no helpers such as gc, lru_cache or Iterable leaking from the implementation.
    public = {
        name
        for name, value in vars(flashpoint).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public == set(flashpoint.__all__) - {"__version__"}


def test_every_error_derives_from_the_base():
    for name in flashpoint.__all__:
        obj = getattr(flashpoint, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, flashpoint.FlashpointError)


@pytest.mark.parametrize("text", [12345, b"Egypt hosted talks.", None, ["a"]])
def test_code_wants_text(text):
    # Checked before any model is loaded: a clear TypeError, not a failure deep in spaCy.
    with pytest.raises(TypeError, match=r"flashpoint.code\(\) takes the article's text as a str"):
        flashpoint.code(text)
