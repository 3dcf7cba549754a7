from django.urls import path
from rest_framework.routers import SimpleRouter

from knowledge.api import views

app_name = "api"

router = SimpleRouter()
router.register("reviews", views.ReviewViewSet, basename="reviews")
router.register("publications", views.PublicationViewSet, basename="publications")
router.register("reports", views.ReportViewSet, basename="reports")
router.register("submissions", views.SubmissionViewSet, basename="submissions")
router.register("documents", views.DocumentViewSet, basename="documents")
router.register("objectives", views.ObjectiveViewSet, basename="objectives")

urlpatterns = [
    path("schema/", views.OpenApiSchemaView.as_view(), name="schema"),
    path("docs/", views.ApiDocsView.as_view(), name="docs"),
    *router.urls,
]
