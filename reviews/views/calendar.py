from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from reviews import selectors
from reviews.calendar import calendar_of
from reviews.models import ReviewCycle


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def review_calendar(request, pk):
    review = get_object_or_404(selectors.reviews_visible_to(request.user), pk=pk)
    content = calendar_of([review], name=review.title, host=request.get_host())
    return _ics(content, f"review-{review.pk}.ics")


def cycle_calendar(request, slug):
    cycle = get_object_or_404(ReviewCycle, slug=slug)
    reviews = list(selectors.reviews_visible_to(request.user).filter(cycle=cycle))
    content = calendar_of(reviews, name=cycle.title, host=request.get_host())
    return _ics(content, f"{cycle.slug}.ics")
