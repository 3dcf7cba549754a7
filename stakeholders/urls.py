from stakeholders import urls_funding

app_name = "stakeholders"

urlpatterns = [*urls_funding.urlpatterns]
