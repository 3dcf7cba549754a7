"""The two commands stop at once, with a clear message, on a Python older than 3.12."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
@pytest.mark.parametrize("target", ["demo", "test"])
def test_old_python_stops_make_with_a_clear_message(tmp_path, target):
    old_python = tmp_path / "python3"
    old_python.write_text(
        '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "Python 3.11.2"; exit 0; fi\nexit 1\n'
    )
    old_python.chmod(0o755)
    result = subprocess.run(
        ["make", "-s", target, f"PYTHON={old_python}", "VENV=" + str(tmp_path / "venv")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "needs Python 3.12 or newer; the Python found is: Python 3.11.2." in result.stderr
    assert not (tmp_path / "venv").exists()
