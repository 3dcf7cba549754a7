import factory
from allauth.account.models import EmailAddress

from accounts.enums import Role, VerificationState
from accounts.models import Organisation, RoleAssignment, User
from reference.enums import MembershipKind
from reference.models import Commission, CommissionMembership, Country, StakeholderCategory

PASSWORD = "correct-horse-battery"


class CommissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commission
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"C{n}")
    name = factory.LazyAttribute(lambda o: f"Commission {o.code}")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["iso3"]

    iso3 = factory.Sequence(
        lambda n: f"{chr(65 + n // 676 % 26)}{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}"
    )
    iso2 = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name = factory.LazyAttribute(lambda o: f"Country {o.iso3}")
    un_member_state = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommissionMembership

    commission = factory.SubFactory(CommissionFactory)
    country = factory.SubFactory(CountryFactory)
    kind = MembershipKind.MEMBER


class StakeholderCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderCategory
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"category-{n}")
    label = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    category = factory.SubFactory(StakeholderCategoryFactory)
    country = factory.SubFactory(CountryFactory)
    verification = VerificationState.PENDING


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.NETWORK_SECRETARIAT


def network_secretariat(**kwargs) -> User:
    return RoleAssignmentFactory(role=Role.NETWORK_SECRETARIAT, **kwargs).user


def commission_secretariat(commission: Commission, **kwargs) -> User:
    return RoleAssignmentFactory(
        role=Role.COMMISSION_SECRETARIAT, commission=commission, **kwargs
    ).user


def focal_point(country: Country, **kwargs) -> User:
    return RoleAssignmentFactory(role=Role.FOCAL_POINT, country=country, **kwargs).user


def representative(organisation: Organisation, **kwargs) -> User:
    return RoleAssignmentFactory(
        role=Role.ORGANISATION_REPRESENTATIVE, organisation=organisation, **kwargs
    ).user


def make_review(commission_code: str = "ECE", *, slug: str = "2020-2021", **fields):
    """A regional review created the way the secretariat creates one (needs reference data)."""
    import datetime

    from reviews import services
    from reviews.models import ReviewCycle

    cycle, _ = ReviewCycle.objects.get_or_create(
        slug=slug, defaults={"title": f"Cycle {slug}", "imrf_year": 2022}
    )
    fields.setdefault("meeting_start", datetime.date(2020, 11, 12))
    fields.setdefault("meeting_end", datetime.date(2020, 11, 13))
    return services.create_review(
        cycle=cycle,
        commission=Commission.objects.get(code=commission_code),
        title=f"Regional review {commission_code}",
        **fields,
    )


def make_voluntary_review(country_iso3: str = "MEX", commission_code: str = "ECLAC", **fields):
    from reference.models import Country
    from submissions import services
    from submissions.enums import SubmissionKind

    review = make_review(commission_code, **fields)
    return services.start_submission(
        kind=SubmissionKind.VOLUNTARY_REVIEW,
        review=review,
        language="es",
        country=Country.objects.get(iso3=country_iso3),
        actor=None,
    )


def make_budget(cycle=None, *, approved: bool = False, actor=None):
    """The 2020 Annex 4 budget imported from its files into `cycle` (the demo cycle's slug by
    default); `approved` approves its version as the Network secretariat would."""
    from django.utils import timezone

    from budgets import services
    from budgets.importing import DEMO_LINES, DEMO_STATED_TOTALS, BudgetFile, read_budget
    from reviews.models import ReviewCycle

    if cycle is None:
        cycle, _ = ReviewCycle.objects.get_or_create(
            slug="2020-2021", defaults={"title": "Cycle 2020-2021", "imrf_year": 2022}
        )
    version = services.import_budget(
        parsed=read_budget(
            BudgetFile.from_path(DEMO_LINES), BudgetFile.from_path(DEMO_STATED_TOTALS)
        ),
        actor=actor,
        cycle=cycle,
        title="Indicative budget 2020",
        notes="The UN regional economic commissions and the UN Network provide in-kind contributions.",
    )
    budget = version.budget
    if approved:
        budget.approved_version, budget.approved_at = version, timezone.now()
        budget.save(update_fields=["approved_version", "approved_at"])
    return budget
