app_name = "stats_api"
urlpatterns: list = []
