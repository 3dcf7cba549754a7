"""Atom feeds of new publications: all of them, and one per regional commission."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from knowledge.selectors import public_publications
from reference.models import Commission

ENTRIES = 50


class PublicationsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, code=None):
        return get_object_or_404(Commission, code=code) if code else None

    def title(self, commission):
        if commission is None:
            return _("GCM regional reviews: new publications")
        return _("GCM regional reviews: new publications of %(commission)s") % {
            "commission": commission.name
        }

    def subtitle(self, commission):
        return _(
            "Outcome reports, inputs and documents of the regional reviews of the Global "
            "Compact for Safe, Orderly and Regular Migration."
        )

    def link(self, commission):
        url = reverse("knowledge:browse")
        return f"{url}?commission={commission.code}" if commission else url

    def items(self, commission):
        publications = public_publications()
        if commission is not None:
            publications = publications.filter(review__commission=commission)
        return publications[:ENTRIES]

    def item_title(self, publication):
        return publication.title

    def item_description(self, publication):
        return _("%(kind)s · %(review)s · %(language)s") % {
            "kind": publication.get_kind_display(),
            "review": publication.review.title,
            "language": publication.get_language_display(),
        }

    def item_pubdate(self, publication):
        return publication.published_at

    def item_updateddate(self, publication):
        return publication.updated_at

    def item_categories(self, publication):
        return [publication.review.commission.code, publication.review.cycle.slug]
