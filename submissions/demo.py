"""Demo submissions in several states and languages, one in Arabic and one in Chinese."""

from accounts.models import Organisation, User
from reference.models import Country
from reviews.models import RegionalReview
from submissions import services
from submissions.enums import ImplementationStatus, SubmissionKind, SubmissionStatus
from submissions.models import Submission

TEXTS = {
    "es": "<p>México elaboró su revisión voluntaria con la participación de 14 secretarías de "
    "Estado, gobiernos locales y <strong>organizaciones de la sociedad civil</strong>.</p>",
    "en": "<p>The review was prepared by an inter-agency working group with the Commission on "
    "Filipinos Overseas, local government units and migrant organisations.</p>",
    "ar": "<p>أعدّت المملكة المغربية هذا الاستعراض الطوعي بمشاركة القطاعات الحكومية والمجتمع "
    "المدني والجماعات الترابية، وفقاً للمبادئ التوجيهية للاتفاق العالمي.</p>",
    "zh-hans": "<p>本组织在亚太区域与各国移民团体合作，收集了关于安全、有序和正常移民的良好做法。</p>",
}


def _fill(submission, text, actor):
    for section_text in submission.sections.all():
        services.save_section(section_text=section_text, text=text, base_version=0, actor=actor)
    progress = submission.objective_progress.get(objective__number=1)
    progress.status = ImplementationStatus.IN_PROGRESS
    progress.narrative = "—"
    progress.save()


def reset() -> None:
    Submission.objects.filter(review__cycle__slug="2020-2021").delete()


def load(*, out) -> None:
    reviews = {r.commission.code: r for r in RegionalReview.objects.filter(cycle__slug="2020-2021")}
    if not reviews:
        return
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    mexico = services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=reviews["ECLAC"],
        language="es",
        country=Country.objects.get(iso3="MEX"),
        actor=people["focal.mexico@example.org"],
    )
    services.save_section(
        section_text=mexico.sections.first(),
        text=TEXTS["es"],
        base_version=0,
        actor=people["official.mexico@example.org"],
    )
    philippines = services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=reviews["ESCAP"],
        language="en",
        country=Country.objects.get(iso3="PHL"),
        actor=people["focal.philippines@example.org"],
    )
    _fill(philippines, TEXTS["en"], people["focal.philippines@example.org"])
    services.submit_submission(
        submission=philippines, actor=people["focal.philippines@example.org"]
    )
    morocco = services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=reviews["ECA"],
        language="ar",
        country=Country.objects.get(iso3="MAR"),
        actor=people["focal.morocco@example.org"],
    )
    _fill(morocco, TEXTS["ar"], people["focal.morocco@example.org"])
    services.submit_submission(submission=morocco, actor=people["focal.morocco@example.org"])
    services.decide_submission(
        submission=morocco,
        actor=people["eca@example.org"],
        status=SubmissionStatus.RETURNED,
        comment="Please add statistical data on remittances under objective 20.",
    )
    regional = services.start_submission(
        kind=SubmissionKind.REGIONAL_INPUT,
        review=reviews["ESCAP"],
        language="zh-hans",
        organisation=Organisation.objects.get(name="Migrant Voices Asia"),
        actor=people["ngo@example.org"],
    )
    _fill(regional, TEXTS["zh-hans"], people["ngo@example.org"])
    out.stdout.write(f"Demo submissions: {Submission.objects.count()}")
