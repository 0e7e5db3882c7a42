"""Alert rules: the four kinds, one alert per rule and window, webhook delivery with retries.
The watcher tests run on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import statistics

import pytest

from flashpoint.alerts import evaluate_rules, list_alerts, load_rules, parse_rules
from flashpoint.errors import DataFileError
from flashpoint.store import write_article
from flashpoint.watch import Watcher, WatchOptions
from tests.store.helpers import document, event
from tests.watch.helpers import CODER_VERSION, SCORES, Item, Page, StubCoder, bodies, rss, story

RULES = """
[webhook]
url = "{hook}"
backoff = "10s"
secret_env = "FP_TEST_HOOK_SECRET"

[[rule]]
name = "violence-iran"
kind = "match"
roots = ["18-20"]
actor = "IRN"

[[rule]]
name = "usa-irn-material-conflict"
kind = "count"
source = "USA"
target = "IRN"
quads = [4]
min_count = 2
window = "24h"

[[rule]]
name = "usa-irn-goldstein"
kind = "goldstein"
source = "USA"
target = "IRN"
z = -3
baseline = "30d"

[[rule]]
name = "widely-reported"
kind = "new_cluster"
min_sources = 3
webhook = false
"""


def _rules(tmp_path, web, monkeypatch):
    monkeypatch.setenv("FP_TEST_HOOK_SECRET", "s3cret")
    path = tmp_path / "alerts.toml"
    path.write_text(RULES.format(hook=web.url("/hook")))
    return load_rules(str(path))


def test_each_alert_fires_once_and_is_delivered_once(store_url, tmp_path, web, clock, monkeypatch):
    from flashpoint.store import open_store

    rules = _rules(tmp_path, web, monkeypatch)
    # The receiver fails the first delivery, then takes every one.
    web.set("/hook", Page(b"ok", content_type="text/plain", validators=False))
    web.once("/hook", Page(b"down", status=500, content_type="text/plain", validators=False))
    strike = story("USAGOV", "190", "IRNGOV")
    # Three outlets report the same strike; one of them also a second attack (another event).
    web.set("/a.rss", rss("Alpha", [Item("a1", strike, "http://alpha.test/1")]))
    web.set("/b.rss", rss("Beta", [Item("b1", strike + " More.", "http://beta.test/1")]))
    web.set("/c.rss", rss("Gamma", [Item("c1", strike + " Also " + story("USAMIL", "183",
                                                                          "IRNMIL"),
                                         "http://gamma.test/1")]))  # fmt: skip
    feeds = [web.url(p) for p in ("/a.rss", "/b.rss", "/c.rss")]
    options = WatchOptions(every=60.0, host_interval=0.0)

    with open_store(store_url) as store:
        w = Watcher(store, feeds, StubCoder(), coder_version=CODER_VERSION, options=options,
                    rules=rules, clock=clock)  # fmt: skip
        first = w.poll_once()
        assert first.new == 3
        fired = {a.rule: a for a in list_alerts(store)}
        # match: one alert per real-world event (the strike, the second attack);
        # count: 2 material-conflict events USA->IRN today; goldstein: -19.5 against a
        # quiet month; new_cluster: the strike, reported by 3 outlets.
        assert sorted(a.rule for a in list_alerts(store)) == [
            "usa-irn-goldstein", "usa-irn-material-conflict", "violence-iran", "violence-iran",
            "widely-reported"]  # fmt: skip
        assert fired["usa-irn-material-conflict"].window_key == "2025-12-30/2025-12-30"
        assert fired["usa-irn-goldstein"].payload["values"]["sum"] == -19.5
        assert fired["widely-reported"].delivery == "none"  # webhook = false
        assert fired["widely-reported"].payload["values"]["sources"] == 3
        posts = web.hits("/hook", "POST")
        assert [p.status for p in posts] == [500, 200, 200, 200]
        assert first.delivered == 3

        # Later polls, more reports of the same events: nothing fires again; the failed
        # delivery is retried once its backoff has passed.
        again = [Item("a1", strike, "http://alpha.test/1"),
                 Item("a2", strike + " Again.", "http://alpha.test/2")]  # fmt: skip
        web.set("/a.rss", rss("Alpha", again))
        clock.advance(60)
        second = w.poll_once()
        assert second.new == 1 and second.alerts == 0 and second.delivered == 1

    # A restart changes nothing either.
    with open_store(store_url) as store:
        w = Watcher(store, feeds, StubCoder(), coder_version=CODER_VERSION, options=options,
                    rules=rules, clock=clock)  # fmt: skip
        clock.advance(60)
        assert w.poll_once().alerts == 0
        alerts = list_alerts(store)
        assert len(alerts) == 5
        assert {a.delivery for a in alerts} == {"delivered", "none"}

    received = bodies(web)
    delivered = [b for b, p in zip(received, web.hits("/hook", "POST"), strict=True)
                 if p.status == 200]  # fmt: skip
    ids = [b["id"] for b in delivered]
    assert len(ids) == len(set(ids)) == 4  # each alert that has a webhook, exactly once
    strike_alert = next(b for b in delivered if b["rule"]["name"] == "violence-iran"
                        and b["events"][0]["cameo"]["code"] == "190")  # fmt: skip
    assert strike_alert["events"][0]["evidence"] == "USAGOV did 190 to IRNGOV on 2025-12-30"
    assert strike_alert["events"][0]["url"] in {"http://alpha.test/1", "http://beta.test/1",
                                                "http://gamma.test/1"}  # fmt: skip
    post = web.hits("/hook", "POST")[-1]
    expected = "sha256=" + hmac.new(b"s3cret", post.body, hashlib.sha256).hexdigest()
    assert post.headers["X-Flashpoint-Signature"] == expected
    assert post.headers["X-Flashpoint-Alert"] == str(received[-1]["id"])


def test_a_webhook_that_keeps_failing_is_given_up_after_its_attempts(store, web, clock):
    rules = parse_rules({
        "webhook": {"url": web.url("/down"), "max_attempts": 2, "backoff": "1s"},
        "rule": [{"name": "any", "kind": "match", "actor": "IRN"}],
    })  # fmt: skip
    web.set("/down", Page(b"no", status=503, content_type="text/plain", validators=False))
    _put(store, "USAGOV", "IRNGOV", "190", "2025-12-30")
    now = clock()
    assert len(evaluate_rules(store, rules, now=now)) == 1
    from flashpoint.alerts import deliver_due

    assert deliver_due(store, rules.webhook, now=now) == 0
    assert deliver_due(store, rules.webhook, now=now) == 0  # not due yet: not sent
    assert deliver_due(store, rules.webhook, now=now + dt.timedelta(seconds=1)) == 0
    (stored,) = list_alerts(store)
    assert stored.delivery == "failed" and stored.attempts == 2
    assert "HTTP 503" in stored.last_error
    assert len(web.hits("/down", "POST")) == 2


# ---- the rule kinds on a hand-built store --------------------------------------------------


def _put(store, source, target, code, day, publisher="Alpha", text=None):
    goldstein, quad = SCORES[code]
    text = text or f"{publisher} {source} {target} {code} {day}"
    doc = document(text, url=f"http://{publisher.lower()}.test/{abs(hash(text))}",
                   publisher=publisher, date=day)  # fmt: skip
    events = [event(doc.article.doc_id, source=source, target=target, code=code, date=day,
                    goldstein=goldstein, quad_class=quad)]  # fmt: skip
    return write_article(store, doc, events, coder_version=CODER_VERSION)


def _fire(store, rule, day):
    rules = parse_rules({"rule": [rule]})
    now = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12), dt.UTC)
    return evaluate_rules(store, rules, now=now)


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_goldstein_fires_on_a_day_far_below_the_dyads_mean(store):
    rule = {"name": "g", "kind": "goldstein", "source": "USA", "target": "IRN", "z": -3,
            "baseline": "10d"}  # fmt: skip
    # Ten ordinary days: an accusation (-2), an agreement (+4), a consultation (+1.9) in
    # turn (each code 3 days apart: three real-world events, not one cluster).
    codes = ["112", "036", "042"]
    for n in range(10):
        day = (dt.date(2025, 12, 20) + dt.timedelta(days=n)).isoformat()
        _put(store, "USAGOV", "IRNGOV", codes[n % 3], day)
    baseline = [SCORES[codes[n % 3]][0] for n in range(10)]
    assert _fire(store, rule, "2025-12-29") == []  # an ordinary day
    _put(store, "USAGOV", "IRNGOV", "190", "2025-12-30")
    _put(store, "USAMIL", "IRNMIL", "183", "2025-12-30")
    (alert,) = _fire(store, rule, "2025-12-30")
    values = alert.payload["values"]
    mean, std = statistics.fmean(baseline), statistics.pstdev(baseline)
    assert values["sum"] == -19.5
    assert (values["mean"], values["std"]) == (pytest.approx(mean), pytest.approx(std))
    assert values["z"] == pytest.approx((-19.5 - mean) / std)
    assert alert.window_key == "2025-12-30"
    assert _fire(store, rule, "2025-12-30") == []  # the same day: no repeat
    # The other direction is another dyad: IRN->USA hostility does not count here.
    _put(store, "IRNGOV", "USAGOV", "190", "2025-12-31", publisher="Beta")
    assert _fire(store, rule, "2025-12-31") == []


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_count_windows_and_modalities(store):
    rule = {"name": "c", "kind": "count", "source": "USA", "target": "IRN", "quads": [4],
            "min_count": 2, "window": "2d"}  # fmt: skip
    _put(store, "USAGOV", "IRNGOV", "190", "2025-12-29")
    assert _fire(store, rule, "2025-12-30") == []
    # The same strike again (another outlet: the same cluster) does not count twice.
    _put(store, "USAGOV", "IRNGOV", "190", "2025-12-29", publisher="Beta")
    assert _fire(store, rule, "2025-12-30") == []
    _put(store, "USAGOV", "IRNGOV", "183", "2025-12-28")
    (alert,) = _fire(store, rule, "2025-12-30")
    # Two-day windows counted from 1970-01-01: 2025-12-28..29 is one.
    assert (alert.window_start, alert.window_end) == ("2025-12-28", "2025-12-29")
    assert alert.payload["values"]["count"] == 2
    # Windows before the previous one are never evaluated (no alerts for old history).
    assert _fire(store, {**rule, "name": "late"}, "2026-01-30") == []


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_match_fires_per_real_world_event_and_leaves_out_what_did_not_happen(store):
    from dataclasses import replace

    rule = {"name": "m", "kind": "match", "roots": ["18-20"], "actor": "IRN"}
    doc = document("Negated.", url="http://x.test/n", publisher="X", date="2025-12-30")
    denied = replace(event(doc.article.doc_id, source="USAGOV", target="IRNGOV", code="190",
                           date="2025-12-30"), modality="negated")  # fmt: skip
    write_article(store, doc, [denied], coder_version=CODER_VERSION)
    _put(store, "EGYGOV", "QATGOV", "190", "2025-12-30")  # not Iran
    _put(store, "USAGOV", "IRNGOV", "042", "2025-12-30")  # not violent
    _put(store, "USAGOV", "IRNGOV", "190", "2025-11-01")  # old: before the lookback
    assert _fire(store, rule, "2025-12-30") == []
    _put(store, "IRNMIL", "ISRMIL", "183", "2025-12-30")
    (alert,) = _fire(store, rule, "2025-12-30")
    assert alert.window_key.startswith("cluster:") and "IRNMIL→ISRMIL 183" in alert.summary


def test_rule_files_are_checked(tmp_path):
    def problem(text: str) -> str:
        path = tmp_path / "rules.toml"
        path.write_text(text)
        with pytest.raises(DataFileError) as caught:
            load_rules(str(path))
        return str(caught.value)

    assert "not valid TOML" in problem("[[rule]\nname=")
    assert "no rules" in problem("[webhook]\nurl = 'http://x.test/'\n")
    assert "kind must be one of match, count, goldstein, new_cluster" in problem(
        "[[rule]]\nname = 'x'\nkind = 'sometimes'\n")  # fmt: skip
    assert "rule 'x': needs min_count" in problem("[[rule]]\nname = 'x'\nkind = 'count'\n")
    assert "unknown key 'treshold'" in problem(
        "[[rule]]\nname = 'x'\nkind = 'count'\nmin_count = 2\ntreshold = 3\n")  # fmt: skip
    assert "unknown country code 'XXQ'" in problem(
        "[[rule]]\nname = 'x'\nkind = 'match'\nactor = 'XXQ'\n")  # fmt: skip
    assert "window must be a whole number of days" in problem(
        "[[rule]]\nname = 'x'\nkind = 'count'\nmin_count = 1\nwindow = '90m'\n")  # fmt: skip
    assert "needs a source and a target" in problem("[[rule]]\nname = 'x'\nkind = 'goldstein'\n")
    assert "two rules are named 'x'" in problem(
        "[[rule]]\nname='x'\nkind='match'\n[[rule]]\nname='x'\nkind='match'\n")  # fmt: skip
    assert "FP_NOT_SET_ANYWHERE" in problem(
        "[webhook]\nurl='http://x.test/'\nsecret_env='FP_NOT_SET_ANYWHERE'\n"
        "[[rule]]\nname='x'\nkind='match'\n")  # fmt: skip
    with pytest.raises(DataFileError, match="no such alert rules file"):
        load_rules(str(tmp_path / "none.toml"))


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_the_alerts_table_holds_one_alert_per_rule_and_window(store, monkeypatch):
    from flashpoint.alerts import evaluate
    from flashpoint.store.alerts import alert_keys

    _put(store, "USAGOV", "IRNGOV", "190", "2025-12-30")
    rule = {"name": "m", "kind": "match", "actor": "IRN", "lookback": "30d"}
    assert len(_fire(store, rule, "2025-12-30")) == 1
    # Even when the evaluation does not look the earlier alert up, none is added twice.
    monkeypatch.setattr(evaluate, "alert_keys", lambda *args, **kwargs: set())
    assert _fire(store, rule, "2026-01-10") == []
    assert len(alert_keys(store, "m")) == 1
