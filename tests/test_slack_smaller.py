"""The smaller things of #17, over signed requests to the real app and the fake Slack Web API:
an exact title starts the draft (no "could mean more than one job"), a "did you mean" has job
titles on its buttons (no occupation codes, none cut mid-word), and every finding the checks
count is shown (notes included)."""

from __future__ import annotations

import re

from tests import (
    review_scenes,
    slack_fixtures,
)
from tests.newjob_app import Running
from tests.review_scenes import ready_draft, visible_text
from tests.slack_requests import GENERAL_CHANNEL

fake_slack = slack_fixtures.fake_slack
SOC_CODE = re.compile(r"\d{2}-\d{4}")


run = review_scenes.app_with_an_approver


def test_an_exact_title_starts_and_a_vague_one_offers_titles(run: Running) -> None:
    assert run.slack.command("Registered Nurse").status_code == 200
    [started] = run.fake.wait_for("response_url")
    assert "could mean" not in str(started.params) and "pick_role" not in str(started.params)
    run.fake.wait_for("chat.postMessage", count=2)  # the DM thread and its first question

    assert run.slack.command("network tech").status_code == 200
    offered = run.fake.wait_for("response_url", count=2)[-1]
    blocks = offered.params["blocks"]
    assert "could mean more than one job" in visible_text(blocks)
    labels = [e["text"]["text"] for b in blocks for e in b.get("elements") or []]
    assert labels[0] == "Network Technician"
    assert "Telecommunications Equipment Installers and Repairers" in labels
    for label in labels:
        assert not SOC_CODE.search(label), label
        assert not label.endswith("…") and len(label) <= 75, label
    # A button still starts the draft with the role it names.
    message = {"ts": run.fake.next_ts(), "blocks": blocks}
    before = run.fake.count("chat.postMessage")
    run.slack.block_action("pick_role_0", message=message, channel_id=GENERAL_CHANNEL)
    parent = run.fake.wait_for("chat.postMessage", count=before + 2)[before]
    assert "Network Tech" in str(parent.params["text"])


def test_every_finding_counted_is_shown_in_the_preview(run: Running) -> None:
    _draft, preview = ready_draft(run)
    shown = visible_text(preview["blocks"])
    summary = next(line for line in shown.splitlines() if line.startswith("*Checks:*"))
    counts = dict(
        (kind, int(number)) for number, kind in re.findall(r"(\d+) (error|warning|note)s?", summary)
    )
    assert counts.get("note", 0) >= 1  # the sample posting has at least one note
    assert shown.count("ℹ️ ") == counts.get("note", 0)
    assert shown.count("⚠️ ") == counts.get("warning", 0)
    assert shown.count("⛔ ") == counts.get("error", 0)
