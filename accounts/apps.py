from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from allauth.mfa.models import Authenticator

        from accounts.middleware import forget_mfa_enabled

        post_delete.connect(forget_mfa_enabled, sender=Authenticator, dispatch_uid="mfa-enabled")

        from core.versions import EVERYTHING, person_scope, track

        # People and their roles show on many pages; signing in changes nothing they show, and a
        # new account shows only on its own pages until it is given a role or registers.
        track(
            self.get_model("User"),
            lambda user: (EVERYTHING,),
            unless_only=frozenset({"last_login", "password"}),
            scopes_of_new=lambda user: (person_scope(user.pk),),
        )
        track(self.get_model("RoleAssignment"), lambda assignment: (EVERYTHING,))
        track(self.get_model("Organisation"), lambda organisation: (EVERYTHING,))
