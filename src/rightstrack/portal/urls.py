from django.urls import path

from rightstrack.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("reviews/<int:review_id>/", views.review_assess, name="review"),
    path("reviews/<int:review_id>/sheet.xlsx", views.sheet, name="sheet"),
    path("recommendations/<int:recommendation_id>/assess/", views.assess, name="assess"),
    path("assessments/<int:pk>/", views.edit, name="edit"),
    path("assessments/<int:pk>/submit/", views.submit, name="submit"),
    path("assessments/<int:pk>/publish/", views.publish, name="publish"),
    path("assessments/<int:pk>/return/", views.return_to_draft, name="return"),
    path("assessments/<int:pk>/history/", views.history, name="history"),
    path("moderation/", views.moderation, name="moderation"),
    path("upload/", views.upload, name="upload"),
    path("campaigns/", views.campaigns, name="campaigns"),
    path("campaigns/open/<int:review_id>/", views.campaign_open, name="campaign_open"),
    path("campaigns/<int:pk>/", views.campaign, name="campaign"),
    path("campaigns/<int:pk>/remind/", views.campaign_remind, name="campaign_remind"),
    path("invitations/new/", views.invite, name="invite"),
    path("invitations/<str:token>/", views.accept, name="accept"),
]
