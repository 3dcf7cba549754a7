from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from accounts.views import switch_language
from config.views import HomeView, healthz
from core.pagecache import cache_public_page
from knowledge.sitemaps import SITEMAPS

# The admin signs in through allauth, so its rate limits and two-factor authentication apply.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("GCM regional reviews")
admin.site.site_title = _("GCM regional reviews")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", switch_language, name="set_language"),
    # An index of sections, each in pages of PortalSitemap.limit addresses.
    path(
        "sitemap.xml",
        cache_public_page(require_safe(sitemaps.index)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(require_safe(sitemaps.sitemap)),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    # The open data API answers in the language asked for, at one address for every language.
    path("api/v1/", include("knowledge.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", cache_public_page(HomeView.as_view()), name="home"),
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("reference.urls")),
    path("", include("reviews.urls")),
    path("", include("outbox.urls")),
    path("", include("submissions.urls")),
    path("", include("budgets.urls")),
    path("", include("stakeholders.urls")),
    path("", include("reports.urls")),
    path("", include("knowledge.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
