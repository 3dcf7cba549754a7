from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin
from core.versions import review_scope
from reviews import selectors
from reviews.readiness import EVERYTHING


class ManageReviewMixin(PermissionRequiredMixin):
    """A secretariat page of one review, found among the reviews the user manages."""

    permission_required = "reviews.manage_review"
    write_permission_required = "reviews.manage_review"
    review_url_kwarg = "pk"

    def get_permission_object(self):
        # The review alone: its commission and cycle are read by the kept body, when it is made.
        return get_object_or_404(
            selectors.reviews_managed_by(self.request.user).select_related(None),
            pk=self.kwargs[self.review_url_kwarg],
        )

    @property
    def review(self):
        return self.permission_object

    # The parts of the review the page shows (reviews.readiness.Part); the checklist needs all.
    facts_parts = EVERYTHING

    @cached_property
    def facts(self):
        return selectors.facts_for(self.review, self.facts_parts)

    def get_context_data(self, **kwargs):
        return super().get_context_data(review=self.review, **kwargs)


class ReviewPageMixin(CachedContentMixin, ManageReviewMixin):
    """A secretariat page of one review whose body is kept until the review's data changes."""

    def content_scopes(self):
        return [review_scope(self.review.pk)]
