from django.urls import path  # noqa: F401 - the patterns below are added by each part of the app

app_name = "reports"

urlpatterns = []
