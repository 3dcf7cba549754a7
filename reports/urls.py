from django.urls import path

from reports.printing import views as printing
from reports.views import editor, public, report

app_name = "reports"

urlpatterns = [
    path("print/<slug:kind>/<int:pk>/", printing.PrintView.as_view(), name="print"),
    path("printed/", printing.MyDocumentsView.as_view(), name="documents"),
    path("printed/<int:pk>/", printing.JobView.as_view(), name="job"),
    path("printed/<int:pk>/file/", printing.DownloadView.as_view(), name="download"),
    path("reviews/<int:pk>/report/", report.ReportView.as_view(), name="report"),
    path("reviews/<int:pk>/report/start/", report.StartReportView.as_view(), name="start"),
    path("reviews/<int:pk>/report/status/", report.ReportStatusView.as_view(), name="status"),
    path(
        "reviews/<int:pk>/report/languages/",
        report.AddLanguageView.as_view(),
        name="add_language",
    ),
    path(
        "reviews/<int:pk>/report/objectives/<int:number>/",
        editor.ObjectiveMaterialView.as_view(),
        name="material",
    ),
    path(
        "reviews/<int:pk>/report/<str:language>/",
        editor.ReportEditView.as_view(),
        name="edit",
    ),
    path(
        "reviews/<int:pk>/report/<str:language>/kind/",
        report.VersionKindView.as_view(),
        name="version_kind",
    ),
    path(
        "reviews/<int:pk>/report/<str:language>/sections/<int:section>/autosave/",
        editor.ReportAutosaveView.as_view(),
        name="autosave",
    ),
    path(
        "reviews/<int:pk>/report/<str:language>/sections/<int:section>/history/",
        editor.ReportSectionHistoryView.as_view(),
        name="history",
    ),
    path(
        "reviews/<int:pk>/report/<str:language>/preview/",
        public.ReportPrintView.as_view(),
        name="preview",
    ),
]
