from django.urls import path

from nrp.search import exports, views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("export/deti.<str:fmt>", exports.export_children, name="export_children"),
    path("export/zadatele.<str:fmt>", exports.export_applicants, name="export_applicants"),
    path("export/pripady.<str:fmt>", exports.export_caseload, name="export_caseload"),
]
