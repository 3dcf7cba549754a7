"""sitemap.xml: every public page of the portal, in the six languages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import get_language

from knowledge import portal
from knowledge.selectors import public_publications
from reference.models import Objective


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per page (each item counts once per language), so that no page grows without end.
    limit = 600

    def location(self, item) -> str:
        """The item's `address()` (each sitemap names its own) in the active language."""
        # Django asks for an item's address in a language once for each entry naming it (the
        # item in each language, with its alternates): eight times. Reversed once here.
        key = (getattr(item, "pk", item), get_language())
        addresses = self.__dict__.setdefault("_addresses", {})
        if key not in addresses:
            addresses[key] = self.address(item)
        return addresses[key]


class PagesSitemap(PortalSitemap):
    def items(self):
        return ["knowledge:portal", "knowledge:browse", "reviews:reviews"]

    def address(self, name):
        return reverse(name)


class ReviewsSitemap(PortalSitemap):
    def items(self):
        return portal.public_reviews().select_related(None).only("pk")

    def address(self, review):
        return reverse("knowledge:review", kwargs={"pk": review.pk})


class ObjectivesSitemap(PortalSitemap):
    def items(self):
        return Objective.objects.only("number").order_by("number")

    def address(self, objective):
        return reverse("knowledge:objective", kwargs={"number": objective.number})


class PublicationsSitemap(PortalSitemap):
    def items(self):
        return public_publications().select_related(None).only("pk", "updated_at")

    def address(self, publication):
        return publication.get_absolute_url()

    def lastmod(self, publication):
        return publication.updated_at

    def get_latest_lastmod(self):
        # For the index. Django's own builds every publication to find the latest.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {
    "pages": PagesSitemap,
    "reviews": ReviewsSitemap,
    "objectives": ObjectivesSitemap,
    "publications": PublicationsSitemap,
}
