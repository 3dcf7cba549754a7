from django.urls import path

from core.pagecache import cache_public_page
from reviews.views import calendar, checklist, cycles, documents, programme, review

app_name = "reviews"

urlpatterns = [
    path("cycles/", cycles.CycleListView.as_view(), name="cycles"),
    path("cycles/new/", cycles.CycleCreateView.as_view(), name="cycle_new"),
    path("cycles/<slug:slug>/", cycles.CycleDashboardView.as_view(), name="cycle"),
    path("cycles/<slug:slug>/calendar.ics", calendar.cycle_calendar, name="cycle_calendar"),
    path("reviews/", cache_public_page(review.ReviewListView.as_view()), name="reviews"),
    path("reviews/new/", cycles.ReviewCreateView.as_view(), name="review_new"),
    path("reviews/<int:pk>/", cache_public_page(review.ReviewPublicView.as_view()), name="review"),
    path(
        "reviews/<int:pk>/calendar.ics",
        calendar.ReviewCalendarView.as_view(),
        name="review_calendar",
    ),
    path("reviews/<int:pk>/dashboard/", review.ReviewDashboardView.as_view(), name="dashboard"),
    path("reviews/<int:pk>/edit/", review.ReviewEditView.as_view(), name="edit"),
    path("reviews/<int:pk>/status/", review.ReviewStatusView.as_view(), name="status"),
    path("reviews/<int:pk>/roadmap/", review.RoadmapView.as_view(), name="roadmap"),
    path("reviews/<int:pk>/roundtables/", review.RoundtablesView.as_view(), name="roundtables"),
    path("reviews/<int:pk>/programme/", programme.ProgrammeView.as_view(), name="programme"),
    path(
        "reviews/<int:pk>/sessions/new/", programme.SessionCreateView.as_view(), name="session_new"
    ),
    path(
        "reviews/<int:pk>/sessions/<int:session>/",
        programme.SessionUpdateView.as_view(),
        name="session_edit",
    ),
    path(
        "reviews/<int:pk>/sessions/<int:session>/delete/",
        programme.SessionDeleteView.as_view(),
        name="session_delete",
    ),
    path(
        "reviews/<int:pk>/sessions/<int:session>/speakers/new/",
        programme.SpeakerCreateView.as_view(),
        name="speaker_new",
    ),
    path(
        "reviews/<int:pk>/sessions/<int:session>/speakers/<int:speaker>/",
        programme.SpeakerUpdateView.as_view(),
        name="speaker_edit",
    ),
    path(
        "reviews/<int:pk>/sessions/<int:session>/speakers/<int:speaker>/delete/",
        programme.SpeakerDeleteView.as_view(),
        name="speaker_delete",
    ),
    path("reviews/<int:pk>/checklist/", checklist.ChecklistView.as_view(), name="checklist"),
    path(
        "reviews/<int:pk>/checklist/<int:item>/",
        checklist.ChecklistItemView.as_view(),
        name="checklist_item",
    ),
    path(
        "reviews/<int:pk>/checklist/<int:item>/status/",
        checklist.ChecklistStatusView.as_view(),
        name="checklist_status",
    ),
    path("reviews/<int:pk>/documents/", documents.DocumentListView.as_view(), name="documents"),
    path(
        "reviews/<int:pk>/documents/new/",
        documents.DocumentCreateView.as_view(),
        name="document_new",
    ),
    path("documents/<int:pk>/", documents.DocumentDetailView.as_view(), name="document"),
    path("documents/<int:pk>/edit/", documents.DocumentUpdateView.as_view(), name="document_edit"),
    path(
        "documents/<int:pk>/versions/<int:version>/",
        documents.DocumentDownloadView.as_view(),
        name="document_download",
    ),
]
