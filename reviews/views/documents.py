from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, FormView, TemplateView, UpdateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin
from core.links import url_for_each
from core.listing import labels
from core.storage import file_download
from core.versions import review_scope
from reviews import services
from reviews.enums import DocumentKind, TimingState, Visibility
from reviews.forms import CommentForm, DocumentForm, DocumentVersionForm
from reviews.models import DocumentVersion, ReviewDocument
from reviews.readiness import Part, ReviewFacts
from reviews.views.base import ManageReviewMixin, ReviewPageMixin


@dataclass(frozen=True)
class DocumentRow:
    url: str
    title: str
    kind: str
    visibility: str
    shared_on: str
    state: TimingState
    languages: str
    comment_count: int


def document_rows(facts: ReviewFacts) -> list[DocumentRow]:
    """The rows of the documents table, each cell a string computed once per distinct value."""
    url = url_for_each("reviews:document")
    kinds = labels(DocumentKind.choices)
    visibilities = labels(Visibility.choices)
    dates: dict = {None: "—"}
    rows = []
    for timing in facts.document_timings:
        document = timing.document
        if document.shared_on not in dates:
            dates[document.shared_on] = date_format(document.shared_on)
        rows.append(
            DocumentRow(
                url=url(document.pk),
                title=document.title,
                kind=kinds.get(document.kind, document.kind),
                visibility=visibilities.get(document.visibility, document.visibility),
                shared_on=dates[document.shared_on],
                state=timing.state,
                languages=", ".join(document.languages) or "—",
                comment_count=document.comment_count,
            )
        )
    return rows


class DocumentListView(ReviewPageMixin, TemplateView):
    template_name = "reviews/documents.html"
    facts_parts = {Part.DOCUMENTS}

    def get_content_context(self):
        return {"rows": document_rows(self.facts)}


class DocumentCreateView(ManageReviewMixin, CreateView):
    form_class = DocumentForm
    template_name = "reviews/document_form.html"

    def form_valid(self, form):
        form.instance.review = self.review
        document = services.save_document(document=form.instance)
        messages.success(self.request, _("The document has been created; now upload its files."))
        return redirect("reviews:document", pk=document.pk)


class DocumentMixin(PermissionRequiredMixin):
    def get_permission_object(self):
        return get_object_or_404(
            ReviewDocument.objects.select_related("review__commission"), pk=self.kwargs["pk"]
        )

    @property
    def document(self):
        return self.permission_object


class DocumentUpdateView(DocumentMixin, UpdateView):
    permission_required = "reviews.manage_document"
    write_permission_required = "reviews.manage_document"
    form_class = DocumentForm
    template_name = "reviews/document_form.html"

    def get_object(self, queryset=None):
        return self.document

    def get_context_data(self, **kwargs):
        return super().get_context_data(review=self.document.review, **kwargs)

    def form_valid(self, form):
        services.save_document(document=form.instance)
        messages.success(self.request, _("The document has been saved."))
        return redirect(form.instance)


class DocumentDetailView(CachedContentMixin, DocumentMixin, FormView):
    """The secretariat manages versions and reads comments; participants read and comment."""

    permission_required = "reviews.see_document"
    template_permissions = {
        "manage": "reviews.manage_document",
        "comment": "reviews.comment_document",
    }
    public = True
    template_name = "reviews/document_detail.html"
    form_class = CommentForm

    def get_write_permission_required(self) -> str:
        # A late comment is answered on the page, with the text kept, rather than refused.
        if self.request.POST.get("action") == "upload":
            return "reviews.manage_document"
        return "reviews.see_document"

    def content_scopes(self):
        return [review_scope(self.document.review_id)]

    def content_vary(self):
        # A participant sees their own comments.
        return [*super().content_vary(), self.request.user.pk]

    def get_content_context(self):
        document, manages = self.document, self.can["manage"]
        versions = document.versions.select_related("uploaded_by").order_by("language", "-number")
        comments = document.comments.select_related("author") if manages else []
        own_comments = (
            document.comments.filter(author=self.request.user)
            if self.request.user.is_authenticated and not manages
            else []
        )
        return {
            "versions": versions,
            "comments": comments,
            "own_comments": own_comments,
            "version_form": DocumentVersionForm(),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            document=self.document, review=self.document.review, **kwargs
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "upload":
            return self.upload(request)
        return super().post(request, *args, **kwargs)

    def upload(self, request):
        form = DocumentVersionForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(version_form=form), status=422)
        services.add_document_version(
            document=self.document,
            language=form.cleaned_data["language"],
            upload=form.cleaned_data["file"],
            actor=request.user,
        )
        messages.success(request, _("The file has been uploaded."))
        return redirect(self.document)

    def form_valid(self, form):
        if not self.can["comment"]:
            form.add_error(None, _("Comments on this document are closed."))
            return self.form_invalid(form)
        services.add_comment(
            document=self.document, author=self.request.user, text=form.cleaned_data["text"]
        )
        messages.success(
            self.request, _("Thank you: your comment has been sent to the secretariat.")
        )
        return redirect(self.document)


class DocumentDownloadView(DocumentMixin, View):
    permission_required = "reviews.see_document"
    public = True

    def get(self, request, *args, **kwargs):
        version = get_object_or_404(
            DocumentVersion.objects.filter(document=self.document), pk=self.kwargs["version"]
        )
        return file_download(
            version.file, filename=version.original_name, content_type=version.content_type
        )
