from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "casereview.web"
    label = "web"
    verbose_name = "案卷评查工作台"
    default_auto_field = "django.db.models.BigAutoField"
