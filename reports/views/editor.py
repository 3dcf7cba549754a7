"""Writing sections (i)–(v) of one language version, beside what the region's submissions say."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.concurrency import ConflictMixin
from core.drafting import AutosaveMixin, DraftingFormMixin, revision_changes, section_rows
from reference.models import Objective
from reports import selectors, services
from reports.enums import ReportSection
from reports.heatmap import heat_map
from reports.models import ReportSectionText
from reports.views.base import LanguageVersionActionMixin, ReportPageMixin


class ReportEditView(ReportPageMixin, ConflictMixin, DraftingFormMixin, TemplateView):
    """The sections of one language version with live counts and autosave; beside them, per
    objective, what the accepted submissions of the region say, and the region's heat map."""

    template_name = "reports/edit.html"

    draft_service = staticmethod(services.save_report_section)

    def section_texts(self):
        texts = list(selectors.sections_of(self.language_version))
        for text in texts:  # the service reads the version; it is already loaded
            text.language_version = self.language_version
        return texts

    def draft_rows(self, rows):
        # A translator writes each section beside the original's.
        originals = selectors.original_texts(self.language_version)
        for row in rows:
            row["section"] = ReportSection(row["text"].section)
            row["original"] = originals.get(row["text"].section)
        return rows

    def get_success_url(self):
        return self.language_version.get_absolute_url()

    def get_context_data(self, **kwargs):
        # The title names the address's language: the version is read only to render the body.
        language_name = dict(settings.LANGUAGES).get(self.kwargs["language"], "")
        return super().get_context_data(language_name=language_name, **kwargs)

    def get_content_context(self):
        version = self.language_version
        rows = self.draft_rows(section_rows(self.section_texts()))
        overview = selectors.region_overview(self.review)
        countries = selectors.submitting_countries(self.review)
        return {
            "rows": rows,
            "editable": services.version_is_editable(version),
            # What each objective's submissions say is loaded when its entry is opened.
            "overview": overview,
            "heat_map": heat_map(
                title=_("Reported status of implementation, by objective and country"),
                countries=countries,
                objective_numbers=[item.objective.number for item in overview.objectives],
                statuses=overview.statuses,
            ),
            "version": version,
        }


class ObjectiveMaterialView(ReportPageMixin, TemplateView):
    """What the accepted submissions of the region say about one objective: the fragment the
    editor loads when its entry is opened (and a page of its own without scripts)."""

    template_name = "reports/material.html"

    @cached_property
    def objective(self):
        return get_object_or_404(Objective, number=self.kwargs["number"])

    def get_template_names(self):
        if self.request.htmx:
            return [f"{self.template_name}#content"]
        return super().get_template_names()

    def content_vary(self):
        return [self.review.pk, self.objective.number]

    def get_content_context(self):
        return {
            "objective": self.objective,
            "statements": selectors.statements_on(self.review, self.objective),
        }


class ReportAutosaveView(AutosaveMixin, LanguageVersionActionMixin, View):
    """JSON endpoint for autosave of one section of a language version."""

    def get_section_text(self):
        section_text = get_object_or_404(
            ReportSectionText, pk=self.kwargs["section"], language_version=self.language_version
        )
        section_text.language_version = self.language_version
        return section_text

    draft_service = staticmethod(services.save_report_section)


class ReportSectionHistoryView(ReportPageMixin, TemplateView):
    """Every saved state of one section of a language version, word by word."""

    template_name = "reports/history.html"

    @cached_property
    def section_text(self):
        return get_object_or_404(
            ReportSectionText, pk=self.kwargs["section"], language_version=self.language_version
        )

    def get_content_context(self):
        return {"changes": revision_changes(self.section_text.revisions.select_related("author"))}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            report_section=ReportSection(self.section_text.section),
            version=self.language_version,
            **kwargs,
        )
