"""Every URL pattern of the project, asked by every kind of person, with GET and with POST.

Each answer is written down: 200 (or 302 where a success redirects), 404 outside a scope, "login"
for a visitor who must sign in, 405 for a method a page does not take. A new URL pattern without
its row fails `test_every_url_pattern_has_a_row`, so no page can forget its permission; a POST that
is refused leaves every row of the database as it was.
"""

from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse

from tests.permission_world import PEOPLE, build_world, database_fingerprint, project_url_names

pytestmark = pytest.mark.django_db


# How each URL pattern is reversed for the objects of the world.
KWARGS = {
    "home": lambda w: {},
    "healthz": lambda w: {},
    "set_language": lambda w: {},
    "accounts:profile": lambda w: {},
    "accounts:organisations": lambda w: {},
    "accounts:organisation": lambda w: {"pk": w.organisation.pk},
    "accounts:organisation_edit": lambda w: {"pk": w.organisation.pk},
    "accounts:organisation_verify": lambda w: {"pk": w.organisation.pk},
    "accounts:commission_team": lambda w: {"code": "ECLAC"},
    "accounts:country_team": lambda w: {"iso3": "MEX"},
    "reference:objectives": lambda w: {},
    "reference:commissions": lambda w: {},
    "reference:commission": lambda w: {"code": "ECLAC"},
    "reviews:cycles": lambda w: {},
    "reviews:cycle_new": lambda w: {},
    "reviews:cycle": lambda w: {"slug": w.cycle.slug},
    "reviews:cycle_calendar": lambda w: {"slug": w.cycle.slug},
    "reviews:reviews": lambda w: {},
    "reviews:review_new": lambda w: {},
    "reviews:review": lambda w: {"pk": w.review.pk},
    "reviews:review_calendar": lambda w: {"pk": w.review.pk},
    "reviews:dashboard": lambda w: {"pk": w.review.pk},
    "reviews:edit": lambda w: {"pk": w.review.pk},
    "reviews:roadmap": lambda w: {"pk": w.review.pk},
    "reviews:roundtables": lambda w: {"pk": w.review.pk},
    "reviews:programme": lambda w: {"pk": w.review.pk},
    "reviews:session_new": lambda w: {"pk": w.review.pk},
    "reviews:session_edit": lambda w: {"pk": w.review.pk, "session": w.session.pk},
    "reviews:session_delete": lambda w: {"pk": w.review.pk, "session": w.session.pk},
    "reviews:speaker_new": lambda w: {"pk": w.review.pk, "session": w.session.pk},
    "reviews:speaker_edit": lambda w: {
        "pk": w.review.pk,
        "session": w.session.pk,
        "speaker": w.speaker.pk,
    },
    "reviews:speaker_delete": lambda w: {
        "pk": w.review.pk,
        "session": w.session.pk,
        "speaker": w.speaker.pk,
    },
    "reviews:checklist": lambda w: {"pk": w.review.pk},
    "reviews:checklist_item": lambda w: {"pk": w.review.pk, "item": w.checklist_item.pk},
    "reviews:checklist_status": lambda w: {"pk": w.review.pk, "item": w.checklist_item.pk},
    "reviews:status": lambda w: {"pk": w.review.pk},
    "reviews:documents": lambda w: {"pk": w.review.pk},
    "reviews:document_new": lambda w: {"pk": w.review.pk},
    "reviews:document": lambda w: {"pk": w.document.pk},
    "reviews:document_edit": lambda w: {"pk": w.document.pk},
    "reviews:document_download": lambda w: {"pk": w.document.pk, "version": w.document_version.pk},
    "submissions:mine": lambda w: {},
    "submissions:start_voluntary_review": lambda w: {},
    "submissions:start_regional_input": lambda w: {},
    "submissions:edit": lambda w: {"pk": w.submission.pk},
    "submissions:withdraw": lambda w: {"pk": w.submission.pk},
    "submissions:autosave": lambda w: {"pk": w.submission.pk, "section": w.section.pk},
    "reports:report": lambda w: {"pk": w.review.pk},
    "reports:start": lambda w: {"pk": w.review.pk},
    "reports:status": lambda w: {"pk": w.review.pk},
    "reports:add_language": lambda w: {"pk": w.review.pk},
    "reports:edit": lambda w: {"pk": w.review.pk, "language": "en"},
    "reports:version_kind": lambda w: {"pk": w.review.pk, "language": "en"},
    "reports:autosave": lambda w: {
        "pk": w.review.pk,
        "language": "en",
        "section": w.report_section.pk,
    },
    "reports:history": lambda w: {
        "pk": w.review.pk,
        "language": "en",
        "section": w.report_section.pk,
    },
    "reports:preview": lambda w: {"pk": w.review.pk, "language": "en"},
    "reports:material": lambda w: {"pk": w.review.pk, "number": 7},
    "knowledge:portal": lambda w: {},
    "knowledge:browse": lambda w: {},
    "knowledge:browse_csv": lambda w: {},
    "knowledge:review": lambda w: {"pk": w.review.pk},
    "knowledge:objective": lambda w: {"number": 7},
    "knowledge:publication": lambda w: {"pk": w.publication.pk},
    "knowledge:publication_pdf": lambda w: {"pk": w.publication.pk},
    "knowledge:publication_file": lambda w: {"pk": w.published_document.pk, "language": "en"},
    "knowledge:feed": lambda w: {},
    "knowledge:commission_feed": lambda w: {"code": "ECLAC"},
    "knowledge:manage": lambda w: {"pk": w.review.pk},
    "knowledge:deliveries": lambda w: {},
    "knowledge:delivery_send": lambda w: {"pk": w.delivery.pk},
    "knowledge:publish": lambda w: {"pk": w.review.pk},
    "knowledge:withdraw": lambda w: {"pk": w.review.pk, "publication": w.publication.pk},
    "submissions:history": lambda w: {"pk": w.submission.pk, "section": w.section.pk},
    "submissions:objectives": lambda w: {"pk": w.submission.pk},
    "submissions:submit": lambda w: {"pk": w.submission.pk},
    "submissions:attach": lambda w: {"pk": w.submission.pk},
    "submissions:attachment": lambda w: {"pk": w.submission.pk, "attachment": w.attachment.pk},
    "submissions:decide": lambda w: {"pk": w.submission.pk},
    "submissions:queue": lambda w: {"pk": w.review.pk},
    "submissions:objective": lambda w: {"pk": w.review.pk, "number": 7},
    "outbox:messages": lambda w: {"pk": w.review.pk},
    "outbox:message": lambda w: {"pk": w.review.pk, "message": w.message.pk},
    "stakeholders:profile": lambda w: {},
    "stakeholders:propose_organisation": lambda w: {},
    "stakeholders:mine": lambda w: {},
    "stakeholders:endorsements": lambda w: {},
    "stakeholders:registration": lambda w: {"pk": w.registration.pk},
    "stakeholders:cancel": lambda w: {"pk": w.registration.pk},
    "stakeholders:endorse": lambda w: {"pk": w.registration.pk},
    "stakeholders:decide": lambda w: {"pk": w.registration.pk},
    "stakeholders:note_verbale": lambda w: {"pk": w.delegate_registration.pk},
    "stakeholders:events": lambda w: {"pk": w.review.pk},
    "stakeholders:event_new": lambda w: {"pk": w.review.pk},
    "stakeholders:open_events": lambda w: {},
    "stakeholders:event": lambda w: {"pk": w.event.pk},
    "stakeholders:event_edit": lambda w: {"pk": w.event.pk},
    "stakeholders:registrations": lambda w: {"pk": w.event.pk},
    "stakeholders:participants": lambda w: {"pk": w.event.pk},
    "budgets:list": lambda w: {},
    "budgets:import": lambda w: {},
    "budgets:budget": lambda w: {"pk": w.budget.pk},
    "budgets:preview": lambda w: {"pk": w.budget.pk},
    "budgets:import_version": lambda w: {"pk": w.budget.pk},
    "budgets:acknowledge": lambda w: {"pk": w.budget.pk, "stated": w.stated_total.pk},
    "budgets:add_category": lambda w: {"pk": w.budget.pk},
    # Budget versions.
    "budgets:versions": lambda w: {"pk": w.budget.pk},
    "budgets:compare": lambda w: {"pk": w.budget.pk},
    "budgets:approve": lambda w: {"pk": w.budget.pk, "number": w.budget_version.number},
    "budgets:export_xlsx": lambda w: {"pk": w.budget.pk, "number": w.budget_version.number},
    "budgets:export_csv": lambda w: {"pk": w.budget.pk, "number": w.budget_version.number},
    "budgets:chart": lambda w: {
        "pk": w.budget.pk,
        "number": w.budget_version.number,
        "kind": "commissions",
    },
    # Travel funding, nominations and one's own personal data.
    "stakeholders:my_funding": lambda w: {},
    "stakeholders:funding_new": lambda w: {"registration": w.funding_registration.pk},
    "stakeholders:funding_request": lambda w: {"pk": w.funding_request.pk},
    "stakeholders:funding_decide": lambda w: {"pk": w.funding_request.pk},
    "stakeholders:funding_respond": lambda w: {"pk": w.funding_request.pk},
    "stakeholders:funding_message": lambda w: {"pk": w.funding_request.pk},
    "stakeholders:review_funding": lambda w: {"pk": w.review.pk},
    "stakeholders:my_nominations": lambda w: {},
    "stakeholders:nomination_new": lambda w: {"pk": w.review.pk},
    "stakeholders:review_nominations": lambda w: {"pk": w.review.pk},
    "stakeholders:nomination_decide": lambda w: {"pk": w.nomination.pk},
    "stakeholders:personal_data": lambda w: {},
    "stakeholders:personal_data_export": lambda w: {},
    # Printed documents.
    "reports:print": lambda w: {"kind": "submission", "pk": w.submission.pk},
    "reports:documents": lambda w: {},
    "reports:job": lambda w: {"pk": w.render_job.pk},
    "reports:download": lambda w: {"pk": w.render_job.pk},
    # The open data API (knowledge/api): a publication is asked for by its id in every list.
    "api:schema": lambda w: {},
    "api:docs": lambda w: {},
    "api:reviews-list": lambda w: {},
    "api:reviews-detail": lambda w: {"pk": w.review.pk},
    "api:publications-list": lambda w: {},
    "api:publications-detail": lambda w: {"pk": w.publication.pk},
    "api:reports-list": lambda w: {},
    "api:reports-detail": lambda w: {"pk": w.publication.pk},
    "api:submissions-list": lambda w: {},
    "api:submissions-detail": lambda w: {"pk": w.publication.pk},
    "api:documents-list": lambda w: {},
    "api:documents-detail": lambda w: {"pk": w.publication.pk},
    "api:objectives-list": lambda w: {},
    "api:objectives-detail": lambda w: {"number": 7},
    # Searching the knowledge platform.
    "knowledge:search": lambda w: {},
}


