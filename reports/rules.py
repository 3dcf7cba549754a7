"""Who may do what with outcome reports.

The secretariat of the review's commission and the Network secretariat write the report; for
everyone else it does not exist until its final language versions are published on the knowledge
platform, which serves them. The permission object is the review.
"""

import rules

from reviews.rules import is_secretariat_of_review

rules.add_perm("reports.manage_report", is_secretariat_of_review)
