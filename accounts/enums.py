from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    NETWORK_SECRETARIAT = "network_secretariat", _("Network secretariat")
    COMMISSION_SECRETARIAT = "commission_secretariat", _("Commission secretariat")
    FOCAL_POINT = "focal_point", _("Member State focal point")
    ORGANISATION_REPRESENTATIVE = "organisation_representative", _("Organisation representative")

    @classmethod
    def secretariat_roles(cls) -> set[str]:
        return {cls.NETWORK_SECRETARIAT, cls.COMMISSION_SECRETARIAT}


class VerificationState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("organisation verification", "pending")
    VERIFIED = "verified", pgettext_lazy("organisation verification", "verified")
    REJECTED = "rejected", pgettext_lazy("organisation verification", "rejected")
