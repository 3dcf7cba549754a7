from django.urls import path
from django.views.decorators.http import require_safe

from core.pagecache import cache_public_page
from knowledge.feeds import PublicationsFeed
from knowledge.push import views as push_views
from knowledge.views import manage, portal, search

app_name = "knowledge"

urlpatterns = [
    path("knowledge/", cache_public_page(portal.PortalView.as_view()), name="portal"),
    path("knowledge/browse/", cache_public_page(portal.BrowseView.as_view()), name="browse"),
    path("knowledge/browse.csv", portal.BrowseCsvView.as_view(), name="browse_csv"),
    path(
        "knowledge/reviews/<int:pk>/",
        cache_public_page(portal.ReviewPortalView.as_view()),
        name="review",
    ),
    path(
        "knowledge/objectives/<int:number>/",
        cache_public_page(portal.ObjectivePortalView.as_view()),
        name="objective",
    ),
    path(
        "knowledge/items/<int:pk>/",
        cache_public_page(portal.PublicationView.as_view()),
        name="publication",
    ),
    path(
        "knowledge/items/<int:pk>/pdf/", portal.PublicationPdfView.as_view(), name="publication_pdf"
    ),
    path(
        "knowledge/items/<int:pk>/files/<str:language>/",
        portal.PublicationFileView.as_view(),
        name="publication_file",
    ),
    path("knowledge/feed/", cache_public_page(require_safe(PublicationsFeed())), name="feed"),
    path(
        "knowledge/feed/<str:code>/",
        cache_public_page(require_safe(PublicationsFeed())),
        name="commission_feed",
    ),
    path("reviews/<int:pk>/publishing/", manage.ManagePublicationsView.as_view(), name="manage"),
    path("reviews/<int:pk>/publishing/publish/", manage.PublishView.as_view(), name="publish"),
    path(
        "reviews/<int:pk>/publishing/<int:publication>/withdraw/",
        manage.WithdrawView.as_view(),
        name="withdraw",
    ),
    path("knowledge/deliveries/", push_views.DeliveryListView.as_view(), name="deliveries"),
    path(
        "knowledge/deliveries/<int:pk>/send/",
        push_views.DeliverySendView.as_view(),
        name="delivery_send",
    ),
    path("knowledge/search/", cache_public_page(search.SearchView.as_view()), name="search"),
]
