from django.urls import path

from knowledge.push import views as push_views

app_name = "knowledge"

urlpatterns = [
    path("knowledge/deliveries/", push_views.DeliveryListView.as_view(), name="deliveries"),
    path(
        "knowledge/deliveries/<int:pk>/send/",
        push_views.DeliverySendView.as_view(),
        name="delivery_send",
    ),
]
