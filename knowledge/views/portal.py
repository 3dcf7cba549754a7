"""The public portal: the same pages for every visitor, of what is published and nothing else."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from core import storage
from core.listing import page_of
from core.spreadsheets import csv_bytes, neutralise
from core.storage import file_download
from knowledge import portal, printed
from knowledge.enums import PublicationKind
from knowledge.filters import PublicationFilter
from knowledge.selectors import objectives_with_public_counts, public_publications
from knowledge.structured import publication_json_ld, review_json_ld
from reference.models import Objective

PER_PAGE = 20


class PortalView(TemplateView):
    template_name = "knowledge/portal.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reviews=portal.public_reviews(),
            latest=portal.latest_publications(),
            objectives=objectives_with_public_counts(),
            **kwargs,
        )


class FilteredMixin:
    # The page cache keeps a filtered page by its filters (core.pagecache).
    cached_query_parameters = ("page", *PublicationFilter.base_filters)

    @cached_property
    def filterset(self) -> PublicationFilter:
        return PublicationFilter(self.request.GET or None, queryset=public_publications())

    def rows(self):
        # Invalid filters show every row, with the form saying what was wrong.
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset


class BrowseView(FilteredMixin, TemplateView):
    template_name = "knowledge/browse.html"

    def get_context_data(self, **kwargs):
        page = page_of(self.request, self.rows(), per_page=PER_PAGE)
        return super().get_context_data(
            filter=self.filterset, publications=page["page_obj"].object_list, **page, **kwargs
        )


class BrowseCsvView(FilteredMixin, View):
    """The listing as CSV, with the same filters, every row."""

    def get(self, request, *args, **kwargs):
        header = [
            _("Id"),
            _("Kind"),
            _("Title"),
            _("Commission"),
            _("Cycle"),
            _("Review"),
            _("Kind of input"),
            _("Country"),
            _("Language"),
            _("Objectives"),
            _("Published on"),
            _("Address"),
        ]
        rows = [header] + [
            [
                publication.pk,
                publication.get_kind_display(),
                neutralise(publication.title),
                publication.review.commission.code,
                publication.review.cycle.slug,
                neutralise(publication.review.title),
                publication.get_input_kind_display(),
                publication.country.iso3 if publication.country_id else "",
                publication.language,
                " ".join(str(objective.number) for objective in publication.objectives.all()),
                publication.published_at.date().isoformat(),
                request.build_absolute_uri(publication.get_absolute_url()),
            ]
            for publication in self.rows().select_related("country").prefetch_related("objectives")
        ]
        response = HttpResponse(csv_bytes(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="gcm-publications.csv"'
        return response


class ReviewPortalView(TemplateView):
    template_name = "knowledge/review.html"

    def get_context_data(self, **kwargs):
        review = get_object_or_404(portal.public_reviews(), pk=self.kwargs["pk"])
        return super().get_context_data(
            review=review,
            shelf=portal.review_shelf(review),
            json_ld=review_json_ld(self.request, review),
            **kwargs,
        )


class ObjectivePortalView(TemplateView):
    template_name = "knowledge/objective.html"

    def get_context_data(self, **kwargs):
        objective = get_object_or_404(Objective, number=self.kwargs["number"])
        return super().get_context_data(
            objective=objective,
            regions=portal.objective_across_regions(objective),
            **kwargs,
        )


class PublicationMixin:
    @cached_property
    def publication(self):
        publication = portal.publication_for_page(self.kwargs["pk"])
        if publication is None:
            raise Http404
        return publication


class PublicationView(PublicationMixin, TemplateView):
    """A published report version, input or document at its permanent address."""

    def get_template_names(self):
        return [f"knowledge/publication_{self.publication.kind}.html"]

    def get_context_data(self, **kwargs):
        publication = self.publication
        context = {
            "publication": publication,
            "review": publication.review,
            "json_ld": publication_json_ld(self.request, publication),
        }
        if publication.kind == PublicationKind.REPORT:
            context["document"] = portal.report_of(publication)
            context["other_languages"] = portal.other_languages(publication)
        elif publication.kind == PublicationKind.SUBMISSION:
            context.update(portal.input_of(publication))
        else:
            context["files"] = portal.document_files(publication)
        return super().get_context_data(**context, **kwargs)


def _public_file(field_file, *, filename: str, content_type: str):
    return file_download(
        field_file, filename=filename, content_type=content_type, caching=storage.PUBLISHED
    )


class PublicationPdfView(PublicationMixin, TemplateView):
    """The PDF of a published report version or input; made on first request if need be."""

    template_name = "knowledge/pdf_pending.html"

    def get(self, request, *args, **kwargs):
        if printed.printable_kind(self.publication) is None:
            raise Http404
        job = printed.ensure_pdf(self.publication)
        if job is None:
            response = self.render_to_response(
                self.get_context_data(publication=self.publication), status=202
            )
            response["Retry-After"] = "10"
            return response
        return _public_file(
            job.file,
            filename=f"gcm-{self.publication.kind}-{self.publication.pk}-"
            f"{self.publication.language}.pdf",
            content_type="application/pdf",
        )


class PublicationFileView(PublicationMixin, View):
    """A published document's latest file in one of its languages."""

    def get(self, request, *args, **kwargs):
        if self.publication.kind != PublicationKind.DOCUMENT:
            raise Http404
        files = {file.language: file for file in portal.document_files(self.publication)}
        version = files.get(self.kwargs["language"])
        if version is None:
            raise Http404
        return _public_file(
            version.file, filename=version.original_name, content_type=version.content_type
        )
