import shutil
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from reports.printing.registry import kinds
from reports.printing.services import RenderFailed, render_now, system_user


class Command(BaseCommand):
    help = (
        "Render a printable document to PDF synchronously, through the same path as the "
        "worker, and print its page count and the time it took."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(kind.name for kind in kinds()))
        parser.add_argument("id", type=int)
        self.add_options(parser)

    def add_options(self, parser):
        parser.add_argument(
            "--language", default=settings.LANGUAGE_CODE, choices=dict(settings.LANGUAGES)
        )
        parser.add_argument("--output", required=True, help="Where to write the PDF.")
        parser.add_argument(
            "--as-user",
            help="The e-mail of the person the document is rendered for (what they may see); "
            "the first Network secretariat account by default.",
        )

    def handle(self, *args, kind, id, language, output, as_user=None, **options):
        user = self._user(as_user)
        started = time.perf_counter()
        try:
            job = render_now(kind, id, language, user)
        except Http404:
            raise CommandError(f"No {kind} {id} that {user} may see.") from None
        except RenderFailed as failure:
            raise CommandError(failure.message) from None
        seconds = time.perf_counter() - started
        with job.file.open("rb") as source, open(output, "wb") as target:
            shutil.copyfileobj(source, target)
        reused = " (identical to an earlier render)" if job.reused else ""
        self.stdout.write(
            f"{output}: {job.page_count} pages in {seconds:.2f} s{reused}, sha256 {job.sha256}"
        )

    def _user(self, email):
        if email:
            user = get_user_model().objects.filter(email__iexact=email).first()
            if user is None:
                raise CommandError(f"No account with the e-mail {email}.")
            return user
        user = system_user()
        if user is None:
            raise CommandError("No Network secretariat account: name one with --as-user.")
        return user
