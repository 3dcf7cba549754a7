from django.urls import path

from reports.printing import views as printing

app_name = "reports"

urlpatterns = [
    path("print/<slug:kind>/<int:pk>/", printing.PrintView.as_view(), name="print"),
    path("printed/", printing.MyDocumentsView.as_view(), name="documents"),
    path("printed/<int:pk>/", printing.JobView.as_view(), name="job"),
    path("printed/<int:pk>/file/", printing.DownloadView.as_view(), name="download"),
]
