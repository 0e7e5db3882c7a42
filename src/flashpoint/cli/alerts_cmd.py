"""``flashpoint alerts list`` and ``flashpoint alerts check``: what the rules fired, and
whether a rules file is right."""

from __future__ import annotations

import json
from typing import Any

import click

from .main import cli
from .options import db_option, iso_date
from .terminal import printable


@cli.group("alerts")
def alerts_group() -> None:
    """Alerts fired by `flashpoint watch --alerts`: `alerts list`, `alerts check RULES`."""


@alerts_group.command("list")
@db_option
@click.option("--since", metavar="YYYY-MM-DD", callback=iso_date,
              help="Alerts fired on or after this day (UTC).")  # fmt: skip
@click.option("--until", metavar="YYYY-MM-DD", callback=iso_date,
              help="Alerts fired on or before this day (UTC).")  # fmt: skip
@click.option("--rule", "rules", multiple=True, metavar="NAME",
              help="Only this rule's alerts (repeatable).")  # fmt: skip
@click.option("--limit", type=click.IntRange(1), help="At most this many alerts (newest first).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table for reading; json/jsonl: every field.")  # fmt: skip
def alerts_list_command(
    db: str | None, since: Any, until: Any, rules: tuple[str, ...], limit: int | None, fmt: str
) -> None:
    """List the alerts fired, newest first, with the events behind each: their evidence
    sentences and the URLs of the articles reporting them."""
    from ..store import open_store
    from ..store.alerts import list_alerts

    with open_store(db, create=False) as store:
        alerts = list_alerts(store, since=since, until=until, rules=rules, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([a.to_dict() for a in alerts], ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for alert in alerts:
            click.echo(json.dumps(alert.to_dict(), ensure_ascii=False))
        return
    if not alerts:
        click.echo("flashpoint: no alerts match", err=True)
        return
    for alert in alerts:
        click.echo(_line(alert))
        for event in alert.payload.get("events", []):
            click.echo(_event_line(event))
        more = alert.payload.get("events_total", 0) - len(alert.payload.get("events", []))
        if more > 0:
            click.echo(f"    … and {more} more events")


def _line(alert: Any) -> str:
    fired = alert.fired_at[:19].replace("T", " ")
    delivery = "" if alert.delivery == "none" else f"  [{alert.delivery}]"
    return printable(f"{fired}  {alert.rule}  {alert.summary}{delivery}")


def _event_line(event: dict[str, Any]) -> str:
    source = (event.get("source") or {}).get("code") or "?"
    target = (event.get("target") or {}).get("code") or "-"
    cameo = (event.get("cameo") or {}).get("code") or "?"
    evidence = " ".join(str(event.get("evidence") or "").split())
    if len(evidence) > 160:
        evidence = evidence[:159] + "…"
    where = event.get("url") or event.get("publisher") or ""
    text = (
        f"    {event.get('date') or '(no date)'}  {source}→{target} {cameo}  “{evidence}”  {where}"
    )
    return printable(text)


@alerts_group.command("check")
@click.argument("rules_file", metavar="RULES", type=click.Path(dir_okay=False))
def alerts_check_command(rules_file: str) -> None:
    """Check an alert rules file (TOML) and print its rules, without touching the store."""
    from ..alerts import load_rules

    rules = load_rules(rules_file)
    for rule in rules.rules:
        settings = {k: v for k, v in rule.settings.items() if k not in ("name", "kind")}
        shown = ", ".join(f"{k}={v!r}" for k, v in settings.items())
        click.echo(printable(f"{rule.name}: {rule.kind}" + (f" ({shown})" if shown else "")))
    if rules.webhook is not None:
        signed = ", signed" if rules.webhook.secret else ""
        click.echo(printable(f"webhook: {rules.webhook.url} (up to {rules.webhook.max_attempts}"
                             f" attempts{signed})"))  # fmt: skip
    click.echo(f"flashpoint: {rules_file}: {len(rules.rules)} rules, all valid", err=True)
