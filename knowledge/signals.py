"""A published document renamed is found, and listed, by its new title at once."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from knowledge.enums import PublicationStatus
from reviews.models import ReviewDocument


@receiver(post_save, sender=ReviewDocument, dispatch_uid="knowledge.refresh_document")
def refresh_published_document(sender, instance, created=False, **kwargs):
    if created:
        return
    from knowledge.models import Publication
    from knowledge.services import refresh

    publication = Publication.objects.filter(
        document=instance, status=PublicationStatus.PUBLISHED
    ).first()
    if publication is not None and publication.title != instance.title:
        refresh(publication)
