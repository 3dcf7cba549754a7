"""What `make bench` measures: the key pages of every role, each signed in through a real session."""

import statistics
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

ANONYMOUS = "anonymous"
STAKEHOLDER = "stakeholder"
FOCAL_POINT = "focal point"
COMMISSION_SECRETARIAT = "commission secretariat"
NETWORK_SECRETARIAT = "Network secretariat"
# The namespaces of the application's own pages (allauth's and the admin's are not ours to tune).
OWN_NAMESPACES = (
    "reference",
    "accounts",
    "reviews",
    "outbox",
    "submissions",
    "budgets",
    "stakeholders",
    "reports",
    "knowledge",
    "api",
)
# Routes of the knowledge platform and its API that no target measures, and why.
NOT_MEASURED = {
    "knowledge:browse_csv": "a download: every row of the filtered listing as CSV",
    "knowledge:publication_pdf": "a download: the stored PDF, rendered once by a worker",
    "knowledge:publication_file": "a download: a document's stored file",
    "knowledge:commission_feed": "the Atom feed (measured) narrowed to one commission",
    "knowledge:publish": "POST only",
    "knowledge:withdraw": "POST only (its form is on the publishing page)",
    "knowledge:delivery_send": "POST only",
    "api:schema": "made from the code once per language and process, then kept",
    "api:docs": "Swagger UI's page: static files and the schema",
    "api:publications-detail": "the serializer of the measured lists, one row",
    "api:reports-list": "the publications list (measured) narrowed to one kind",
    "api:reports-detail": "the serializer of the measured lists, one row",
    "api:submissions-detail": "the serializer of the measured lists, one row",
    "api:documents-list": "the publications list (measured) narrowed to one kind",
    "api:documents-detail": "the serializer of the measured lists, one row",
    "api:reviews-list": "the review detail (measured) for every public review",
    "api:objectives-detail": "the objectives list (measured), one row",
}
# Added to a public page's address to measure it rendered, as its first visitor after a change
# gets it: the page cache keeps no address with a parameter its page does not read
# (core/pagecache.py).
UNCACHED = "uncached"


