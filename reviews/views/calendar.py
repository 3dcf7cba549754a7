from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.decorators.http import require_safe

from accounts.permissions import PermissionRequiredMixin
from reviews import selectors
from reviews.calendar import calendar_of
from reviews.models import RegionalReview, ReviewCycle


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class ReviewCalendarView(PermissionRequiredMixin, View):
    permission_required = "reviews.see_review"
    public = True

    def get_permission_object(self):
        return get_object_or_404(
            RegionalReview.objects.select_related("cycle", "commission"), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        review = self.permission_object
        content = calendar_of([review], name=review.title, host=request.get_host())
        return _ics(content, f"review-{review.pk}.ics")


@require_safe
def cycle_calendar(request, slug):
    """Public: the feed holds only the reviews of the cycle that the visitor may see."""
    cycle = get_object_or_404(ReviewCycle, slug=slug)
    reviews = list(selectors.reviews_visible_to(request.user).filter(cycle=cycle))
    content = calendar_of(reviews, name=cycle.title, host=request.get_host())
    return _ics(content, f"{cycle.slug}.ics")
