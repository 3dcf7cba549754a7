"""Who may publish and withdraw: the secretariat of the review's commission and the Network's.

Everyone may read what is public: the public pages read `Publication.objects.public()`, and need
no object-level rule. The pushes of publications to
the external platform are followed, and sent again, by the same secretariats.
"""

import rules

from accounts.rules import is_secretariat
from reviews.rules import is_secretariat_of_review


@rules.predicate
def is_secretariat_of_delivery(user, delivery) -> bool:
    """A delivery to the external platform is its publication's review's secretariat business."""
    return delivery is not None and is_secretariat_of_review(user, delivery.publication.review)


rules.add_perm("knowledge.browse", rules.always_allow)
rules.add_perm("knowledge.manage_publications", is_secretariat_of_review)
# Deliveries to the external platform: every secretariat opens the page, which lists the
# deliveries of its own commission's reviews (the Network's: all).
rules.add_perm("knowledge.see_deliveries", is_secretariat)
rules.add_perm("knowledge.resend_delivery", is_secretariat_of_delivery)
