"""``python -m tests.watch.stub_cli ARGS``: the flashpoint command line with the stub coder
in place of spaCy, so the watch command can be run as a real process (signals, exit
status) in a second.  FP_STUB_DELAY=seconds makes each article take that long to code."""

from __future__ import annotations

import logging
import os
import time

import flashpoint
from flashpoint.cli import main
from flashpoint.watch.logs import log_event
from tests.watch.helpers import StubCoder


class SlowStub(StubCoder):
    def code_many(self, articles, batch_size=16):
        delay = float(os.environ.get("FP_STUB_DELAY", "0"))
        for article in articles:
            log_event(logging.INFO, "stub_coding", "coding", text=article.text[:40])
            time.sleep(delay)
            yield from super().code_many([article], batch_size)


def _get_coder(model=None, lexicons=()):
    return SlowStub()


flashpoint.get_coder = _get_coder

if __name__ == "__main__":
    main()
