from django.db import migrations


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("reviews", "0004_alter_speaker_gender"),
        ("submissions", "0006_outbox_moved"),
        ("stakeholders", "0003_merge_funding_and_registration"),
    ]

    operations = []
