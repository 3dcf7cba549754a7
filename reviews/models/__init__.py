from reviews.models.audit import ReviewStatusChange
from reviews.models.checklist import ChecklistItem
from reviews.models.cycles import RegionalReview, ReviewCycle, RoadmapPhase
from reviews.models.documents import DocumentComment, DocumentVersion, ReviewDocument
from reviews.models.programme import Roundtable, Session, Speaker

__all__ = [
    "ChecklistItem",
    "DocumentComment",
    "DocumentVersion",
    "RegionalReview",
    "ReviewCycle",
    "ReviewDocument",
    "ReviewStatusChange",
    "RoadmapPhase",
    "Roundtable",
    "Session",
    "Speaker",
]
