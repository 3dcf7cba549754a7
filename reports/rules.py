"""Who may do what with outcome reports.

The secretariat of the review's commission and the Network secretariat write the report; for
everyone else it does not exist until it is published, and then only its final language versions
are read, on the review's public page. The permission object is the review.
"""

import rules

from reports.enums import ReportStatus
from reviews.rules import is_public_review, is_secretariat_of_review


@rules.predicate
def has_published_report(user, review) -> bool:
    report = getattr(review, "report", None) if review is not None else None
    return report is not None and report.status == ReportStatus.PUBLISHED


rules.add_perm("reports.manage_report", is_secretariat_of_review)
rules.add_perm(
    "reports.read_report",
    is_secretariat_of_review | (is_public_review & has_published_report),
)
