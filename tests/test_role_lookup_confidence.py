"""find_role offers weak or close matches as a "did you mean" instead of assuming them."""

from __future__ import annotations

import pytest

from bot.drafting import match_title


@pytest.mark.parametrize("typed", ["chief vibes officer", "blockchain ninja", "network wizardry"])
def test_a_partial_match_is_asked_about(typed: str) -> None:
    found = match_title(typed)
    assert found.role is not None
    assert found.ambiguous


@pytest.mark.parametrize(
    "typed", ["registered nurse", "cashier", "sr. software eng", "network technician"]
)
def test_a_clear_match_starts_straight_away(typed: str) -> None:
    found = match_title(typed)
    assert found.role is not None and not found.ambiguous


def test_network_tech_offers_the_telecom_installer_second() -> None:
    # The exact curated title starts at once (above); a title short of it is asked about.
    found = match_title("network tech")
    assert found.ambiguous
    choices = found.choices()
    assert choices[0].key == "network_technician"
    assert "49-2022.00" in [choice.code for choice in choices]
