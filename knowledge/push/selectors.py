from django.db.models import QuerySet

from knowledge.push.models import Delivery


def deliveries_for(user) -> QuerySet[Delivery]:
    """The deliveries of the reviews the user's secretariat roles reach, newest first; what the
    list shows of each, without the bodies."""
    deliveries = Delivery.objects.select_related(
        "publication__review__commission", "publication__review__cycle"
    ).defer("payload")
    if user.scopes.network:
        return deliveries
    return deliveries.filter(publication__review__commission_id__in=user.scopes.commission_ids)
