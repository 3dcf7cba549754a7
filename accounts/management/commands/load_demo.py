from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reference.models import Commission


class Command(BaseCommand):
    help = (
        "Create demo data and one demo user per role, and print their e-mails and passwords. "
        "Each app contributes through the load() function of its demo module, in app order."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even in production mode")

    def handle(self, *args, force, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Refusing to create demo users in production (use --force).")
        if not Commission.objects.exists():
            raise CommandError("Load the reference data first: python manage.py load_reference")
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                name = f"{app_config.name}.demo"
                if find_spec(name) is not None:
                    import_module(name).load(out=self)
