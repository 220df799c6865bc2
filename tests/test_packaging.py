"""The wheel carries prompts/ and roles/, and Newjob finds them when installed from it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    [built] = out.glob("newjob-*.whl")
    return built


def test_the_wheel_holds_prompts_and_roles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "bot/_data/prompts/questions.yaml" in names
    assert "bot/_data/roles/network_technician.yaml" in names
    assert "bot/_data/roles/NOTICE" in names
    assert any(name.startswith("bot/_data/roles/catalog/") for name in names)
    assert any(name.startswith("bot/templates/") for name in names)


def test_an_installed_wheel_drafts_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "draft", "network technician", "--format", "markdown"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # The curated role file went into the wheel: its entry-level duties are in the draft.
    assert "with a senior technician on hand" in result.stdout
    found = subprocess.run(
        [sys.executable, "-c", "from bot.paths import prompts_dir; print(prompts_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert found.stdout.strip().startswith(str(site))
