"""Where the push plugs into the project, imported once the app is ready: the receiver of every
publication and withdrawal, its task, and the Deliveries page's link on the cycle dashboard."""

from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from knowledge.models import Publication
from knowledge.push import services, tasks  # noqa: F401 - a worker learns the task here
from knowledge.services import publication_changed
from reviews.navigation import register_cycle_link


@receiver(publication_changed, sender=Publication, dispatch_uid="knowledge.push")
def push_publication_change(sender, publication, action, **kwargs):
    if services.push_is_on():
        services.record_delivery(publication=publication, action=action)


register_cycle_link(
    name="knowledge-deliveries",
    label=_("Deliveries to the knowledge platform"),
    url=lambda cycle: f"{reverse('knowledge:deliveries')}?cycle={cycle.slug}",
    permission="knowledge.see_deliveries",
    order=30,
)
