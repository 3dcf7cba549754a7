"""The outbox moves to its own app, shared with registrations: every message is copied there,
with its number, and said to be about its submission."""

from django.core.management.color import no_style
from django.db import migrations


def _author_label(submission) -> str:
    if submission.country_id:
        return submission.country.name
    if submission.organisation_id:
        return submission.organisation.name
    author = submission.author
    return (author.name or author.email) if author else ""


def copy_to_outbox(apps, schema_editor):
    Old = apps.get_model("submissions", "OutboxMessage")
    New = apps.get_model("outbox", "OutboxMessage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = Old.objects.select_related(
        "submission__country", "submission__organisation", "submission__author"
    ).order_by("pk")
    if not old.exists():
        return
    about_type, _created = ContentType.objects.get_or_create(
        app_label="submissions", model="submission"
    )
    New.objects.bulk_create(
        (
            New(
                pk=message.pk,
                review_id=message.review_id,
                about_type=about_type,
                about_id=message.submission_id,
                about_label=_author_label(message.submission)[:300],
                recipients=message.recipients,
                subject=message.subject,
                body=message.body,
                status=message.status,
                version=message.version,
                created_at=message.created_at,
                sent_at=message.sent_at,
                sent_by_id=message.sent_by_id,
            )
            for message in old.iterator(chunk_size=2000)
        ),
        batch_size=2000,
    )
    # Numbers were copied: the next message is numbered after them.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [New]):
            cursor.execute(sql)


def copy_back(apps, schema_editor):
    Old = apps.get_model("submissions", "OutboxMessage")
    New = apps.get_model("outbox", "OutboxMessage")
    messages = New.objects.filter(
        about_type__app_label="submissions", about_type__model="submission"
    )
    Old.objects.bulk_create(
        Old(
            pk=message.pk,
            review_id=message.review_id,
            submission_id=message.about_id,
            recipients=message.recipients,
            subject=message.subject,
            body=message.body,
            status=message.status,
            version=message.version,
            created_at=message.created_at,
            sent_at=message.sent_at,
            sent_by_id=message.sent_by_id,
        )
        for message in messages
    )
    messages.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("outbox", "0001_initial"),
        ("submissions", "0005_integrity_constraints"),
    ]

    operations = [
        migrations.RunPython(copy_to_outbox, copy_back),
        migrations.RemoveConstraint(
            model_name="outboxmessage",
            name="submissions_outbox_sent_at_iff_sent",
        ),
        migrations.RemoveConstraint(
            model_name="outboxmessage",
            name="submissions_outbox_version_from_one",
        ),
        migrations.DeleteModel(
            name="OutboxMessage",
        ),
    ]
