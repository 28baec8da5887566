from django.contrib import admin
from django.urls import include, path

from rightstrack.portal.auth import ThrottledAdminAuthenticationForm, ThrottledLoginView

admin.site.login_form = ThrottledAdminAuthenticationForm
admin.site.site_header = "RightsTrack editors"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("portal/", include("rightstrack.portal.urls")),
    path("portal/suggestions/", include("rightstrack.assist.urls")),
    path("api/", include("rightstrack.api.urls")),
    path("", include("rightstrack.web.urls")),
]
