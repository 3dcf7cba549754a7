"""What travel funding, nominations and personal data add to the rest of the application, once,
from StakeholdersConfig.ready(): a checklist evaluator, workspace tabs, and the data versions
their models move."""

from django.utils.translation import gettext_lazy as _


def connect(app_config) -> None:
    from core.versions import track_review_part
    from reviews.checklist import register_evaluator
    from reviews.navigation import register_tab
    from stakeholders import rules_funding  # noqa: F401 — registers the permissions
    from stakeholders.side_events import side_events

    register_evaluator("side-events")(side_events)
    register_tab(
        name="funding",
        label=_("Travel funding"),
        url_name="stakeholders:review_funding",
        permission="stakeholders.see_review_funding",
        order=75,
    )
    register_tab(
        name="nominations",
        label=_("Nominations"),
        url_name="stakeholders:review_nominations",
        permission="stakeholders.manage_nominations",
        order=55,
    )
    track_review_part(
        app_config.get_model("FundingRequest"), "event.review_id", owner="registration.user_id"
    )
    for name in ("AnonymousParticipant", "PersonalDataRemoval"):
        track_review_part(app_config.get_model(name), "event.review_id")
    for name in ("FundingStatusChange", "FundingMessage"):
        track_review_part(
            app_config.get_model(name),
            "request.event.review_id",
            owner="request.registration.user_id",
        )
    # Accepted nominations show in the public programme through their speaker or session.
    track_review_part(app_config.get_model("Nomination"), owner="nominator_id")
    # Whether nominations are open shows on every stakeholder's own page.
    track_review_part(app_config.get_model("NominationWindow"), public=True)
