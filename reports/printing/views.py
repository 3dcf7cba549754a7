"""Asking for a printed document, watching it being rendered, downloading it."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import OwnContentMixin
from core.listing import page_of
from core.storage import file_download
from reports.models import RenderJob
from reports.printing import services
from reports.printing.forms import PrintForm
from reports.printing.registry import PrintableKind, get_kind


class PrintView(PermissionRequiredMixin, FormView):
    """The language to print in; sending it queues the job and opens its page."""

    template_name = "reports/print.html"
    form_class = PrintForm

    @cached_property
    def printable(self) -> PrintableKind:
        return get_kind(self.kwargs["kind"])

    @property
    def permission_required(self) -> str:
        return self.printable.permission

    def get_write_permission_required(self) -> str:
        return self.printable.permission

    def get_permission_object(self):
        return self.printable.source_for(self.kwargs["pk"], self.request.user)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "languages": self.printable.languages(self.permission_object),
        }

    def form_valid(self, form):
        job = services.request_render(
            kind=self.printable.name,
            pk=self.permission_object.pk,
            language=form.cleaned_data["language"],
            user=self.request.user,
        )
        return redirect(job)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            printable=self.printable, source=self.permission_object, **kwargs
        )


class JobMixin(PermissionRequiredMixin):
    permission_required = "reports.see_render_job"

    def get_permission_object(self):
        return get_object_or_404(RenderJob, pk=self.kwargs["pk"])

    @property
    def job(self) -> RenderJob:
        return self.permission_object


class JobView(JobMixin, TemplateView):
    """The job's progress, polled by htmx as a fragment until the document is ready or failed."""

    template_name = "reports/job.html"

    def get_template_names(self):
        if self.request.htmx:
            return ["reports/job.html#progress"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        return super().get_context_data(job=self.job, printable=get_kind(self.job.kind), **kwargs)


class DownloadView(JobMixin, View):
    def get(self, request, *args, **kwargs):
        job = self.job
        if not job.file:
            return redirect(job)
        filename = f"{job.kind}-{job.object_id}-{job.language}.pdf"
        return file_download(job.file, filename=filename, content_type="application/pdf")


class MyDocumentsView(OwnContentMixin, PermissionRequiredMixin, TemplateView):
    permission_required = "reports.see_own_documents"
    template_name = "reports/documents.html"

    def get_queryset(self):
        return RenderJob.objects.filter(requested_by=self.request.user).order_by(
            "-created_at", "-pk"
        )

    def get_content_context(self):
        return page_of(self.request, self.get_queryset())
