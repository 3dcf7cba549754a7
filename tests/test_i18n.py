"""Six languages: URL prefixes, right-to-left Arabic, and complete, compiled catalogs."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
CATALOG_LANGUAGES = ["ar", "zh_Hans", "fr", "ru", "es"]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "direction", "skip_link"),
    [
        ("ar", "rtl", "انتقل إلى المحتوى الرئيسي"),
        ("zh-hans", "ltr", "跳转到主要内容"),
        ("en", "ltr", "Skip to main content"),
        ("fr", "ltr", "Aller au contenu principal"),
        ("ru", "ltr", "Перейти к основному содержанию"),
        ("es", "ltr", "Ir al contenido principal"),
    ],
)
def test_home_page_in_each_language(client, prefix, direction, skip_link):
    response = client.get(f"/{prefix}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{prefix}" dir="{direction}">' in html
    assert skip_link in html


def test_root_redirects_to_a_language_prefix(client):
    response = client.get("/", headers={"accept-language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_every_language_is_offered_by_its_own_name(client):
    html = client.get("/en/").content.decode()
    for name in ["العربيّة", "简体中文", "English", "Français", "Русский", "Español"]:
        assert name in html


def _extract_messages(tmp_path: Path) -> set[str]:
    """Run makemessages on a copy of the project and return every msgid it finds."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "var", ".git", "tests", "locale", "node_modules", "__pycache__"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fr",
            "--no-location",
            "--ignore=.venv",
            "--ignore=var",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "GCM_VAR_DIR": str(tmp_path / "var"),
        },
    )
    catalog = polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    return {(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete}


def _compiled_text(compiled: gettext.GNUTranslations, entry: polib.POEntry) -> str:
    if entry.msgctxt:
        return compiled.pgettext(entry.msgctxt, entry.msgid)
    return compiled.gettext(entry.msgid)


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed")
def test_catalogs_are_complete_and_compiled(tmp_path):
    found = _extract_messages(tmp_path)
    assert found, "makemessages found no strings"
    for language in CATALOG_LANGUAGES:
        po_path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
        catalog = polib.pofile(str(po_path))
        entries = {(e.msgctxt, e.msgid): e for e in catalog if not e.obsolete}
        missing = sorted(msgid for context, msgid in found if (context, msgid) not in entries)
        assert missing == [], f"{language}: strings missing from the catalog"
        untranslated = [e.msgid for e in entries.values() if not e.translated()]
        assert untranslated == [], f"{language}: untranslated or fuzzy strings"
        with open(po_path.with_suffix(".mo"), "rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        stale = [
            e.msgid
            for e in entries.values()
            if not e.msgid_plural and _compiled_text(compiled, e) != e.msgstr
        ]
        assert stale == [], f"{language}: the .mo file is older than the .po file"


def test_settings_offer_the_six_un_languages():
    assert [code for code, _ in settings.LANGUAGES] == ["ar", "zh-hans", "en", "fr", "ru", "es"]
