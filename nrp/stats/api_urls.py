from django.urls import path

app_name = "stats_api"
urlpatterns: list = []
