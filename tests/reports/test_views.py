"""The secretariat of the review's commission and the Network secretariat write the report;
for everyone else it does not exist (404) until it is published."""

import re

import pytest
from django.urls import reverse

from reference.models import Commission, Country
from reports import services
from reports.enums import ReportStatus, VersionKind
from stakeholders.enums import NameVisibility, RegistrationStatus
from stakeholders.registration import decide_registration, register
from tests.factories import (
    UserFactory,
    commission_secretariat,
    focal_point,
    make_review,
    network_secretariat,
)
from tests.reports.report_builders import meeting
from tests.stakeholders.builders import open_review, participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def eclac(reference_data):
    return commission_secretariat(Commission.objects.get(code="ECLAC"))


@pytest.fixture
def report(eclac):
    review = make_review("ECLAC")
    return services.start_report(review=review, language="en", actor=eclac)


def autosave(client, report, section, text, version, language="en"):
    return client.post(
        reverse("reports:autosave", args=[report.review_id, language, section.pk]),
        {"text": text, "version": version},
    )


def pages(report):
    pk = report.review_id
    section = report.languages.get().sections.first()
    return [
        reverse("reports:report", args=[pk]),
        reverse("reports:edit", args=[pk, "en"]),
        reverse("reports:history", args=[pk, "en", section.pk]),
        reverse("reports:preview", args=[pk, "en"]),
    ]


def test_the_secretariat_starts_the_report_and_lands_in_the_editor(client, eclac, reference_data):
    review = make_review("ECLAC")
    client.force_login(eclac)
    page = client.get(reverse("reports:report", args=[review.pk]))
    assert "Start the report" in page.content.decode()
    response = client.post(reverse("reports:start", args=[review.pk]), {"language": "es"})
    assert response["Location"] == reverse("reports:edit", args=[review.pk, "es"])
    editor = client.get(response["Location"]).content.decode()
    assert editor.count('class="section-text"') == 5
    assert "Key findings" in editor or "Conclusiones" in editor


def test_the_report_tab_shows_in_the_review_workspace(client, eclac, report):
    client.force_login(eclac)
    dashboard = client.get(reverse("reviews:dashboard", args=[report.review_id])).content.decode()
    assert f'href="{reverse("reports:report", args=[report.review_id])}"' in dashboard


@pytest.mark.parametrize("who", ["network", "commission"])
def test_secretariat_writes_a_section_with_autosave(client, report, eclac, who):
    client.force_login(network_secretariat() if who == "network" else eclac)
    section = report.languages.get().sections.first()
    response = autosave(client, report, section, "<p>The region <em>advanced</em></p>", 0)
    assert response.json() == {"version": 1, "word_count": 3}
    editor = client.get(reverse("reports:edit", args=[report.review_id, "en"])).content.decode()
    assert "&lt;p&gt;The region &lt;em&gt;advanced&lt;/em&gt;&lt;/p&gt;" in editor


def test_a_concurrent_autosave_answers_409_with_their_text(client, report, eclac):
    client.force_login(eclac)
    section = report.languages.get().sections.first()
    autosave(client, report, section, "<p>Mine first</p>", 0)
    response = autosave(client, report, section, "<p>Other tab</p>", 0)
    assert response.status_code == 409
    assert response.json()["text"] == "<p>Mine first</p>"
    section.refresh_from_db()
    assert section.text == "<p>Mine first</p>"


