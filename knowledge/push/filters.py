import django_filters
from django.utils.translation import gettext_lazy as _

from knowledge.push.models import Delivery
from reviews.models import ReviewCycle


class DeliveryFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Delivery.Status.choices, empty_label=_("All")
    )
    cycle = django_filters.ModelChoiceFilter(
        label=_("Cycle"),
        field_name="publication__review__cycle",
        to_field_name="slug",
        queryset=ReviewCycle.objects.order_by("-imrf_year", "title"),
        empty_label=_("All"),
    )

    class Meta:
        model = Delivery
        fields = ["status", "cycle"]