# The answer of each person, in the order of PEOPLE:
#   anonymous, stakeholder, representative, focal_mex, official_mex, focal_phl,
#   eclac, escap, network, two_roles
# first to GET, then to POST; L is a redirect to sign in.
MATRIX = {
    "budgets:acknowledge": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 404 404 302 404",
    ),
    "budgets:add_category": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 404 404 302 404",
    ),
    "budgets:budget": (
        "L 404 404 404 404 404 200 200 200 200",
        "L 404 404 404 404 404 302 302 302 302",
    ),
    "budgets:import": (
        "L 404 404 404 404 404 404 404 200 404",
        "L 404 404 404 404 404 404 404 200 404",
    ),
    "budgets:import_version": (
        "L 404 404 404 404 404 404 404 200 404",
        "L 404 404 404 404 404 404 404 200 404",
    ),
    "budgets:list": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "budgets:preview": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 200 200 200 200",
    ),
    # Budget versions: every secretariat reads them; only the Network secretariat approves.
    "budgets:approve": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 404 404 302 404",
    ),
    "budgets:chart": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "budgets:compare": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "budgets:export_csv": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "budgets:export_xlsx": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "budgets:versions": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "accounts:commission_team": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "accounts:country_team": (
        "L 404 404 200 200 404 200 404 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "accounts:organisation": (
        "L 404 200 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "accounts:organisation_edit": (
        "L 404 200 404 404 404 404 404 200 404",
        "L 404 200 404 404 404 404 404 200 404",
    ),
    "accounts:organisation_verify": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 404 302 302 302",
    ),
    "accounts:organisations": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "accounts:profile": (
        "L 200 200 200 200 200 200 200 200 200",
        "L 200 200 200 200 200 200 200 200 200",
    ),
    "healthz": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "home": ("200 200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405 405"),
    "reference:commission": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reference:commissions": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reference:objectives": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:checklist": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:checklist_item": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 422 404 422 404",
    ),
    "reviews:checklist_status": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "reviews:cycle": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:cycle_calendar": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:cycle_new": (
        "L 404 404 404 404 404 404 404 200 404",
        "L 404 404 404 404 404 404 404 200 404",
    ),
    "reviews:cycles": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:dashboard": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:document": (
        "404 200 404 404 404 404 200 404 200 404",
        "L 200 404 404 404 404 200 404 200 404",
    ),
    "reviews:document_download": (
        "404 200 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:document_edit": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:document_new": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:documents": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:edit": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:programme": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:review": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:review_calendar": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:review_new": (
        "L 404 404 404 404 404 200 200 200 200",
        "L 404 404 404 404 404 200 200 200 200",
    ),
    "reviews:reviews": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reviews:roadmap": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:roundtables": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:session_delete": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:session_edit": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:session_new": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:speaker_delete": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:speaker_edit": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:speaker_new": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "reviews:status": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 400 404 400 404",
    ),
    "set_language": (
        "405 405 405 405 405 405 405 405 405 405",
        "302 302 302 302 302 302 302 302 302 302",
    ),
    "submissions:attach": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 302 302 404 404 404 404 302",
    ),
    "submissions:attachment": (
        "L 404 404 200 200 404 200 404 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reports:report": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reports:start": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "reports:status": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "reports:add_language": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "reports:edit": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "reports:version_kind": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "reports:autosave": (
        "405 405 405 405 405 405 405 405 405 405",
        "401 404 404 404 404 404 400 404 400 404",
    ),
    "reports:history": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reports:material": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reports:preview": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:portal": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:browse": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:browse_csv": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:review": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:objective": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:publication": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:publication_pdf": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:publication_file": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:feed": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:commission_feed": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    # Deliveries to the knowledge platform: every secretariat opens the list (of its own
    # commission's deliveries); only the review's secretariat sends one again.
    "knowledge:deliveries": (
        "L 404 404 404 404 404 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "knowledge:delivery_send": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "knowledge:manage": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    # Publishing what is already published is refused with a message: nothing changes.
    "knowledge:publish": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    # Without a reason the form shows again: nothing is withdrawn.
    "knowledge:withdraw": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 422 404 422 404",
    ),
    "submissions:autosave": (
        "405 405 405 405 405 405 405 405 405 405",
        "401 404 404 400 400 404 404 404 404 400",
    ),
    "submissions:decide": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "submissions:edit": (
        "L 404 404 200 200 404 200 404 200 200",
        "L 404 404 302 302 404 404 404 404 302",
    ),
    "submissions:history": (
        "L 404 404 200 200 404 200 404 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "submissions:mine": (
        "L 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "submissions:objective": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "submissions:objectives": (
        "L 404 404 200 200 404 200 404 200 200",
        "L 404 404 422 422 404 404 404 404 422",
    ),
    "outbox:messages": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "outbox:message": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "submissions:queue": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "submissions:start_regional_input": (
        "L 200 200 200 200 200 200 200 200 200",
        "L 200 200 200 200 200 200 200 200 200",
    ),
    "submissions:start_voluntary_review": (
        "L 404 404 200 200 200 404 404 404 200",
        "L 404 404 200 200 200 404 404 404 200",
    ),
    "submissions:submit": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 302 404 404 404 404 404 404",
    ),
    "submissions:withdraw": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 302 404 404 404 404 404 404",
    ),
    # Travel funding: the applicant and the review's secretariat; nominations: anyone signed in
    # proposes while the window is open, the review's secretariat decides; one's own data.
    "stakeholders:funding_decide": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 422 404 422 404",
    ),
    "stakeholders:funding_message": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 422 404 404 404 404 422 404 422 404",
    ),
    "stakeholders:funding_new": (
        "L 200 404 404 404 404 404 404 404 404",
        "L 200 404 404 404 404 404 404 404 404",
    ),
    "stakeholders:funding_request": (
        "L 200 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:funding_respond": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 422 404 404 404 404 404 404 404 404",
    ),
    "stakeholders:my_funding": (
        "L 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:my_nominations": (
        "L 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:nomination_decide": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "stakeholders:nomination_new": (
        "L 200 200 200 200 200 200 200 200 200",
        "L 200 200 200 200 200 200 200 200 200",
    ),
    "stakeholders:personal_data": (
        "L 200 200 200 200 200 200 200 200 200",
        "L 200 200 200 200 200 200 200 200 200",
    ),
    "stakeholders:personal_data_export": (
        "L 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:review_funding": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:review_nominations": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 422 404 422 404",
    ),
    # Registration: participants see their own; representatives endorse their organisation's;
    # the secretariat of the review decides and alone sees personal data.
    "stakeholders:cancel": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 302 404 404 404 404 404 404 404 404",
    ),
    "stakeholders:decide": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    "stakeholders:endorse": (
        "405 405 405 405 405 405 405 405 405 405",
        "L 404 302 404 404 404 404 404 404 404",
    ),
    "stakeholders:endorsements": (
        "L 404 200 404 404 404 404 404 404 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:event": (
        "200 200 200 200 200 200 200 200 200 200",
        "L 422 422 422 422 422 422 422 422 422",
    ),
    "stakeholders:event_edit": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "stakeholders:event_new": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 200 404 200 404",
    ),
    "stakeholders:events": (
        "L 404 404 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:mine": (
        "L 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:note_verbale": (
        "L 404 404 200 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:open_events": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:participants": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:profile": (
        "L 200 200 200 200 200 200 200 200 200",
        "L 200 200 200 200 200 200 200 200 200",
    ),
    "stakeholders:propose_organisation": (
        "L 200 200 200 200 200 200 200 200 200",
        "L 200 200 200 200 200 200 200 200 200",
    ),
    "stakeholders:registration": (
        "L 200 200 404 404 404 200 404 200 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    # Printed documents: whoever may see the source asks for a copy; a job and its file are
    # the asker's alone, and only while they may still see the source.
    "reports:print": (
        "L 404 404 200 200 404 200 404 200 200",
        "L 404 404 422 422 404 422 404 422 422",
    ),
    "reports:documents": (
        "L 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reports:job": (
        "L 404 404 404 404 404 200 404 404 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "reports:download": (
        "L 404 404 404 404 404 200 404 404 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "stakeholders:registrations": (
        "L 404 404 404 404 404 200 404 200 404",
        "L 404 404 404 404 404 302 404 302 404",
    ),
    # The open data API: the same answer for everyone, signed in or not (it reads no session);
    # it only reads. A report is not an input nor a document, so those lists do not have it.
    "api:schema": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:docs": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:reviews-list": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:reviews-detail": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:publications-list": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:publications-detail": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:reports-list": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:reports-detail": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:submissions-list": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:submissions-detail": (
        "404 404 404 404 404 404 404 404 404 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:documents-list": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:documents-detail": (
        "404 404 404 404 404 404 404 404 404 404",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:objectives-list": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    "api:objectives-detail": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
    # Searching the knowledge platform: everyone reads, nobody sends.
    "knowledge:search": (
        "200 200 200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405 405 405",
    ),
}

REFUSALS = {"L", "400", "401", "404", "405", "422"}


def answer(client, world, name: str, person: str, method: str) -> str:
    """What the person gets: the status code, or "L" for a redirect to sign in.

    Each request runs in a savepoint that is rolled back, so one person's successful POST does not
    change what the next person finds.
    """
    client.logout()
    if world.people[person] is not None:
        client.force_login(world.people[person])
    url = reverse(name, kwargs=KWARGS[name](world))
    with transaction.atomic():
        before = database_fingerprint() if method == "post" else None
        response = getattr(client, method)(url)
        code = str(response.status_code)
        if code == "302" and response["Location"].startswith(reverse("account_login")):
            code = "L"
        if code in REFUSALS and before is not None:
            assert database_fingerprint() == before, f"a refused POST to {url} changed the database"
        transaction.set_rollback(True)
    return code


@pytest.fixture
def world(reference_data, settings, tmp_path):
    settings.MEDIA_ROOT = Path(tmp_path)
    return build_world()


def test_every_url_pattern_has_a_row():
    assert sorted(project_url_names()) == sorted(MATRIX) == sorted(KWARGS)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_person_gets_the_answer_written_down(client, world, name):
    expected_get, expected_post = (
        dict(zip(PEOPLE, row.split(), strict=True)) for row in MATRIX[name]
    )
    answers_get = {person: answer(client, world, name, person, "get") for person in PEOPLE}
    answers_post = {person: answer(client, world, name, person, "post") for person in PEOPLE}
    assert (answers_get, answers_post) == (expected_get, expected_post)
