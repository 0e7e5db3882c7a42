"""Docs cannot drift: every command and setting is documented."""

from flashpoint.cli import cli
from flashpoint.settings import SETTINGS
from tests.conftest import REPO

CLI_DOC = (REPO / "docs" / "cli.md").read_text()


def test_every_command_has_help_and_a_doc_section():
    for name, command in cli.commands.items():
        assert command.help, name
        assert f"`flashpoint {name}" in CLI_DOC, name
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.opts[0] in CLI_DOC, (name, param.opts[0])


def test_every_setting_is_documented():
    for setting in SETTINGS:
        assert f"`{setting.name}`" in CLI_DOC and setting.env in CLI_DOC
