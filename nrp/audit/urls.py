from django.urls import path

from nrp.audit import exceptional, views

app_name = "audit"
urlpatterns = [
    path("kdo-nahlizel-do-meho-spisu/", views.my_file_access, name="my_file_access"),
    path("domacnost/<int:household_id>/", views.household_trail, name="household_trail"),
    path("zaznam/<str:object_type>/<str:object_id>/", views.object_trail, name="object_trail"),
    path("duvod-pristupu/", exceptional.exceptional_access, name="exceptional_access"),
]
