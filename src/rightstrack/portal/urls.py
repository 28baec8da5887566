from django.urls import path, re_path, register_converter

from rightstrack.portal import duplicates, evidence_imports, imports, views


class IdConverter:
    """A database id: digits, at most 18 (a longer number is no page, not a server error)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("reviews/<id:review_id>/", views.review_assess, name="review"),
    path("reviews/<id:review_id>/sheet.xlsx", views.sheet, name="sheet"),
    path("recommendations/<id:recommendation_id>/assess/", views.assess, name="assess"),
    path("assessments/<id:pk>/", views.edit, name="edit"),
    path("assessments/<id:pk>/submit/", views.submit, name="submit"),
    path("assessments/<id:pk>/publish/", views.publish, name="publish"),
    path("assessments/<id:pk>/return/", views.return_to_draft, name="return"),
    path("assessments/<id:pk>/history/", views.history, name="history"),
    path("moderation/", views.moderation, name="moderation"),
    path("upload/", views.upload, name="upload"),
    path("imports/spreadsheet/", imports.upload, name="import_upload"),
    re_path(
        r"^imports/spreadsheet/(?P<token>[A-Za-z0-9_-]{20,64})/$", imports.map_columns, name="import_map"
    ),
    path("imports/evidence/", evidence_imports.upload, name="evidence_import"),
    path("campaigns/", views.campaigns, name="campaigns"),
    path("campaigns/open/<id:review_id>/", views.campaign_open, name="campaign_open"),
    path("campaigns/<id:pk>/", views.campaign, name="campaign"),
    path("campaigns/<id:pk>/remind/", views.campaign_remind, name="campaign_remind"),
    path("stakeholders/duplicates/", duplicates.duplicates, name="duplicates"),
    path("invitations/new/", views.invite, name="invite"),
    path("invitations/<str:token>/", views.accept, name="accept"),
]
