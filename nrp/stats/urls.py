from django.urls import path

from nrp.stats import views

app_name = "stats"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export/<slug:chart>.<slug:fmt>", views.export, name="export"),
    path("rocni-vykaz/", views.yearly_page, name="yearly"),
    path("rocni-vykaz.<slug:fmt>", views.yearly_export, name="yearly_export"),
]
