"""Scale data for submissions: every Member State's voluntary review in every scale review, all
sections written to about their suggested length in the State's language, all 23 objectives, and
300 regional inputs, with their revisions, audit trails, comments and outbox messages."""

import datetime
import random
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, User
from accounts.scale import SCALE_DOMAIN
from core.scaletext import TextPool, language_of
from core.wordcount import count_words
from outbox.models import OutboxMessage
from outbox.services import render_email
from reference.models import CommissionMembership, GuidingPrinciple, Objective
from reviews.models import RegionalReview
from reviews.scale import CYCLES
from submissions.enums import (
    ImplementationStatus,
    MeansOfImplementation,
    PlanStatus,
    SubmissionKind,
    SubmissionStatus,
)
from submissions.models import (
    AuditEvent,
    ObjectiveProgress,
    SecretariatComment,
    SectionRevision,
    SectionText,
    Submission,
)
from submissions.services import current_outline

REGIONAL_INPUTS = 300
WORDS_WITHOUT_LIMIT = 300
BATCH = 2_000
# How far each submission went, and the events (audit, e-mail) on its way there.
STATUSES = [
    (SubmissionStatus.DRAFT, 30),
    (SubmissionStatus.SUBMITTED, 20),
    (SubmissionStatus.RETURNED, 10),
    (SubmissionStatus.RESUBMITTED, 5),
    (SubmissionStatus.ACCEPTED, 15),
    (SubmissionStatus.PUBLISHED, 20),
]
PATHS = {
    SubmissionStatus.DRAFT: [],
    SubmissionStatus.SUBMITTED: ["submitted"],
    SubmissionStatus.RETURNED: ["submitted", "returned"],
    SubmissionStatus.RESUBMITTED: ["submitted", "returned", "resubmitted"],
    SubmissionStatus.ACCEPTED: ["submitted", "accepted"],
    SubmissionStatus.PUBLISHED: ["submitted", "accepted", "published"],
}
SECRETARIAT_EVENTS = {"returned", "accepted", "published"}


def _scale_reviews():
    return RegionalReview.objects.filter(cycle__slug__in=[slug for slug, *_rest in CYCLES])


def loaded() -> bool:
    return Submission.objects.filter(review__in=_scale_reviews()).exists()


def reset() -> None:
    Submission.objects.filter(review__in=_scale_reviews()).delete()


def _plain(paragraphs: list[str]) -> str:
    return "\n\n".join(p.removeprefix("<p>").removesuffix("</p>") for p in paragraphs)


