from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import create_demo_users
from reference.models import Commission


class Command(BaseCommand):
    help = "Create demo data and one demo user per role, and print their e-mails and passwords."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even in production mode")

    def handle(self, *args, force, **options):
        if settings.PRODUCTION and not force:
            raise CommandError("Refusing to create demo users in production (use --force).")
        if not Commission.objects.exists():
            raise CommandError("Load the reference data first: python manage.py load_reference")
        people = create_demo_users()
        width = max(len(person.email) for person in people)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo users (new passwords on every run):"))
        for person in people:
            scope = f" — {person.scope}" if person.scope else ""
            self.stdout.write(f"  {person.email:<{width}}  {person.password}  {person.role}{scope}")
        self.stdout.write("")
