from django.urls import path

from core.pagecache import cache_public_page
from reference import views

app_name = "reference"

urlpatterns = [
    path("objectives/", cache_public_page(views.ObjectiveListView.as_view()), name="objectives"),
    path("commissions/", cache_public_page(views.CommissionListView.as_view()), name="commissions"),
    path(
        "commissions/<str:code>/",
        cache_public_page(views.CommissionDetailView.as_view()),
        name="commission",
    ),
]
