import time
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from accounts.models import User
from core.scaletext import TextPool
from core.versions import EVERYTHING, bump
from reference.models import Commission


class Command(BaseCommand):
    help = (
        "Create realistic volume on top of the reference and demo data, the same for the same "
        "seed. Each app contributes through its scale module: load() in app order, for the "
        "apps whose data is not loaded yet; with --replace, reset() first in reverse app order. "
        "A second run without --replace changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2018, help="random seed (default 2018)")
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="fraction of the full volume, e.g. 0.02 for a quick run (default 1)",
        )
        parser.add_argument(
            "--replace", action="store_true", help="remove scale data already loaded, then load"
        )
        parser.add_argument("--force", action="store_true", help="run even in production mode")

    def handle(self, *args, seed, scale, replace, force, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Refusing to create scale data in production (use --force).")
        if not 0 < scale <= 1:
            raise CommandError("--scale must be more than 0 and at most 1.")
        if not Commission.objects.exists():
            raise CommandError("Load the reference data first: python manage.py load_reference")
        if not User.objects.filter(email="network@example.org").exists():
            raise CommandError("Load the demo data first: python manage.py load_demo")
        modules = [
            import_module(f"{app_config.name}.scale")
            for app_config in apps.get_app_configs()
            if find_spec(f"{app_config.name}.scale") is not None
        ]
        if replace:
            with transaction.atomic():
                for module in reversed(modules):
                    module.reset()
        # An app added since the data was loaded contributes its part on top of the rest.
        missing = [module for module in modules if not module.loaded()]
        if not missing:
            self.stdout.write("Scale data is already loaded; nothing changed (--replace).")
            return
        pool = TextPool(seed=seed)
        started = time.monotonic()
        with transaction.atomic():
            for module in missing:
                module.load(seed=seed, factor=scale, pool=pool, out=self)
        bump(EVERYTHING)  # bulk writes send no signals
        if connection.vendor == "postgresql":
            # The planner's statistics of the tables just filled, which autovacuum would gather
            # only later: until then it plans for empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Scale data loaded in {time.monotonic() - started:.0f} s.")
        )
