from django.urls import path

from core.pagecache import cache_public_page
from stakeholders import urls_funding
from stakeholders.views import events, participants, profile, registration

app_name = "stakeholders"

urlpatterns = [
    path("participant/profile/", profile.ProfileEditView.as_view(), name="profile"),
    path(
        "organisations/propose/",
        profile.ProposeOrganisationView.as_view(),
        name="propose_organisation",
    ),
    path("registrations/", registration.MyRegistrationsView.as_view(), name="mine"),
    path(
        "registrations/endorsements/",
        registration.EndorsementsView.as_view(),
        name="endorsements",
    ),
    path(
        "registrations/<int:pk>/",
        registration.RegistrationDetailView.as_view(),
        name="registration",
    ),
    path(
        "registrations/<int:pk>/cancel/",
        registration.CancelRegistrationView.as_view(),
        name="cancel",
    ),
    path("registrations/<int:pk>/endorse/", registration.EndorseView.as_view(), name="endorse"),
    path("registrations/<int:pk>/decide/", events.DecideRegistrationView.as_view(), name="decide"),
    path(
        "registrations/<int:pk>/note-verbale/",
        registration.NoteVerbaleView.as_view(),
        name="note_verbale",
    ),
    path("reviews/<int:pk>/events/", events.EventListView.as_view(), name="events"),
    path("reviews/<int:pk>/events/new/", events.EventCreateView.as_view(), name="event_new"),
    path(
        "events/", cache_public_page(registration.OpenEventListView.as_view()), name="open_events"
    ),
    path("events/<int:pk>/", cache_public_page(registration.EventView.as_view()), name="event"),
    path("events/<int:pk>/edit/", events.EventEditView.as_view(), name="event_edit"),
    path(
        "events/<int:pk>/registrations/",
        events.RegistrationQueueView.as_view(),
        name="registrations",
    ),
    path(
        "events/<int:pk>/participants/",
        cache_public_page(participants.ParticipantListView.as_view()),
        name="participants",
    ),
    *urls_funding.urlpatterns,
]
