"""Rasa's own conversation tests (tests/conversations/) against the trained model."""
from __future__ import annotations

import subprocess
import sys

import pytest

from bot.servers import ROOT, service_env

pytestmark = pytest.mark.slow


def test_conversation_stories_pass(trained_model, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "test", "core", "--model", str(trained_model),
         "--stories", str(ROOT / "tests" / "conversations"), "--out", str(tmp_path),
         "--fail-on-prediction-errors", "--no-plot"],
        cwd=ROOT, env=service_env(), capture_output=True, text=True, timeout=600)
    failed = (tmp_path / "failed_test_stories.yml")
    details = (failed.read_text() if failed.exists()
               else result.stdout[-3000:] + result.stderr[-3000:])
    assert result.returncode == 0, details
