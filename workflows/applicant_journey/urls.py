from django.urls import path  # noqa: F401

app_name = "applicant_journey"
urlpatterns: list = []
