"""The workspace's routes. tests/web/test_permissions.py walks every one of them for every role."""

from django.contrib.auth import views as auth_views
from django.urls import path

from casereview.web.views import accounts, cases, rounds

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="web/login.html",
            authentication_form=accounts.LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", rounds.home, name="home"),
    path("password/", accounts.PasswordChange.as_view(), name="password"),
    path("people/", accounts.people, name="people"),
    path("rounds/new/", rounds.round_new, name="round_new"),
    path("rounds/<int:pk>/", rounds.round_page, name="round"),
    path("rounds/<int:pk>/status.json", rounds.round_status, name="round_status"),
    path("rounds/<int:pk>/upload/", rounds.upload, name="upload"),
    path("rounds/<int:pk>/assign/", rounds.assign, name="assign"),
    path("rounds/<int:pk>/draw/", rounds.draw, name="draw"),
    path("rounds/<int:pk>/figures/", rounds.figures, name="figures"),
    path("rounds/<int:pk>/files/<str:name>", rounds.compiled_file, name="compiled_file"),
    path("cases/<int:pk>/", cases.case_page, name="case"),
    path("cases/<int:pk>/evidence/<str:code>/<int:n>/", cases.evidence_page, name="evidence"),
    path("cases/<int:pk>/evidence/<str:code>/<int:n>.png", cases.evidence_picture, name="evidence_picture"),
    path("cases/<int:pk>/settle/<str:code>/", cases.settle, name="settle"),
    path("cases/<int:pk>/reviewed/", cases.reviewed, name="reviewed"),
    path("cases/<int:pk>/retry/", cases.retry, name="retry"),
    path("cases/<int:pk>/sheet.<str:fmt>", cases.sheet_file, name="sheet"),
]
