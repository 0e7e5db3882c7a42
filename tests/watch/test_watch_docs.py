"""The deployment recipe in docs/watch.md runs commands that exist, with options that exist,
and its example rules file is one ``flashpoint alerts check`` accepts."""

from __future__ import annotations

import re
import shlex

import click
import pytest

from flashpoint.alerts import parse_rules
from flashpoint.cli import cli
from tests.conftest import REPO

DOC = (REPO / "docs" / "watch.md").read_text()


def _commands() -> list[list[str]]:
    """Every flashpoint command line of the systemd unit and the compose file."""
    text = DOC.replace("\\\n", " ")
    lines = re.findall(r"^Exec\w*=\S*/flashpoint (.+)$", text, re.M)
    lines += re.findall(r"^    command: flashpoint (.+)$", text, re.M)
    for block in re.findall(r"^    command: >\n((?:      .+\n)+)", text, re.M):
        lines.append(" ".join(block.split()).removeprefix("flashpoint "))
    return [shlex.split(line) for line in lines]


def test_the_recipe_has_a_watch_a_serve_and_a_check():
    names = sorted(args[0] for args in _commands())
    assert names == ["alerts", "serve", "watch", "watch"]


@pytest.mark.parametrize("args", _commands(), ids=lambda args: " ".join(args[:2]))
def test_each_recipe_command_parses(args):
    command: click.Command = cli
    context = None
    while isinstance(command, click.Group):
        name, args = args[0], args[1:]
        context = command.make_context(command.name or "flashpoint", [name, *args],
                                       resilient_parsing=False, parent=context)  # fmt: skip
        command = command.get_command(context, name)
        assert command is not None, name
    command.make_context(command.name or "", list(args), parent=context)


def test_the_example_rules_are_valid(monkeypatch):
    import tomllib

    monkeypatch.setenv("FLASHPOINT_WEBHOOK_SECRET", "x")
    (example,) = re.findall(r"```toml\n(.+?)```", DOC, re.S)
    rules = parse_rules(tomllib.loads(example))
    assert [r.kind for r in rules.rules] == ["match", "count", "goldstein", "new_cluster"]
    assert rules.webhook is not None and rules.webhook.secret == "x"
