from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from reviews.enums import DocumentKind, Visibility
from reviews.models.cycles import RegionalReview


class ReviewDocument(models.Model):
    review = models.ForeignKey(
        RegionalReview, on_delete=models.CASCADE, related_name="documents", verbose_name=_("review")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=300)
    visibility = models.CharField(
        _("visible to"), max_length=20, choices=Visibility.choices, default=Visibility.SECRETARIAT
    )
    shared_on = models.DateField(
        _("shared on"),
        null=True,
        blank=True,
        help_text=_("The day the document was shared with participants."),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)

    class Meta:
        ordering = ["review", "kind", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:document", kwargs={"pk": self.pk})


def _version_path(instance, filename):
    # The stored name never comes from the user; the original name is kept in a field.
    return f"reviews/{instance.document.review_id}/documents/{instance.document_id}/{filename}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        ReviewDocument,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("document"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), storage=private_storage, upload_to=_version_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)

    class Meta:
        ordering = ["document", "language", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language", "number"], name="reviews_document_version_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="reviews_document_version_number_positive"
            ),
        ]

    def __str__(self):
        return self.original_name


class DocumentComment(models.Model):
    """A stakeholder's input on a document during the review's consultation window."""

    document = models.ForeignKey(
        ReviewDocument,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("document"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)

    class Meta:
        ordering = ["document", "created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.document_id}:{self.pk}"