def test_the_plain_form_keeps_the_typed_text_on_conflict(client, report, eclac):
    client.force_login(eclac)
    section = report.languages.get().sections.first()
    autosave(client, report, section, "<p>Saved meanwhile</p>", 0)
    response = client.post(
        reverse("reports:edit", args=[report.review_id, "en"]),
        {f"section-{section.pk}-text": "<p>Typed offline</p>", f"section-{section.pk}-version": 0},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Typed offline" in body and "Saved meanwhile" in body
    section.refresh_from_db()
    assert section.text == "<p>Saved meanwhile</p>"


def test_a_final_original_refuses_autosave_with_a_message(client, report, eclac):
    client.force_login(eclac)
    for section in report.languages.get().sections.all():
        autosave(client, report, section, "<p>Done</p>", 0)
    client.post(
        reverse("reports:status", args=[report.review_id]),
        {"current": "draft", "status": "final"},
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.FINAL
    section = report.languages.get().sections.first()
    response = autosave(client, report, section, "<p>Changed</p>", 1)
    assert response.status_code == 422
    assert "final" in response.json()["messages"][0]


def test_a_refused_status_change_says_why(client, report, eclac):
    client.force_login(eclac)
    response = client.post(
        reverse("reports:status", args=[report.review_id]),
        {"current": "draft", "status": "final"},
        follow=True,
    )
    assert "cannot be final while these sections are empty" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_translations_are_added_pending_and_marked_official(client, report, eclac):
    client.force_login(eclac)
    client.post(reverse("reports:add_language", args=[report.review_id]), {"language": "ar"})
    arabic = report.languages.get(language="ar")
    assert arabic.kind == VersionKind.PENDING
    response = client.post(
        reverse("reports:version_kind", args=[report.review_id, "ar"]),
        {"kind": "official"},
        follow=True,
    )
    assert "only once every section is translated" in response.content.decode()


@pytest.mark.parametrize("who", ["other_commission", "focal_point", "stakeholder"])
def test_others_find_no_report(client, report, who):
    user = {
        "other_commission": lambda: commission_secretariat(Commission.objects.get(code="ECE")),
        "focal_point": lambda: focal_point(Country.objects.get(iso3="MEX")),
        "stakeholder": UserFactory,
    }[who]()
    client.force_login(user)
    for url in pages(report):
        assert client.get(url).status_code == 404
    section = report.languages.get().sections.first()
    assert autosave(client, report, section, "<p>Intrusion</p>", 0).status_code == 404
    assert (
        client.post(
            reverse("reports:status", args=[report.review_id]),
            {"current": "draft", "status": "final"},
        ).status_code
        == 404
    )
    section.refresh_from_db()
    assert section.text == ""


def test_a_signed_out_writer_is_told_so_and_nothing_is_saved(client, report):
    section = report.languages.get().sections.first()
    response = autosave(client, report, section, "<p>x</p>", 0)
    assert (response.status_code, response.json()["error"]) == (401, "signed_out")
    page = client.get(reverse("reports:report", args=[report.review_id]))
    assert page.status_code == 302


def test_a_translator_writes_beside_the_original(client, report, eclac):
    client.force_login(eclac)
    original = report.languages.get().sections.get(section="key_findings")
    autosave(client, report, original, "<p>Regular pathways <em>widened</em>.</p>", 0)
    services.add_language_version(report=report, language="ar", actor=eclac)
    page = client.get(reverse("reports:edit", args=[report.review_id, "ar"])).content.decode()
    assert (
        '<div class="section-read" lang="en" dir="auto"><p>Regular pathways <em>widened</em>.</p>'
        in page
    )
    assert "translation pending" in page


def test_the_printed_arabic_version_reads_right_to_left(client, report, eclac):
    services.add_language_version(report=report, language="ar", actor=eclac)
    client.force_login(eclac)
    page = client.get(reverse("reports:preview", args=[report.review_id, "ar"])).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert 'class="cover-version pending-banner"' in page


def test_the_print_preview_names_only_who_shares_their_name_with_everyone(client, eclac):
    review = open_review("ECLAC")
    report = services.start_report(review=review, language="en", actor=eclac)
    event = meeting(review)
    for name, visibility in [
        ("Ana Public", NameVisibility.EVERYONE),
        ("Cleo Private", NameVisibility.NOBODY),
    ]:
        registration = register(event=event, user=participant(name=name, visibility=visibility))
        decide_registration(
            registration=registration, decision=RegistrationStatus.APPROVED, actor=eclac
        )
    client.force_login(eclac)
    page = client.get(reverse("reports:preview", args=[report.review_id, "en"])).content.decode()
    assert "Ana Public" in page and "Cleo Private" not in page


def test_the_print_preview_shows_a_saved_section_at_once(client, report, eclac):
    client.force_login(eclac)
    preview = reverse("reports:preview", args=[report.review_id, "en"])
    assert "Corridors opened" not in client.get(preview).content.decode()
    autosave(client, report, report.languages.get().sections.first(), "<p>Corridors opened</p>", 0)
    assert "Corridors opened" in client.get(preview).content.decode()


def test_the_history_shows_who_changed_which_words(client, report, eclac):
    client.force_login(eclac)
    section = report.languages.get().sections.first()
    autosave(client, report, section, "<p>Pathways widened</p>", 0)
    autosave(client, report, section, "<p>Regular pathways widened <b>a&lt;b</b></p>", 1)
    editor = client.get(reverse("reports:edit", args=[report.review_id, "en"])).content.decode()
    url = reverse("reports:history", args=[report.review_id, "en", section.pk])
    assert f'href="{url}"' in editor
    page = client.get(url).content.decode()
    assert re.findall(r'<p class="diff">(.*?)</p>', page) == [
        "<del>Pathways</del> <ins>Regular pathways</ins> widened <ins>a&lt;b</ins>",
        "<ins>Pathways widened</ins>",
    ]
