from django.urls import path

from core.pagecache import cache_public_page
from knowledge.views import search

app_name = "knowledge"

urlpatterns = [
    path("knowledge/search/", cache_public_page(search.SearchView.as_view()), name="search"),
]
