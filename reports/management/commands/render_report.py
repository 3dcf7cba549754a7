from reports.management.commands.render_document import Command as RenderDocumentCommand


class Command(RenderDocumentCommand):
    help = (
        "Render a review's outcome report to PDF synchronously, through the same path as the "
        "worker, and print its page count and the time it took."
    )

    def add_arguments(self, parser):
        parser.add_argument("id", type=int, metavar="REVIEW_ID")
        self.add_options(parser)

    def handle(self, *args, **options):
        return super().handle(*args, kind="report", **options)