class _Builder:
    def __init__(self, *, seed: int, pool: TextPool):
        self.rng = random.Random(f"{seed}:submissions")
        self.pool = pool
        self.word_counts: dict[str, int] = {}
        self.outlines = {kind: current_outline(kind) for kind in SubmissionKind}
        self.sections = {
            kind: list(outline.sections.order_by("position"))
            for kind, outline in self.outlines.items()
        }
        self.objectives = list(Objective.objects.order_by("number"))
        self.principle_ids = list(GuidingPrinciple.objects.values_list("pk", flat=True))
        self.statuses = [status for status, weight in STATUSES for _ in range(weight)]
        self.secretariats = {
            user.role_assignments.all()[0].commission_id: user
            for user in User.objects.filter(
                email__endswith="@example.org", role_assignments__commission__isnull=False
            ).prefetch_related("role_assignments")
        }

    def submissions(
        self, reviews, organisations, count: int, factor: float
    ) -> Iterator[tuple[Submission, User]]:
        """Every member State's voluntary review (a share of them below full scale), then
        `count` regional inputs."""
        authors = {u.email: u for u in User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}")}
        memberships = list(
            CommissionMembership.objects.filter(kind="member")
            .select_related("country")
            .order_by("country__iso3")
        )
        for review in reviews:
            members = [m for m in memberships if m.commission_id == review.commission_id]
            for membership in members[: max(1, round(len(members) * factor))]:
                country = membership.country
                submission = self._new(
                    SubmissionKind.VOLUNTARY_REVIEW, review, country, language_of(country.iso3)
                )
                yield submission, authors[f"focal.{country.iso3.lower()}@{SCALE_DOMAIN}"]
        for number in range(count):
            review = reviews[number % len(reviews)]
            organisation = organisations[number % len(organisations)]
            submission = self._new(
                SubmissionKind.REGIONAL_INPUT,
                review,
                organisation,
                self.rng.choice(review.working_languages),
            )
            yield submission, authors[f"org.{number % len(organisations) + 1:03d}@{SCALE_DOMAIN}"]

    def _new(self, kind: str, review, author, language: str) -> Submission:
        """A submission by a country (voluntary review) or an organisation (regional input)."""
        by = (
            {"country": author}
            if kind == SubmissionKind.VOLUNTARY_REVIEW
            else {"organisation": author}
        )
        return Submission(
            kind=kind, review=review, outline=self.outlines[kind], language=language, **by
        )

    def describe(self, submission: Submission) -> None:
        rng = self.rng
        submission.status = rng.choice(self.statuses)
        if submission.status != SubmissionStatus.DRAFT:
            due = submission.review.submissions_due
            day = due + datetime.timedelta(days=rng.randint(-40, 10))
            submission.submitted_at = datetime.datetime.combine(
                day, datetime.time(10), datetime.UTC
            )
        if submission.kind == SubmissionKind.VOLUNTARY_REVIEW:
            submission.plan_status = rng.choice(list(PlanStatus))
            submission.means_needed = sorted(
                rng.sample([m.value for m in MeansOfImplementation], rng.randint(1, 4))
            )
            submission.stakeholder_involvement = _plain(self.prose(submission.language, 120))

    def texts(self, submission: Submission, author: User):
        """The section texts of a submission and their revisions (earlier ones shorter)."""
        for section in self.sections[submission.kind]:
            target = section.word_limit or WORDS_WITHOUT_LIMIT
            words = round(target * self.rng.uniform(0.8, 1.05))
            paragraphs = self.prose(submission.language, words)
            versions = self.rng.randint(1, 3)
            revisions = []
            for version in range(1, versions + 1):
                kept = paragraphs[: max(1, len(paragraphs) * version // versions)]
                revisions.append((version, "".join(kept), sum(self.count(p) for p in kept)))
            yield section, revisions

    def count(self, paragraph: str) -> int:
        """Words of a pooled paragraph, counted once: counts of paragraphs add up."""
        if paragraph not in self.word_counts:
            self.word_counts[paragraph] = count_words(paragraph)
        return self.word_counts[paragraph]

    def prose(self, language: str, words: int) -> list[str]:
        return self.pool.text(self.rng, language, words, self.count)

    def progress(self, submission: Submission) -> Iterator[tuple[ObjectiveProgress, list[int]]]:
        rng = self.rng
        for objective in self.objectives:
            yield (
                ObjectiveProgress(
                    submission=submission,
                    objective=objective,
                    status=rng.choice(list(ImplementationStatus)),
                    narrative=_plain(self.prose(submission.language, 90)),
                    indicators=(
                        _plain(self.prose(submission.language, 30)) if rng.random() < 0.6 else ""
                    ),
                    promising_practice=(
                        _plain(self.prose(submission.language, 60)) if rng.random() < 0.4 else ""
                    ),
                ),
                rng.sample(self.principle_ids, rng.randint(1, 3)),
            )


def _message(submission: Submission, event: str, comment: str, author: User, sent: bool):
    context = {"submission": submission, "review": submission.review, "comment": comment}
    subject, body = render_email(
        f"submissions/email/{event}", context, language=submission.language
    )
    return OutboxMessage(
        review=submission.review,
        about_type=ContentType.objects.get_for_model(Submission),
        about_id=submission.pk,
        about_label=submission.author_label,
        recipients=[author.email],
        subject=subject,
        body=body,
        status=OutboxMessage.Status.SENT if sent else OutboxMessage.Status.DRAFT,
        sent_at=timezone.now() if sent else None,
    )


@transaction.atomic
def load(*, seed: int, factor: float, pool: TextPool, out) -> None:
    builder = _Builder(seed=seed, pool=pool)
    reviews = list(_scale_reviews().select_related("commission").order_by("pk"))
    organisations = list(
        Organisation.objects.filter(website__startswith=f"https://{SCALE_DOMAIN}/").order_by("pk")
    )
    inputs = max(len(reviews), round(REGIONAL_INPUTS * factor))
    pairs = list(builder.submissions(reviews, organisations, inputs, factor))
    for submission, _author in pairs:
        builder.describe(submission)
    Submission.objects.bulk_create([s for s, _a in pairs], batch_size=BATCH)

    texts, revisions = [], []
    for submission, author in pairs:
        for section, versions in builder.texts(submission, author):
            _version, text, words = versions[-1]
            section_text = SectionText(
                submission=submission,
                section=section,
                text=text,
                word_count=words,
                version=len(versions),
                updated_by=author,
            )
            texts.append(section_text)
            revisions.extend(
                SectionRevision(
                    section_text=section_text, version=v, text=t, word_count=w, author=author
                )
                for v, t, w in versions
            )
    SectionText.objects.bulk_create(texts, batch_size=BATCH)
    SectionRevision.objects.bulk_create(revisions, batch_size=BATCH)

    progress, principles = [], []
    for submission, _author in pairs:
        for row, principle_ids in builder.progress(submission):
            progress.append(row)
            principles.append(principle_ids)
    ObjectiveProgress.objects.bulk_create(progress, batch_size=BATCH)
    through = ObjectiveProgress.principles.through
    through.objects.bulk_create(
        (
            through(objectiveprogress_id=row.pk, guidingprinciple_id=principle_id)
            for row, principle_ids in zip(progress, principles, strict=True)
            for principle_id in principle_ids
        ),
        batch_size=BATCH * 5,
    )

    events, comments, messages = [], [], []
    for submission, author in pairs:
        secretariat = builder.secretariats.get(submission.review.commission_id)
        events.append(AuditEvent(submission=submission, actor=author, action="created"))
        path = PATHS[submission.status]
        for position, event in enumerate(path):
            by_secretariat = event in SECRETARIAT_EVENTS
            comment = ""
            if event in {"returned", "accepted"}:
                comment = builder.pool.sentence(builder.rng, submission.language)
                comments.append(
                    SecretariatComment(submission=submission, author=secretariat, text=comment)
                )
            events.append(
                AuditEvent(
                    submission=submission,
                    actor=secretariat if by_secretariat else author,
                    action=event,
                    detail=comment[:500],
                )
            )
            # Earlier e-mails went out; the latest one waits in the outbox half of the time.
            last = position == len(path) - 1
            template = "submitted" if event == "resubmitted" else event
            messages.append(
                _message(
                    submission, template, comment, author, not last or builder.rng.random() < 0.5
                )
            )
    AuditEvent.objects.bulk_create(events, batch_size=BATCH)
    SecretariatComment.objects.bulk_create(comments, batch_size=BATCH)
    OutboxMessage.objects.bulk_create(messages, batch_size=BATCH)
    out.stdout.write(
        f"Scale submissions: {len(pairs) - inputs} voluntary reviews, {inputs} regional inputs, "
        f"{len(texts)} sections, {len(revisions)} revisions, {len(progress)} objectives, "
        f"{len(events)} audit events, {len(comments)} comments, {len(messages)} e-mails"
    )
