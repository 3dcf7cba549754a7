from django.urls import path

from reference import views

app_name = "reference"

urlpatterns = [
    path("objectives/", views.ObjectiveListView.as_view(), name="objectives"),
    path("commissions/", views.CommissionListView.as_view(), name="commissions"),
    path("commissions/<str:code>/", views.CommissionDetailView.as_view(), name="commission"),
]
