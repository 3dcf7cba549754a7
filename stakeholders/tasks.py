from celery import shared_task

from stakeholders.personal_data import remove_expired_personal_data


@shared_task(name="stakeholders.remove_expired_personal_data")
def remove_expired_personal_data_task() -> dict[str, int]:
    """Daily (Celery beat): personal data past its retention period is removed; harmless to run
    again."""
    removed = remove_expired_personal_data()
    return {
        "registrations": removed.registrations,
        "funding_requests": removed.funding_requests,
        "messages": removed.messages,
        "nominations": removed.nominations,
    }
