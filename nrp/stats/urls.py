from django.urls import path

app_name = "stats"
urlpatterns: list = []
