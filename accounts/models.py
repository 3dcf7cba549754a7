"""Users, the organisations some of them represent, and the roles that scope what they may do."""

from dataclasses import dataclass, field
from functools import cache, cached_property

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role, VerificationState
from reference.models import Commission, Country, StakeholderCategory


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)

    def get_with_scopes(self, pk):
        """The user and the scopes of their roles, in one query (it runs on every request)."""
        fields, query = _user_with_scopes_query(self.model)
        rows = list(query.filter(pk=pk))
        if not rows:
            raise self.model.DoesNotExist
        user = self.model.from_db(self.db, fields, rows[0][: len(fields)])
        assignments = [row[len(fields) :] for row in rows if row[len(fields)] is not None]
        user.__dict__["scopes"] = Scopes.of(user, assignments)
        return user


@cache
def _user_with_scopes_query(model) -> tuple[list[str], models.QuerySet]:
    # Built once and cloned per request: assembling this join costs more than running it.
    fields = [field.attname for field in model._meta.concrete_fields]
    joined = (f"role_assignments__{name}" for name in SCOPE_FIELDS)
    return fields, model._default_manager.order_by().values_list(*fields, *joined)


@dataclass(frozen=True)
class Scopes:
    """What a user's roles reach, read once per request."""

    network: bool = False
    commission_ids: frozenset[int] = field(default_factory=frozenset)
    country_ids: frozenset[int] = field(default_factory=frozenset)
    organisation_ids: frozenset[int] = field(default_factory=frozenset)
    # The designated focal point (or representative) validates and submits for the institution.
    designated_country_ids: frozenset[int] = field(default_factory=frozenset)
    designated_organisation_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_secretariat(self) -> bool:
        return self.network or bool(self.commission_ids)

    @classmethod
    def of(cls, user, rows) -> "Scopes":
        """The scopes of `user`'s role assignments `rows`: an inactive user's reach nothing
        (and `rows` is not read)."""
        return cls.from_assignments(rows) if user.is_active else cls()

    @classmethod
    def from_assignments(cls, rows) -> "Scopes":
        """Scopes from (role, commission, country, organisation, designated) rows."""
        network, commissions, countries, organisations = False, set(), set(), set()
        designated_countries, designated_organisations = set(), set()
        for role, commission_id, country_id, organisation_id, designated in rows:
            match role:
                case Role.NETWORK_SECRETARIAT:
                    network = True
                case Role.COMMISSION_SECRETARIAT:
                    commissions.add(commission_id)
                case Role.FOCAL_POINT:
                    countries.add(country_id)
                    if designated:
                        designated_countries.add(country_id)
                case Role.ORGANISATION_REPRESENTATIVE:
                    organisations.add(organisation_id)
                    if designated:
                        designated_organisations.add(organisation_id)
        return cls(
            network=network,
            commission_ids=frozenset(commissions),
            country_ids=frozenset(countries),
            organisation_ids=frozenset(organisations),
            designated_country_ids=frozenset(designated_countries),
            designated_organisation_ids=frozenset(designated_organisations),
        )


# The columns of a role assignment that make up the scopes, in Scopes.from_assignments order.
SCOPE_FIELDS = ("role", "commission_id", "country_id", "organisation_id", "designated")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    is_staff = models.BooleanField(
        _("may use the administration site"),
        default=False,
        help_text=_(
            "Gives access to the administration site; roles give access to the workspaces."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Sign-in matches addresses without regard to case, so one address is one person.
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_unique_ignoring_case",
                violation_error_message=_("A user with this e-mail address already exists."),
            ),
        ]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email

    @cached_property
    def scopes(self) -> Scopes:
        return Scopes.of(self, self.role_assignments.values_list(*SCOPE_FIELDS))


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=300)
    category = models.ForeignKey(
        StakeholderCategory,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("stakeholder category"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("country"),
        help_text=_("Leave empty for a regional or global organisation."),
    )
    website = models.URLField(_("website"), blank=True)
    verification = models.CharField(
        _("verification"),
        max_length=20,
        choices=VerificationState.choices,
        default=VerificationState.PENDING,
    )
    verified_at = models.DateTimeField(_("verified on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            # A decision (verified or rejected) records when it was taken; a pending one has none.
            # `verified_by` may be emptied later, when the deciding user is deleted.
            models.CheckConstraint(
                name="accounts_organisation_decision_is_dated",
                condition=(
                    Q(
                        verification=VerificationState.PENDING,
                        verified_at__isnull=True,
                        verified_by__isnull=True,
                    )
                    | Q(
                        verification__in=[VerificationState.VERIFIED, VerificationState.REJECTED],
                        verified_at__isnull=False,
                    )
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("accounts:organisation", kwargs={"pk": self.pk})


class RoleAssignment(models.Model):
    """One role of one user, with the single scope that role requires."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    commission = models.ForeignKey(
        Commission,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("commission"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("country"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("organisation"),
    )
    designated = models.BooleanField(
        _("designated"),
        default=False,
        help_text=_(
            "The designated focal point or representative validates and submits; "
            "others draft with them."
        ),
    )
    created_at = models.DateTimeField(_("assigned on"), auto_now_add=True)

    class Meta:
        ordering = ["role", "pk"]
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                name="accounts_role_has_its_scope",
                condition=(
                    Q(
                        role=Role.NETWORK_SECRETARIAT,
                        commission__isnull=True,
                        country__isnull=True,
                        organisation__isnull=True,
                    )
                    | Q(
                        role=Role.COMMISSION_SECRETARIAT,
                        commission__isnull=False,
                        country__isnull=True,
                        organisation__isnull=True,
                    )
                    | Q(
                        role=Role.FOCAL_POINT,
                        commission__isnull=True,
                        country__isnull=False,
                        organisation__isnull=True,
                    )
                    | Q(
                        role=Role.ORGANISATION_REPRESENTATIVE,
                        commission__isnull=True,
                        country__isnull=True,
                        organisation__isnull=False,
                    )
                ),
                violation_error_message=_(
                    "A commission secretariat role needs a commission, a focal point a country, "
                    "an organisation representative an organisation, and the Network secretariat "
                    "none of these."
                ),
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(role=Role.NETWORK_SECRETARIAT),
                name="accounts_one_network_role_per_user",
            ),
            models.UniqueConstraint(
                fields=["user", "commission"],
                condition=Q(role=Role.COMMISSION_SECRETARIAT),
                name="accounts_one_secretariat_role_per_commission",
            ),
            models.UniqueConstraint(
                fields=["user", "country"],
                condition=Q(role=Role.FOCAL_POINT),
                name="accounts_one_focal_point_role_per_country",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(role=Role.ORGANISATION_REPRESENTATIVE),
                name="accounts_one_representative_role_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(role=Role.FOCAL_POINT, designated=True),
                name="accounts_one_designated_focal_point_per_country",
                violation_error_message=_("This country already has a designated focal point."),
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(role=Role.ORGANISATION_REPRESENTATIVE, designated=True),
                name="accounts_one_designated_representative_per_organisation",
                violation_error_message=_(
                    "This organisation already has a designated representative."
                ),
            ),
        ]

    def __str__(self):
        return self.get_role_display()
