"""Bring existing rows in line with the constraints added by the next migration."""

from django.db import migrations
from django.db.models import F, Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce

SUBMITTED_STATES = ["accepted", "published", "resubmitted", "returned", "submitted"]


def make_rows_consistent(apps, schema_editor):
    Submission = apps.get_model("submissions", "Submission")
    AuditEvent = apps.get_model("submissions", "AuditEvent")
    OutboxMessage = apps.get_model("submissions", "OutboxMessage")
    Outline = apps.get_model("submissions", "Outline")
    SectionText = apps.get_model("submissions", "SectionText")
    SectionRevision = apps.get_model("submissions", "SectionRevision")

    # A submitted one is dated by its first recorded submission, else by its last change.
    first_submitted = (
        AuditEvent.objects.filter(
            submission=OuterRef("pk"), action__in=["submitted", "resubmitted"]
        )
        .values("submission")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    Submission.objects.filter(status__in=SUBMITTED_STATES, submitted_at=None).update(
        submitted_at=Coalesce(Subquery(first_submitted), F("updated_at"))
    )
    Submission.objects.filter(status="draft").exclude(submitted_at=None).update(submitted_at=None)
    Submission.objects.filter(version__lt=1).update(version=1)

    # A message with a sending date may have gone out: it is marked sent, never sent twice.
    OutboxMessage.objects.filter(status="draft").exclude(sent_at=None).update(status="sent")
    OutboxMessage.objects.filter(status="draft").exclude(sent_by=None).update(sent_by=None)
    OutboxMessage.objects.filter(status="sent", sent_at=None).update(sent_at=F("created_at"))
    OutboxMessage.objects.filter(version__lt=1).update(version=1)

    for outline in Outline.objects.filter(version__lt=1):
        latest = Outline.objects.filter(kind=outline.kind).aggregate(latest=Max("version"))
        Outline.objects.filter(pk=outline.pk).update(version=latest["latest"] + 1)

    # A revision numbered 0 moves its section's revisions up by one, keeping their order.
    for section_text_id in (
        SectionRevision.objects.filter(version__lt=1)
        .values_list("section_text_id", flat=True)
        .distinct()
    ):
        for revision in SectionRevision.objects.filter(section_text_id=section_text_id).order_by(
            "-version"
        ):
            SectionRevision.objects.filter(pk=revision.pk).update(version=revision.version + 1)
        SectionText.objects.filter(pk=section_text_id).update(version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0003_audit_choices"),
    ]

    operations = [
        migrations.RunPython(make_rows_consistent, migrations.RunPython.noop),
    ]
