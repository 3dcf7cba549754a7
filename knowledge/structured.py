"""schema.org metadata of public pages, as JSON-LD that search engines and harvesters read."""

import json

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from knowledge.enums import PublicationKind

# Inside <script> nothing may close the element or open markup.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

_TYPES = {
    PublicationKind.REPORT: "Report",
    PublicationKind.SUBMISSION: "Report",
    PublicationKind.DOCUMENT: "DigitalDocument",
}


def _script(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped


def _publisher() -> dict:
    return {"@type": "Organization", "name": _("United Nations Network on Migration")}


def _event(request, review) -> dict:
    event = {
        "@type": "Event",
        "name": review.title,
        "url": request.build_absolute_uri(review_url(review)),
        "organizer": {"@type": "Organization", "name": review.commission.name},
    }
    if review.meeting_start:
        event["startDate"] = review.meeting_start.isoformat()
    if review.meeting_end:
        event["endDate"] = review.meeting_end.isoformat()
    if review.venue:
        event["location"] = review.venue
    return event


def review_url(review) -> str:
    return reverse("knowledge:review", kwargs={"pk": review.pk})


def review_json_ld(request, review) -> SafeString:
    return _script({"@context": "https://schema.org", **_event(request, review)})


def publication_json_ld(request, publication) -> SafeString:
    data = {
        "@context": "https://schema.org",
        "@type": _TYPES[publication.kind],
        "@id": request.build_absolute_uri(publication.get_absolute_url()),
        "url": request.build_absolute_uri(publication.get_absolute_url()),
        "name": publication.title,
        "inLanguage": publication.language,
        "datePublished": publication.published_at.date().isoformat(),
        "dateModified": publication.updated_at.date().isoformat(),
        "publisher": _publisher(),
        "about": [
            {"@type": "Thing", "name": f"{objective.number}. {objective.title}"}
            for objective in publication.objectives.all()
        ],
        "isPartOf": _event(request, publication.review),
    }
    if publication.country_id:
        data["spatialCoverage"] = {"@type": "Country", "name": publication.country.name}
    return _script(data)
