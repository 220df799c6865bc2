"""manifest.yml: valid for Slack, asking for exactly the scopes and events Newjob uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / ".." / "shared" / "data" / "slack-specs"
MANIFEST_SCHEMA = SPECS / "manifest" / "manifest.schema.1.0.0.json"

# Every bot scope Newjob asks for, and why; the manifest must ask for these and no others.
NEEDED_SCOPES = {
    "commands": "the /newjob slash command",
    "chat:write": "the dialogue in DMs, review threads and posting to the jobs channel",
    "im:write": "conversations.open, to start the dialogue in a DM",
    "im:history": "message.im: the hiring manager's answers and questions in the DM",
    "app_mentions:read": "app_mention: questions asked by mentioning @newjob",
    "channels:history": "message.channels: edits written in review threads",
    "groups:history": "message.groups: the same in private review channels",
    "users:read": "users.info: names and time zones of requesters and approvers",
    "usergroups:read": "usergroups.users.list: approvers given as user groups",
    "files:write": "files_upload_v2: the Markdown, HTML and JSON-LD exports",
}

# The events Newjob listens to, with the scope each one needs.
NEEDED_EVENTS = {
    "app_home_opened": None,
    "app_mention": "app_mentions:read",
    "message.channels": "channels:history",
    "message.groups": "groups:history",
    "message.im": "im:history",
}

EVENTS_PATH = "/slack/events"  # where Bolt serves Slack in HTTP mode


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _schema() -> dict[str, Any]:
    if not MANIFEST_SCHEMA.exists():
        pytest.skip(f"Slack's manifest schema is not in {MANIFEST_SCHEMA.parent}")
    loaded = json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_manifest_is_valid_for_slack(manifest: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema()
    validator = jsonschema.Draft7Validator(schema)

    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(manifest)]

    assert errors == []
    assert manifest["_metadata"]["major_version"] == 1


def test_the_schema_bites() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(_schema())
    folder = MANIFEST_SCHEMA.parent
    valid = json.loads((folder / "manifest.valid.example.json").read_text(encoding="utf-8"))
    invalid = json.loads((folder / "manifest.invalid.example.json").read_text(encoding="utf-8"))

    assert validator.is_valid(valid)
    assert not validator.is_valid(invalid)


def test_scopes_are_exactly_what_the_code_needs(manifest: dict[str, Any]) -> None:
    asked = manifest["oauth_config"]["scopes"]["bot"]

    assert len(asked) == len(set(asked))
    assert set(asked) == set(NEEDED_SCOPES)
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == set(NEEDED_EVENTS)
    assert {s for s in NEEDED_EVENTS.values() if s} <= set(asked)


def test_event_scopes_agree_with_slacks_events_api() -> None:
    spec_file = SPECS / "events-api" / "slack_events_api_async_v1.json"
    if not spec_file.exists():
        pytest.skip(f"Slack's Events API description is not in {spec_file.parent}")
    topics = json.loads(spec_file.read_text(encoding="utf-8"))["topics"]
    for event, scope in NEEDED_EVENTS.items():
        topic = topics.get(event.replace("_", "."))
        if topic is None:
            continue  # newer than this 2020 description (app_home_opened)
        required = topic["subscribe"]["x-scopes-required"]
        assert set(required) <= {scope}, (event, required)


def test_features_newjob_relies_on(manifest: dict[str, Any]) -> None:
    features, settings = manifest["features"], manifest["settings"]
    [command] = features["slash_commands"]

    assert command["command"] == "/newjob"
    assert command["usage_hint"] == "[job title] | list | help"
    assert features["app_home"] == {
        "home_tab_enabled": True,
        "messages_tab_enabled": True,
        "messages_tab_read_only_enabled": False,
    }
    assert features["bot_user"] == {"display_name": "newjob", "always_online": True}
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True
    assert settings["org_deploy_enabled"] is False
    assert settings["token_rotation_enabled"] is False
    urls = [
        command["url"],
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ]
    assert all(url.endswith(EVENTS_PATH) for url in urls), urls
