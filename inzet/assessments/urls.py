from django.urls import path

from inzet.assessments.views import consultant, organisation, respondent

app_name = "assessments"
urlpatterns = [
    path("", organisation.mine, name="mine"),
    path("organisatie/<int:org_pk>/", organisation.organisation, name="organisation"),
    path("organisatie/<int:org_pk>/starten/", organisation.start, name="start"),
    path("meting/<int:pk>/", organisation.assessment, name="assessment"),
    path("meting/<int:pk>/meedoen/", organisation.join, name="join"),
    path(
        "meting/<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        organisation.invitation_revoke,
        name="invitation_revoke",
    ),
    path("meting/<int:pk>/rapport/", organisation.report, name="report"),
    path("meting/<int:pk>/rapport.pdf", organisation.report_pdf, name="report_pdf"),
    path("uitnodiging/<uuid:token>/", organisation.invitation, name="invitation"),
    path("vragenlijst/<int:pk>/", respondent.response, name="response"),
    path("vragenlijst/<int:pk>/pagina/<int:page>/", respondent.fill, name="fill"),
    path("vragenlijst/<int:pk>/indienen/", respondent.submit, name="submit"),
    path("vragenlijst/<int:pk>/opnieuw/", respondent.redo, name="redo"),
    path("campagnes/", consultant.campaigns, name="campaigns"),
    path("campagnes/nieuw/", consultant.campaign_create, name="campaign_create"),
    path("campagnes/<int:pk>/", consultant.campaign, name="campaign"),
    path("campagnes/<int:pk>/rapport.pdf", consultant.campaign_pdf, name="campaign_pdf"),
    path("campagnes/<int:pk>/antwoorden.xlsx", consultant.campaign_xlsx, name="campaign_xlsx"),
    path("campagnes/<int:pk>/mailing/", consultant.mail_merge, name="mail_merge"),
]
