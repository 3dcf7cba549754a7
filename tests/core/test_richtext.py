"""Authors' texts keep one allowlist of markup: on save, on display and in the editor."""

import json
import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from core.richtext import editor_allowlist, sanitise
from reference.models import Commission, Country
from submissions.models import SectionText
from tests.factories import commission_secretariat, focal_point, make_voluntary_review

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Hola <script>alert(1)</script><a href="javascript:x()">mundo</a> '
    '<a href="/en/accounts/logout/">salir</a> <img src=x onerror=alert(2)>'
    '<a href="https://example.org/plan" target="_blank">plan</a></p>'
)
CLEAN = (
    '<p>Hola <a rel="noopener noreferrer nofollow">mundo</a> '
    '<a rel="noopener noreferrer nofollow">salir</a> '
    '<a href="https://example.org/plan" rel="noopener noreferrer nofollow">plan</a></p>'
)


def test_sanitise_keeps_only_the_allowlist_and_absolute_web_links():
    assert sanitise(HOSTILE) == CLEAN


def test_rich_text_filter_shows_stored_text_sanitised():
    rendered = Template("{% load richtext %}{{ text|rich_text }}").render(
        Context({"text": HOSTILE})
    )
    assert rendered == CLEAN


def test_read_only_page_shows_stored_markup_sanitised(client, reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    section = submission.sections.first()
    # Text that bypassed the service (an import, an old row) is still shown sanitised.
    SectionText.objects.filter(pk=section.pk).update(text=HOSTILE)
    client.force_login(commission_secretariat(Commission.objects.get(code="ECLAC")))
    html = client.get(reverse("submissions:edit", args=[submission.pk])).content.decode()
    shown = re.findall(r'<div class="section-read" lang="es" dir="auto">(.*?)</div>', html)
    assert shown == [CLEAN, "", "", "", ""]


def test_editor_receives_the_server_allowlist(client, reference_data):
    submission = make_voluntary_review("MEX", "ECLAC")
    client.force_login(focal_point(Country.objects.get(iso3="MEX")))
    html = client.get(reverse("submissions:edit", args=[submission.pk])).content.decode()
    data = re.search(
        r'<script id="editor-allowlist" type="application/json">(.*?)</script>', html
    ).group(1)
    assert json.loads(data) == editor_allowlist()
    assert editor_allowlist() == {
        "tags": ["a", "b", "br", "em", "i", "li", "ol", "p", "strong", "ul"],
        "attributes": {"a": ["href"]},
        "urlSchemes": ["http", "https", "mailto"],
    }
