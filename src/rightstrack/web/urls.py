from django.urls import re_path

from rightstrack.web import views

JSON = r"(?P<fmt>\.json)?$"

urlpatterns = [
    re_path(r"^" + JSON, views.home, name="home"),
    re_path(r"^states/(?P<code>[A-Za-z]{3})" + JSON, views.state_page, name="state"),
    re_path(
        r"^states/(?P<code>[A-Za-z]{3})/reports/(?P<kind>[a-z]+)\.(?P<fmt>html|pdf|docx|pptx|xlsx|json)$",
        views.report_download,
        name="report",
    ),
    re_path(r"^states/(?P<code>[A-Za-z]{3})/recurring" + JSON, views.recurring_page, name="recurring"),
    re_path(
        r"^states/(?P<code>[A-Za-z]{3})/(?P<mechanism>[A-Za-z-]+)/(?P<cycle>\d+)/reports/(?P<kind>[a-z]+)"
        r"\.(?P<fmt>html|pdf|docx|pptx|xlsx|json)$",
        views.review_report_download,
        name="review_report",
    ),
    re_path(
        r"^states/(?P<code>[A-Za-z]{3})/(?P<mechanism>[A-Za-z-]+)/(?P<cycle>\d+)/download\.(?P<fmt>csv|xlsx)$",
        views.review_download,
        name="review_download",
    ),
    re_path(
        r"^states/(?P<code>[A-Za-z]{3})/(?P<mechanism>[A-Za-z-]+)/(?P<cycle>\d+)" + JSON,
        views.review_page,
        name="review",
    ),
    re_path(r"^recommendations" + JSON, views.recommendation_list, name="recommendations"),
    re_path(
        r"^recommendations/download\.(?P<fmt>csv|xlsx|json)$", views.recommendation_download, name="download"
    ),
    re_path(r"^recommendations/(?P<pk>\d+)" + JSON, views.recommendation_page, name="recommendation"),
    re_path(r"^stakeholders" + JSON, views.stakeholder_list, name="stakeholders"),
    re_path(r"^stakeholders/(?P<pk>\d+)" + JSON, views.stakeholder_page, name="stakeholder"),
]
