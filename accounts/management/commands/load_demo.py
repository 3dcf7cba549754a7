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
        "Each app contributes through the demo module: reset() in reverse app order (so that "
        "later apps let go of what earlier ones delete), then load() in app order."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even in production mode")

    def handle(self, *args, force, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Refusing to create demo users in production (use --force).")
        if not Commission.objects.exists():
            raise CommandError("Load the reference data first: python manage.py load_reference")
        modules = [
            import_module(f"{app_config.name}.demo")
            for app_config in apps.get_app_configs()
            if find_spec(f"{app_config.name}.demo") is not None
        ]
        with transaction.atomic():
            for module in reversed(modules):
                if hasattr(module, "reset"):
                    module.reset()
            for module in modules:
                module.load(out=self)
