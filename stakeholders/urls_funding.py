"""Travel funding, nominations and one's own personal data."""

from django.urls import path

from stakeholders.views import funding, nominations, personal_data

urlpatterns = [
    path("funding/", funding.MyFundingView.as_view(), name="my_funding"),
    path(
        "registrations/<int:registration>/funding/new/",
        funding.FundingRequestCreateView.as_view(),
        name="funding_new",
    ),
    path("funding/<int:pk>/", funding.FundingRequestView.as_view(), name="funding_request"),
    path(
        "funding/<int:pk>/decision/",
        funding.FundingDecisionView.as_view(),
        name="funding_decide",
    ),
    path(
        "funding/<int:pk>/response/",
        funding.FundingResponseView.as_view(),
        name="funding_respond",
    ),
    path(
        "funding/<int:pk>/messages/", funding.FundingMessageView.as_view(), name="funding_message"
    ),
    path("reviews/<int:pk>/funding/", funding.ReviewFundingView.as_view(), name="review_funding"),
    path("nominations/", nominations.MyNominationsView.as_view(), name="my_nominations"),
    path(
        "reviews/<int:pk>/nominations/new/",
        nominations.NominationCreateView.as_view(),
        name="nomination_new",
    ),
    path(
        "reviews/<int:pk>/nominations/",
        nominations.ReviewNominationsView.as_view(),
        name="review_nominations",
    ),
    path(
        "nominations/<int:pk>/decision/",
        nominations.NominationDecisionView.as_view(),
        name="nomination_decide",
    ),
    path("my-data/", personal_data.PersonalDataView.as_view(), name="personal_data"),
    path(
        "my-data/export.json",
        personal_data.PersonalDataExportView.as_view(),
        name="personal_data_export",
    ),
]
