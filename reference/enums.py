from django.db import models
from django.utils.translation import pgettext_lazy


class MembershipKind(models.TextChoices):
    MEMBER = "member", pgettext_lazy("commission membership", "member")
    ASSOCIATE = "associate", pgettext_lazy("commission membership", "associate member")
