from django.contrib import admin
from django.urls import include, path

from rightstrack.config.health import healthz
from rightstrack.config.signin import AdminSignInForm, SignInView, ThrottledPasswordResetView

admin.site.login_form = AdminSignInForm
admin.site.site_header = "RightsTrack editors"
admin.site.index_template = "portal/admin_index.html"  # the admin index links the editors' imports

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("portal/", include("rightstrack.portal.urls")),
    path("portal/suggestions/", include("rightstrack.assist.urls")),
    path("portal/evidence/", include("rightstrack.evidence.urls")),
    path("api/", include("rightstrack.api.urls")),
    path("", include("rightstrack.web.urls")),
]
