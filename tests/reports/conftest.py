import pytest


@pytest.fixture(autouse=True)
def _private_files_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
