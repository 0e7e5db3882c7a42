"""``flashpoint watch`` and ``flashpoint alerts`` through the command line: as a real process
stopped by a signal, JSON logs, metrics, ``alerts list``/``check``, bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli
from flashpoint.store import open_store, schema
from tests.conftest import REPO
from tests.watch.helpers import Item, Page, StubCoder, rss, story

RULES = """
[webhook]
url = "{hook}"

[[rule]]
name = "violence-iran"
kind = "match"
roots = ["18-20"]
actor = "IRN"
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Process:
    """``flashpoint`` (with the stub coder) as a child process; stderr read as JSON lines."""

    def __init__(self, *args: str, env: dict[str, str] | None = None):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.watch.stub_cli", *args],
            cwd=REPO,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "no_proxy": "127.0.0.1", **(env or {})},
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def events(self) -> list[dict]:
        return [json.loads(line) for line in list(self.lines)]

    def wait_for(self, predicate, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if predicate(self.events()):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.proc.kill()
        self.finish()
        raise AssertionError("\n".join(self.lines[-30:]))

    def finish(self, timeout: float = 30.0) -> int:
        code = self.proc.wait(timeout)
        self.reader.join(5)
        assert self.proc.stderr is not None
        self.proc.stderr.close()
        return code


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_finishes_the_current_article_and_exits_cleanly(tmp_path, web, signum):
    today = dt.datetime.now(dt.UTC).date().isoformat()  # alerts look at recent events
    items = [Item(f"i{n}", story("USAGOV", "190", "IRNGOV", today, extra=f"Report {n}."),
                  f"http://n.test/{n}") for n in range(3)]  # fmt: skip
    web.set("/f.rss", rss("Feed", items))
    web.set("/hook", Page(b"", content_type="text/plain", validators=False))
    (tmp_path / "feeds.txt").write_text(f"# test feeds\n{web.url('/f.rss')}\n")
    (tmp_path / "rules.toml").write_text(RULES.format(hook=web.url("/hook")))
    db = str(tmp_path / "watch.db")
    port = _free_port()
    watch = _Process(
        "watch", str(tmp_path / "feeds.txt"), "--db", db, "--every", "0.3s",
        "--alerts", str(tmp_path / "rules.toml"), "--host-interval", "0",
        "--log-format", "json", "--metrics-port", str(port),
        env={"FP_STUB_DELAY": "1.0"},
    )  # fmt: skip
    # Stop while the second article is being coded: it is finished, the third never begun.
    watch.wait_for(lambda evs: sum(e["event"] == "stub_coding" for e in evs) == 2)
    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    assert 'flashpoint_watch_articles_total{status="new"} 1.0' in page
    watch.proc.send_signal(signum)
    assert watch.finish() == 0
    events = watch.events()  # every line of the log is a JSON object
    assert events[-1]["event"] == "stop"
    assert any(e["event"] == "signal" and e["signal"] == signum.name for e in events)
    assert [e["event"] for e in events].count("stub_coding") == 2
    with open_store(db) as store, store.session(readonly=True) as session:
        assert session.query(schema.Article).count() == 2
        assert session.query(schema.Feed).one().etag is None  # the third is taken next time

    # A second run resumes: the third article, then a cycle every 0.3 s until stopped.
    again = _Process("watch", web.url("/f.rss"), "--db", db, "--every", "0.3s",
                     "--alerts", str(tmp_path / "rules.toml"), "--host-interval", "0",
                     "--log-format", "json")  # fmt: skip
    again.wait_for(lambda evs: sum(e["event"] == "cycle" for e in evs) >= 3)
    again.proc.send_signal(signal.SIGTERM)
    assert again.finish() == 0
    cycles = [e for e in again.events() if e["event"] == "cycle"]
    assert cycles[0]["new"] == 1 and all(c["new"] == 0 for c in cycles[1:])
    assert cycles[1]["not_modified"] == 1  # a 304 once every item was taken
    with open_store(db) as store, store.session(readonly=True) as session:
        assert session.query(schema.Article).count() == 3
        assert session.query(schema.Alert).count() == 1  # the three reports are one strike
    assert len(web.hits("/hook", "POST")) == 1


def test_watch_once_json_logs_alerts_list_and_check(tmp_path, web, monkeypatch):
    import flashpoint

    monkeypatch.setattr(flashpoint, "get_coder", lambda model=None, lexicons=(): StubCoder())
    today = dt.datetime.now(dt.UTC).date().isoformat()  # alerts look at recent events
    strike = story("USAGOV", "190", "IRNGOV", today)
    web.set("/a.rss", rss("Alpha", [Item("a1", strike, "http://a.test/1")]))
    web.set("/gone.rss", Page(b"gone", status=410, content_type="text/plain"))
    web.set("/hook", Page(b"", content_type="text/plain", validators=False))
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES.format(hook=web.url("/hook")))
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["watch", web.url("/a.rss"), web.url("/gone.rss"), "--db", db,
                                 "--once", "--alerts", str(rules), "--log-format", "json",
                                 "--user-agent", "fp-cli-test"])  # fmt: skip
    assert result.exit_code == 1, result.output  # a feed failed
    lines = result.stderr.strip().splitlines()
    logged = [json.loads(line) for line in lines]
    assert {"poll", "poll_failed", "item", "alert", "delivered", "cycle"} <= {
        e["event"] for e in logged}  # fmt: skip
    failed = next(e for e in logged if e["event"] == "poll_failed")
    assert failed["status"] == 410 and failed["feed"] == web.url("/gone.rss")
    assert logged[-1]["event"] == "cycle" and logged[-1]["polled"] == 2
    assert logged[-1]["message"].startswith("2 feeds polled (0 not modified, 1 failed)")
    assert all(r.headers["User-Agent"] == "fp-cli-test" for r in web.requests if r.method == "GET")
    # Run again at once: --once polls every feed, due or not, unless a backoff holds it.
    again = runner.invoke(cli, ["watch", web.url("/a.rss"), web.url("/gone.rss"), "--db", db,
                                "--once", "--log-format", "json"])  # fmt: skip
    assert again.exit_code == 0
    cycle = json.loads(again.stderr.strip().splitlines()[-1])
    assert (cycle["polled"], cycle["not_modified"]) == (1, 1)

    table = runner.invoke(cli, ["alerts", "list", "--db", db, "--since", "2020-01-01"])
    assert table.exit_code == 0
    assert "violence-iran" in table.output and "[delivered]" in table.output
    assert "USAGOV→IRNGOV 190" in table.output and "http://a.test/1" in table.output
    listed = json.loads(
        runner.invoke(cli, ["alerts", "list", "--db", db, "--format", "json"]).output
    )
    evidence = listed[0]["payload"]["events"][0]["evidence"]
    assert evidence == f"USAGOV did 190 to IRNGOV on {today}"
    none = runner.invoke(cli, ["alerts", "list", "--db", db, "--rule", "nope"])
    assert none.exit_code == 0 and "no alerts match" in none.stderr

    checked = runner.invoke(cli, ["alerts", "check", str(rules)])
    assert checked.exit_code == 0 and "violence-iran: match" in checked.output
    assert "1 rules, all valid" in checked.stderr


