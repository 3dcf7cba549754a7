from django.urls import path

from outbox import views

app_name = "outbox"

urlpatterns = [
    path("reviews/<int:pk>/outbox/", views.OutboxView.as_view(), name="messages"),
    path(
        "reviews/<int:pk>/outbox/<int:message>/",
        views.OutboxMessageEditView.as_view(),
        name="message",
    ),
]
