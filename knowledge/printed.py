"""The PDF of a published report or input, made by the printing pipeline and served to everyone.

A publication's PDF is the newest successful render job of its source made after the source last
changed. When there is none (never printed, or removed by the nightly clean-up) the first
visitor who asks starts one, on behalf of whoever published it (or else the platform's own
account); only one is ever under way.
"""

from django.db.models import Max
from django.http import Http404

from knowledge.enums import PublicationAction, PublicationKind
from knowledge.models import Publication
from reports.enums import RenderStatus
from reports.models import RenderJob
from reports.printing.services import request_render, system_user


def printable_kind(publication: Publication) -> tuple[str, int] | None:
    """The printing kind and source key of a publication, or None if it is not printed."""
    if publication.kind == PublicationKind.REPORT:
        return "report", publication.review_id
    if publication.kind == PublicationKind.SUBMISSION:
        return "submission", publication.submission_id
    return None


def _changed_at(publication: Publication):
    if publication.kind == PublicationKind.REPORT:
        changed = publication.report_version.sections.aggregate(at=Max("updated_at"))["at"]
        return changed or publication.published_at
    # An input's text is settled once accepted; what counts is how it was published.
    return publication.published_at


def _jobs(publication: Publication):
    kind, pk = printable_kind(publication)
    return RenderJob.objects.filter(
        kind=kind,
        object_id=pk,
        language=publication.language,
        created_at__gte=_changed_at(publication),
    )


def current_pdf(publication: Publication) -> RenderJob | None:
    return (
        _jobs(publication)
        .filter(status=RenderStatus.SUCCEEDED)
        .exclude(file="")
        .order_by("-finished_at")
        .first()
    )


def ensure_pdf(publication: Publication) -> RenderJob | None:
    """The current PDF, or None after making sure one is being made (if the platform can)."""
    done = current_pdf(publication)
    if done is not None:
        return done
    if _jobs(publication).filter(status__in=RenderStatus.open_states()).exists():
        return None
    kind, pk = printable_kind(publication)
    for printer in _printers(publication):
        try:
            request_render(kind=kind, pk=pk, language=publication.language, user=printer)
        except Http404:  # no longer allowed to see it: the next one asks
            continue
        # Without a broker the job ran in this process already.
        return current_pdf(publication)
    return None


def _printers(publication: Publication):
    event = (
        publication.events.filter(action=PublicationAction.PUBLISHED, actor__isnull=False)
        .select_related("actor")
        .first()
    )
    if event is not None:
        yield event.actor
    platform = system_user()
    if platform is not None:
        yield platform
