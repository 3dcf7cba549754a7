from django.urls import path

from budgets import views

app_name = "budgets"

urlpatterns = [
    path("budgets/", views.BudgetListView.as_view(), name="list"),
    path("budgets/import/", views.BudgetUploadView.as_view(), name="import"),
    path("budgets/<int:pk>/", views.BudgetView.as_view(), name="budget"),
    path("budgets/<int:pk>/what-if/", views.BudgetPreviewView.as_view(), name="preview"),
    path("budgets/<int:pk>/import/", views.BudgetUploadView.as_view(), name="import_version"),
    path(
        "budgets/<int:pk>/stated/<int:stated>/acknowledge/",
        views.AcknowledgeView.as_view(),
        name="acknowledge",
    ),
    path(
        "budgets/<int:pk>/categories/new/", views.CategoryCreateView.as_view(), name="add_category"
    ),
]
