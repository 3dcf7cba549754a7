from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisations"),
    path("organisations/<int:pk>/", views.OrganisationDetailView.as_view(), name="organisation"),
    path(
        "organisations/<int:pk>/edit/",
        views.OrganisationUpdateView.as_view(),
        name="organisation_edit",
    ),
    path(
        "organisations/<int:pk>/verification/",
        views.OrganisationVerifyView.as_view(),
        name="organisation_verify",
    ),
    path(
        "commissions/<str:code>/team/", views.CommissionTeamView.as_view(), name="commission_team"
    ),
    path("countries/<str:iso3>/team/", views.CountryTeamView.as_view(), name="country_team"),
]
