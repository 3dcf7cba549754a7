from django.urls import path

from submissions.views import authors, secretariat

app_name = "submissions"

urlpatterns = [
    path("submissions/", authors.MySubmissionsView.as_view(), name="mine"),
    path(
        "submissions/voluntary-review/new/",
        authors.StartVoluntaryReviewView.as_view(),
        name="start_voluntary_review",
    ),
    path(
        "submissions/regional-input/new/",
        authors.StartRegionalInputView.as_view(),
        name="start_regional_input",
    ),
    path("submissions/<int:pk>/", authors.SubmissionEditView.as_view(), name="edit"),
    path("submissions/<int:pk>/withdraw/", authors.WithdrawView.as_view(), name="withdraw"),
    path(
        "submissions/<int:pk>/sections/<int:section>/autosave/",
        authors.SectionAutosaveView.as_view(),
        name="autosave",
    ),
    path(
        "submissions/<int:pk>/sections/<int:section>/history/",
        authors.SectionHistoryView.as_view(),
        name="history",
    ),
    path("submissions/<int:pk>/objectives/", authors.ObjectivesView.as_view(), name="objectives"),
    path("submissions/<int:pk>/submit/", authors.SubmitView.as_view(), name="submit"),
    path(
        "submissions/<int:pk>/attachments/", authors.AttachmentUploadView.as_view(), name="attach"
    ),
    path(
        "submissions/<int:pk>/attachments/<int:attachment>/",
        authors.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
    path("submissions/<int:pk>/decision/", secretariat.DecisionView.as_view(), name="decide"),
    path("reviews/<int:pk>/submissions/", secretariat.ReviewQueueView.as_view(), name="queue"),
    path(
        "reviews/<int:pk>/submissions/objectives/<int:number>/",
        secretariat.ObjectiveAcrossSubmissionsView.as_view(),
        name="objective",
    ),
]
