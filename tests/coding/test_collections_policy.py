"""While documents are coded the cyclic collector runs rarely; afterwards it is as it was."""

from __future__ import annotations

import gc
import threading

import pytest

from flashpoint.coding.assembly.collections_policy import CODING_THRESHOLD, rare_collections


@pytest.fixture(autouse=True)
def _users_threshold():
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_threshold_is_raised_while_coding_and_restored_after():
    gc.set_threshold(700, 10, 10)
    with rare_collections():
        assert gc.get_threshold() == (CODING_THRESHOLD, 10, 10)
        with rare_collections():  # nested (a coder called from within a coder)
            assert gc.get_threshold()[0] == CODING_THRESHOLD
        assert gc.get_threshold()[0] == CODING_THRESHOLD
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_threads_restore_the_users_setting():
    gc.set_threshold(900, 10, 10)
    inside, release = threading.Event(), threading.Event()

    def code() -> None:
        with rare_collections():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=code)
    worker.start()
    inside.wait(5)
    with rare_collections():  # enters while the worker codes, leaves before it ends
        pass
    assert gc.get_threshold()[0] == CODING_THRESHOLD  # the worker is still coding
    release.set()
    worker.join(5)
    assert gc.get_threshold() == (900, 10, 10)


def test_a_disabled_collector_stays_disabled_and_an_exception_restores():
    gc.set_threshold(0)
    with rare_collections():
        assert gc.get_threshold()[0] == 0
    gc.set_threshold(700, 10, 10)
    with pytest.raises(ValueError), rare_collections():
        raise ValueError("boom")
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.slow
def test_shared_coder_loads_the_gazetteer_before_freezing(coder):
    # Full collections must not rescan the city index on every pass while coding: the shared
    # coder builds it before gc.freeze(), so none of its tables is in a collected generation.
    from flashpoint.geo import get_gazetteer

    cities = get_gazetteer().cities  # the coder's own (one per process)
    tracked = {id(obj) for obj in gc.get_objects()}
    assert gc.get_freeze_count() > 0
    assert not {id(cities), id(cities.primary), id(cities.alias)} & tracked
