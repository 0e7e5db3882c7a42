"""--no-model codes with the rules alone, and leaves the setting as it found it."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from flashpoint.cli import cli

TEXT = "Egypt hosted talks with Qatar's foreign minister in Cairo on Monday."


@pytest.mark.slow
def test_no_model_codes_with_rules_only_and_restores_the_setting(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    before = os.environ.get("FLASHPOINT_EVENT_MODEL")
    with_model = CliRunner().invoke(cli, ["code", str(story), "--date", "2025-12-29"])
    rules = CliRunner().invoke(cli, ["code", str(story), "--date", "2025-12-29", "--no-model"])
    assert with_model.exit_code == 0 and rules.exit_code == 0, rules.output
    modelled = [json.loads(line) for line in with_model.output.splitlines()]
    ruled = [json.loads(line) for line in rules.output.splitlines()]
    assert modelled and ruled
    assert all("model p=" in e["pattern"] for e in modelled)
    assert not any("model p=" in e["pattern"] for e in ruled)
    assert os.environ.get("FLASHPOINT_EVENT_MODEL") == before
