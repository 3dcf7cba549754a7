"""sitemap.xml: every public page of the portal, in the six languages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from knowledge import portal
from knowledge.selectors import public_publications
from reference.models import Objective


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per page (each item counts once per language), so that no page grows without end.
    limit = 600


class PagesSitemap(PortalSitemap):
    def items(self):
        return ["knowledge:portal", "knowledge:browse", "reviews:reviews"]

    def location(self, name):
        return reverse(name)


class ReviewsSitemap(PortalSitemap):
    def items(self):
        return portal.public_reviews().select_related(None).only("pk")

    def location(self, review):
        return reverse("knowledge:review", kwargs={"pk": review.pk})


class ObjectivesSitemap(PortalSitemap):
    def items(self):
        return Objective.objects.only("number").order_by("number")

    def location(self, objective):
        return reverse("knowledge:objective", kwargs={"number": objective.number})


class PublicationsSitemap(PortalSitemap):
    def items(self):
        return public_publications().select_related(None).only("pk", "updated_at")

    def lastmod(self, publication):
        return publication.updated_at


SITEMAPS = {
    "pages": PagesSitemap,
    "reviews": ReviewsSitemap,
    "objectives": ObjectivesSitemap,
    "publications": PublicationsSitemap,
}