def test_bad_watch_input_is_refused_before_the_model_loads(tmp_path, monkeypatch):
    import flashpoint

    def no_model(*args, **kwargs):
        raise AssertionError("the model must not load")

    monkeypatch.setattr(flashpoint, "get_coder", no_model)
    runner = CliRunner()

    def run(*args):
        return runner.invoke(cli, ["watch", *args, "--db", str(tmp_path / "x.db")])

    missing = run(str(tmp_path / "none.txt"))
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    assert "Traceback" not in missing.output
    bad_every = run("http://x.test/rss", "--every", "soon")
    assert bad_every.exit_code == 2 and "'soon' is not a duration" in bad_every.stderr
    (tmp_path / "bad.toml").write_text("[[rule]]\nname = 'x'\nkind = 'count'\n")
    bad_rules = run("http://x.test/rss", "--alerts", str(tmp_path / "bad.toml"))
    assert bad_rules.exit_code == 1 and "needs min_count" in bad_rules.stderr
    (tmp_path / "list.txt").write_text("file:///etc/passwd\n")
    bad_url = run(str(tmp_path / "list.txt"))
    assert bad_url.exit_code == 1 and "list.txt:1" in bad_url.stderr
    no_store = runner.invoke(cli, ["alerts", "list", "--db", str(tmp_path / "absent.db")])
    assert no_store.exit_code == 1 and "no event store" in no_store.stderr
