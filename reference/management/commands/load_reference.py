from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.versions import EVERYTHING, bump
from reference.loading import DATA_DIR, ReferenceDataError, load_reference


class Command(BaseCommand):
    help = "Load commissions, countries, GCM objectives and other reference facts from data files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir", type=Path, default=DATA_DIR, help="folder holding the reference CSV files"
        )

    def handle(self, *args, data_dir, **options):
        try:
            report = load_reference(data_dir=data_dir)
        except ReferenceDataError as error:
            raise CommandError(f"Nothing was loaded. {error}") from None
        for line in report.lines():
            self.stdout.write(line)
        if report.changed:
            bump(EVERYTHING)  # bulk writes send no signals
            self.stdout.write(self.style.SUCCESS("Reference data loaded."))
        else:
            self.stdout.write(
                self.style.SUCCESS("Reference data already up to date: nothing changed.")
            )
