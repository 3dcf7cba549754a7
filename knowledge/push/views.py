"""The Deliveries page: what was pushed to the external platform, and sending a delivery again."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.permissions import PermissionRequiredMixin
from core.fragments import CachedContentMixin
from core.listing import labels, local_datetime, page_of
from core.versions import PUBLIC
from knowledge.enums import PublicationAction
from knowledge.push import selectors, services
from knowledge.push.filters import DeliveryFilter
from knowledge.push.models import DELIVERIES, Delivery


@dataclass(frozen=True)
class DeliveryRow:
    pk: int
    title: str
    action_label: str
    review: str
    created: str
    status: str
    status_label: str
    attempts: int
    last_status_code: int | None
    last_error: str
    last_attempt: str
    delivered: str
    may_send_again: bool


def delivery_rows(deliveries: Iterable[Delivery]) -> list[DeliveryRow]:
    statuses, actions = labels(Delivery.Status.choices), labels(PublicationAction.choices)
    now = timezone.now()
    return [
        DeliveryRow(
            pk=delivery.pk,
            title=delivery.publication.title,
            action_label=actions[delivery.action],
            review=delivery.publication.review.title,
            created=local_datetime(delivery.created_at),
            status=delivery.status,
            status_label=statuses[delivery.status],
            attempts=delivery.attempts,
            last_status_code=delivery.last_status_code,
            last_error=delivery.last_error,
            last_attempt=local_datetime(delivery.last_attempt_at)
            if delivery.last_attempt_at
            else "",
            delivered=local_datetime(delivery.delivered_at) if delivery.delivered_at else "",
            may_send_again=services.may_send_again(delivery, now),
        )
        for delivery in deliveries
    ]


class DeliveryListView(CachedContentMixin, PermissionRequiredMixin, TemplateView):
    """Every publication and withdrawal pushed to the platform, newest first, filtered by status
    and cycle; a secretariat sees its own commission's.

    Kept until a delivery changes (the worker's attempts move DELIVERIES) or a title it shows
    does (PUBLIC); whether a stuck delivery may be sent again shows at most the cache's
    timeout late, against the hour it takes to count as stuck.
    """

    permission_required = "knowledge.see_deliveries"
    template_name = "knowledge/deliveries.html"

    def content_scopes(self):
        return [DELIVERIES, PUBLIC]

    def get_content_context(self):
        filters = DeliveryFilter(
            self.request.GET or None, queryset=selectors.deliveries_for(self.request.user)
        )
        context = page_of(self.request, filters.qs)
        return {
            "filter": filters,
            "rows": delivery_rows(context["page_obj"]),
            "push_is_on": services.push_is_on(),
            **context,
        }


class DeliverySendView(PermissionRequiredMixin, View):
    """Send one delivery again, with a fresh signature (POST only)."""

    permission_required = "knowledge.resend_delivery"
    write_permission_required = "knowledge.resend_delivery"

    def get_permission_object(self):
        return get_object_or_404(
            Delivery.objects.select_related("publication__review"), pk=self.kwargs["pk"]
        )

    def post(self, request, *args, **kwargs):
        try:
            services.send_again(delivery=self.permission_object, actor=request.user)
        except ValidationError as refused:
            for message in refused.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The delivery is being sent again."))
        return redirect("knowledge:deliveries")