def uncached(url: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{UNCACHED}"


@dataclass
class Target:
    page: str
    role: str
    url_name: str
    url: str
    cookie: str = ""
    # A public page rendered afresh (its address made uncached): reported on its own, since
    # the figure of public pages is of the page as its visitors are served it (bench/report.py).
    afresh: bool = False
    queries: int = 0
    in_process_ms: float = 0.0
    sql_ms: float = 0.0
    rounds: list[dict] = field(default_factory=list)


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def build_targets() -> list[Target]:
    from accounts.models import User
    from budgets.models import Budget
    from reviews.models import RegionalReview, ReviewDocument
    from reviews.scale import CYCLES
    from stakeholders.enums import EventKind
    from stakeholders.models import Event, Registration
    from submissions.models import Submission

    review = RegionalReview.objects.get(cycle__slug=CYCLES[-1][0], commission__code="ECA")
    document = ReviewDocument.objects.filter(review=review).order_by("pk").first()
    submission = Submission.objects.get(review=review, country__iso3="MAR")
    budget = Budget.objects.filter(cycle=review.cycle).order_by("pk").first()
    users = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    cookies = {
        ANONYMOUS: "",
        STAKEHOLDER: _session_cookie(users["stakeholder@example.org"]),
        FOCAL_POINT: _session_cookie(users["focal.morocco@example.org"]),
        COMMISSION_SECRETARIAT: _session_cookie(users["eca@example.org"]),
        NETWORK_SECRETARIAT: _session_cookie(users["network@example.org"]),
    }
    pk = {"pk": review.pk}
    consultation = Event.objects.get(review=review, kind=EventKind.CONSULTATION)
    registration = Registration.objects.filter(event=consultation).order_by("pk").first()
    pages = [
        ("bare view", ANONYMOUS, "bench_bare", {}),
        ("home", ANONYMOUS, "home", {}),
        ("review list", ANONYMOUS, "reviews:reviews", {}),
        ("review public page", ANONYMOUS, "reviews:review", pk),
        ("objectives list", ANONYMOUS, "reference:objectives", {}),
        ("commission list", ANONYMOUS, "reference:commissions", {}),
        ("commission page", ANONYMOUS, "reference:commission", {"code": "ECA"}),
        ("home", STAKEHOLDER, "home", {}),
        ("review list", STAKEHOLDER, "reviews:reviews", {}),
        ("review public page", STAKEHOLDER, "reviews:review", pk),
        ("profile", STAKEHOLDER, "accounts:profile", {}),
        ("consultations and meetings", ANONYMOUS, "stakeholders:open_events", {}),
        ("event registration page", STAKEHOLDER, "stakeholders:event", {"pk": consultation.pk}),
        ("participant list", ANONYMOUS, "stakeholders:participants", {"pk": consultation.pk}),
        ("participant list", STAKEHOLDER, "stakeholders:participants", {"pk": consultation.pk}),
        ("my registrations", STAKEHOLDER, "stakeholders:mine", {}),
        ("participant profile", STAKEHOLDER, "stakeholders:profile", {}),
        ("home", FOCAL_POINT, "home", {}),
        ("my submissions", FOCAL_POINT, "submissions:mine", {}),
        ("submission editor", FOCAL_POINT, "submissions:edit", {"pk": submission.pk}),
        (
            "submission objectives (23)",
            FOCAL_POINT,
            "submissions:objectives",
            {"pk": submission.pk},
        ),
        ("country team", FOCAL_POINT, "accounts:country_team", {"iso3": "MAR"}),
        ("review dashboard", COMMISSION_SECRETARIAT, "reviews:dashboard", pk),
        ("roadmap", COMMISSION_SECRETARIAT, "reviews:roadmap", pk),
        ("round tables", COMMISSION_SECRETARIAT, "reviews:roundtables", pk),
        ("programme", COMMISSION_SECRETARIAT, "reviews:programme", pk),
        ("checklist", COMMISSION_SECRETARIAT, "reviews:checklist", pk),
        ("documents", COMMISSION_SECRETARIAT, "reviews:documents", pk),
        ("document", COMMISSION_SECRETARIAT, "reviews:document", {"pk": document.pk}),
        ("review queue", COMMISSION_SECRETARIAT, "submissions:queue", pk),
        (
            "per-objective view",
            COMMISSION_SECRETARIAT,
            "submissions:objective",
            {"pk": review.pk, "number": 5},
        ),
        ("outbox", COMMISSION_SECRETARIAT, "outbox:messages", pk),
        ("outcome report", COMMISSION_SECRETARIAT, "reports:report", pk),
        (
            "outcome report editor, beside the region's submissions",
            COMMISSION_SECRETARIAT,
            "reports:edit",
            {**pk, "language": "en"},
        ),
        (
            "printed outcome report (HTML)",
            COMMISSION_SECRETARIAT,
            "reports:preview",
            {**pk, "language": "en"},
        ),
        ("events", COMMISSION_SECRETARIAT, "stakeholders:events", pk),
        (
            "registrations and balance",
            COMMISSION_SECRETARIAT,
            "stakeholders:registrations",
            {"pk": consultation.pk},
        ),
        (
            "participant list with personal data",
            COMMISSION_SECRETARIAT,
            "stakeholders:participants",
            {"pk": consultation.pk},
        ),
        (
            "registration",
            COMMISSION_SECRETARIAT,
            "stakeholders:registration",
            {"pk": registration.pk},
        ),
        ("commission team", COMMISSION_SECRETARIAT, "accounts:commission_team", {"code": "ECA"}),
        ("organisation list", COMMISSION_SECRETARIAT, "accounts:organisations", {}),
        ("budget", COMMISSION_SECRETARIAT, "budgets:budget", {"pk": budget.pk}),
        ("cycle list", NETWORK_SECRETARIAT, "reviews:cycles", {}),
        ("cycle dashboard", NETWORK_SECRETARIAT, "reviews:cycle", {"slug": review.cycle.slug}),
        ("review dashboard", NETWORK_SECRETARIAT, "reviews:dashboard", pk),
        ("review queue", NETWORK_SECRETARIAT, "submissions:queue", pk),
        ("organisation list", NETWORK_SECRETARIAT, "accounts:organisations", {}),
        ("budget list", NETWORK_SECRETARIAT, "budgets:list", {}),
        ("budget", NETWORK_SECRETARIAT, "budgets:budget", {"pk": budget.pk}),
    ]
    # The budget of the latest cycle, once the scale data holds one (budgets' scale.py).
    budget = (
        Budget.objects.filter(cycle=review.cycle, versions__isnull=False).order_by("pk").first()
    )
    if budget is not None:
        pages += [
            ("budget versions", NETWORK_SECRETARIAT, "budgets:versions", {"pk": budget.pk}),
            ("budget comparison", NETWORK_SECRETARIAT, "budgets:compare", {"pk": budget.pk}),
        ]
    # Travel funding, nominations and personal data, once the scale data holds them
    # (stakeholders/scale_funding.py).
    from stakeholders.models import FundingRequest

    funding_request = FundingRequest.objects.filter(event__review=review).order_by("pk").first()
    pages += [
        ("my travel funding", STAKEHOLDER, "stakeholders:my_funding", {}),
        ("my nominations", STAKEHOLDER, "stakeholders:my_nominations", {}),
        ("my personal data", STAKEHOLDER, "stakeholders:personal_data", {}),
        ("travel funding of a review", COMMISSION_SECRETARIAT, "stakeholders:review_funding", pk),
        ("nominations of a review", COMMISSION_SECRETARIAT, "stakeholders:review_nominations", pk),
    ]
    if funding_request is not None:
        pages.append(
            (
                "funding request",
                COMMISSION_SECRETARIAT,
                "stakeholders:funding_request",
                {"pk": funding_request.pk},
            )
        )
    targets = [
        Target(page, role, name, reverse(name, kwargs=kwargs), cookies[role])
        for page, role, name, kwargs in pages
    ]
    # A search is kept by the page cache for a few minutes, so one asked for again is served
    # from it; the first to ask gets a page of ranked results rendered.
    search = reverse("knowledge:search")
    for page, url in [
        ("knowledge search", f"{search}?q=migration+policy"),
        ("knowledge search in one commission", f"{search}?q=migration&commission=ECA"),
    ]:
        targets += [
            Target(page, ANONYMOUS, "knowledge:search", url),
            Target(f"{page}, uncached", ANONYMOUS, "knowledge:search", uncached(url), afresh=True),
        ]
    return targets + knowledge_targets(cookies)


def knowledge_targets(cookies: dict[str, str]) -> list[Target]:
    """The portal's pages and the open data API, served from their caches as most visitors get
    them; the pages also rendered afresh (their address with a query string). The API caches an
    answer per known parameter, so its cold figures are measured in-process (bench/knowledge.py)."""
    from knowledge.enums import InputKind, PublicationKind
    from knowledge.models import Publication
    from reviews.models import RegionalReview
    from reviews.scale import CYCLES

    # The earliest scale cycle's review: its report is published too (knowledge/scale.py).
    review = RegionalReview.objects.get(cycle__slug=CYCLES[0][0], commission__code="ECA")
    public = Publication.objects.public().filter(review=review).order_by("pk")
    items = {
        "outcome report": public.filter(kind=PublicationKind.REPORT, language="en").first(),
        "Member State review": public.filter(
            kind=PublicationKind.SUBMISSION, input_kind=InputKind.MEMBER_STATE
        ).first(),
        "document": public.filter(kind=PublicationKind.DOCUMENT).first(),
    }
    missing = [name for name, item in items.items() if item is None]
    if missing:
        raise SystemExit(
            f"make bench: no public {', '.join(missing)} of {review} on the knowledge platform "
            "(knowledge/scale.py publishes them)."
        )
    # (page, route, arguments)
    pages = [
        ("knowledge portal", "knowledge:portal", {}),
        ("knowledge browse", "knowledge:browse", {}),
        ("knowledge review page", "knowledge:review", {"pk": review.pk}),
        ("knowledge objective page", "knowledge:objective", {"number": 5}),
        *(
            (f"publication: {name}", "knowledge:publication", {"pk": item.pk})
            for name, item in items.items()
        ),
        ("Atom feed", "knowledge:feed", {}),
        ("sitemap index", "sitemap", {}),
        (
            "sitemap of publications",
            "django.contrib.sitemaps.views.sitemap",
            {"section": "publications"},
        ),
    ]
    targets = []
    for page, name, kwargs in pages:
        url = reverse(name, kwargs=kwargs)
        targets += [
            Target(page, ANONYMOUS, name, url),
            Target(f"{page}, uncached", ANONYMOUS, name, uncached(url), afresh=True),
        ]
    filtered = f"{reverse('knowledge:browse')}?commission=ECA"
    submissions = reverse("api:submissions-list")
    targets += [
        # A filtered listing is kept by its filters, like a search.
        Target("knowledge browse, one commission", ANONYMOUS, "knowledge:browse", filtered),
        Target(
            "knowledge browse, one commission, uncached",
            ANONYMOUS,
            "knowledge:browse",
            uncached(filtered),
            afresh=True,
        ),
        Target(
            "API publications", ANONYMOUS, "api:publications-list", reverse("api:publications-list")
        ),
        Target(
            "API Member States' reviews of a commission",
            ANONYMOUS,
            "api:submissions-list",
            f"{submissions}?commission=ECA&input_kind={InputKind.MEMBER_STATE}",
        ),
        Target(
            "API review",
            ANONYMOUS,
            "api:reviews-detail",
            reverse("api:reviews-detail", kwargs={"pk": review.pk}),
        ),
        Target("API objectives", ANONYMOUS, "api:objectives-list", reverse("api:objectives-list")),
        Target(
            "publishing",
            COMMISSION_SECRETARIAT,
            "knowledge:manage",
            reverse("knowledge:manage", kwargs={"pk": review.pk}),
            cookies[COMMISSION_SECRETARIAT],
        ),
        Target(
            "deliveries to the knowledge platform",
            COMMISSION_SECRETARIAT,
            "knowledge:deliveries",
            reverse("knowledge:deliveries"),
            cookies[COMMISSION_SECRETARIAT],
        ),
    ]
    return targets


def measure_in_process(targets: list[Target]) -> None:
    """Queries per request and in-process time, through the test client on the same database."""
    for target in targets:
        client = Client()
        if target.cookie:
            name, value = target.cookie.split("=", 1)
            client.cookies[name] = value
        response = client.get(target.url)  # warms caches, as the served pages are warm
        if response.status_code != 200:
            raise SystemExit(
                f"make bench: {target.url} answered {response.status_code} to the {target.role}."
            )
        with CaptureQueriesContext(connection) as queries:
            client.get(target.url)
        target.queries = len(queries.captured_queries)
        target.sql_ms = round(sum(float(q["time"]) for q in queries.captured_queries) * 1000, 1)
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            client.get(target.url)
            timings.append((time.perf_counter() - started) * 1000)
        target.in_process_ms = round(statistics.median(timings), 1)


def _route_names(patterns, namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace or ""
            names |= _route_names(pattern.url_patterns, inner if pattern.namespace else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def unmeasured_routes(targets: list[Target]) -> list[str]:
    """Named routes of the application that no target measures (forms, downloads, POST-only)."""
    measured = {target.url_name for target in targets}
    own = {
        name
        for name in _route_names(get_resolver().url_patterns)
        if name.split(":", 1)[0] in OWN_NAMESPACES or name == "home"
    }
    return sorted(own - measured)
