"""Slack and Teams configuration: secrets only from the environment, and `make run` and the
other tests unaffected when they are not set."""
from __future__ import annotations

import re

import yaml

from bot.servers import ROOT, missing_env_vars

CHAT = ROOT / "credentials-chat.yml"
VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "TEAMS_APP_ID", "TEAMS_APP_PASSWORD"]


def test_every_chat_setting_is_an_environment_variable_so_no_secret_is_committed():
    channels = yaml.safe_load(CHAT.read_text())
    assert set(channels) == {"bot.channels.slack.CoachSlackInput",
                             "bot.channels.teams.CoachTeamsInput"}
    for settings in channels.values():
        assert settings and all(re.fullmatch(r"\$\{\w+\}", value) for value in settings.values())


def test_the_default_credentials_need_no_chat_secrets():
    assert missing_env_vars(ROOT / "credentials.yml", env={}) == []
    channels = yaml.safe_load((ROOT / "credentials.yml").read_text())
    assert not [name for name in channels if "slack" in name or "teams" in name]


def test_missing_variables_are_named_before_rasa_starts(tmp_path):
    assert missing_env_vars(CHAT, env={}) == sorted(VARIABLES)
    assert missing_env_vars(CHAT, env={name: "x" for name in VARIABLES}) == []
    commented = tmp_path / "credentials.yml"
    commented.write_text("# uses ${NOT_A_SETTING}\nchannel:\n  token: ${TOKEN}\n")
    assert missing_env_vars(commented, env={}) == ["TOKEN"]
