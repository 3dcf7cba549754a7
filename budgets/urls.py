from django.urls import path

from budgets.views import downloads, pages, versions

app_name = "budgets"

urlpatterns = [
    path("budgets/", pages.BudgetListView.as_view(), name="list"),
    path("budgets/import/", pages.BudgetUploadView.as_view(), name="import"),
    path("budgets/<int:pk>/", pages.BudgetView.as_view(), name="budget"),
    path("budgets/<int:pk>/what-if/", pages.BudgetPreviewView.as_view(), name="preview"),
    path("budgets/<int:pk>/import/", pages.BudgetUploadView.as_view(), name="import_version"),
    path(
        "budgets/<int:pk>/stated/<int:stated>/acknowledge/",
        pages.AcknowledgeView.as_view(),
        name="acknowledge",
    ),
    path(
        "budgets/<int:pk>/categories/new/", pages.CategoryCreateView.as_view(), name="add_category"
    ),
    # Versions: history, comparison, approval, exports and charts of one version.
    path("budgets/<int:pk>/versions/", versions.VersionHistoryView.as_view(), name="versions"),
    path(
        "budgets/<int:pk>/versions/compare/",
        versions.VersionComparisonView.as_view(),
        name="compare",
    ),
    path(
        "budgets/<int:pk>/versions/<int:number>/approve/",
        versions.ApproveVersionView.as_view(),
        name="approve",
    ),
    path(
        "budgets/<int:pk>/versions/<int:number>/budget.xlsx",
        downloads.BudgetExportView.as_view(export_format="xlsx"),
        name="export_xlsx",
    ),
    path(
        "budgets/<int:pk>/versions/<int:number>/budget.csv",
        downloads.BudgetExportView.as_view(export_format="csv"),
        name="export_csv",
    ),
    path(
        "budgets/<int:pk>/versions/<int:number>/charts/<slug:kind>.svg",
        downloads.BudgetChartView.as_view(),
        name="chart",
    ),
]
