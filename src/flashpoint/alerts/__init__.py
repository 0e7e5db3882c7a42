"""Alerts on what changes in the store: rules from a TOML file, evaluated after each poll of
``flashpoint watch``, each alert stored once per rule and window and optionally POSTed to a
webhook.  See docs/watch.md."""

from __future__ import annotations

from flashpoint.alerts.evaluate import evaluate_rules
from flashpoint.alerts.rules import KINDS, Rule, RuleSet, Webhook, load_rules, parse_rules
from flashpoint.alerts.webhook import alert_body, deliver_due, sign
from flashpoint.store.alerts import StoredAlert, list_alerts

__all__ = [
    "KINDS",
    "Rule",
    "RuleSet",
    "StoredAlert",
    "Webhook",
    "alert_body",
    "deliver_due",
    "evaluate_rules",
    "list_alerts",
    "load_rules",
    "parse_rules",
    "sign",
]
