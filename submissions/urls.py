from django.urls import path

from submissions import views

app_name = "submissions"

urlpatterns = [
    path("submissions/", views.MySubmissionsView.as_view(), name="mine"),
    path(
        "submissions/voluntary-review/new/",
        views.StartVoluntaryReviewView.as_view(),
        name="start_voluntary_review",
    ),
    path("submissions/<int:pk>/", views.SubmissionEditView.as_view(), name="edit"),
    path(
        "submissions/<int:pk>/sections/<int:section>/autosave/",
        views.SectionAutosaveView.as_view(),
        name="autosave",
    ),
    path(
        "submissions/<int:pk>/sections/<int:section>/history/",
        views.SectionHistoryView.as_view(),
        name="history",
    ),
    path("submissions/<int:pk>/objectives/", views.ObjectivesView.as_view(), name="objectives"),
    path("submissions/<int:pk>/submit/", views.SubmitView.as_view(), name="submit"),
    path("submissions/<int:pk>/decision/", views.DecisionView.as_view(), name="decide"),
    path("reviews/<int:pk>/submissions/", views.ReviewQueueView.as_view(), name="queue"),
]
