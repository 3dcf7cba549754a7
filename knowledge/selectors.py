"""What the public reads of the knowledge platform: only what is published, never anything else."""

from django.db.models import QuerySet

from knowledge.models import Publication


def public_publications() -> QuerySet[Publication]:
    """Every public page, feed, sitemap and API response starts here."""
    return Publication.objects.public().with_sources()
