"""/api/v1/ paths of matching (mounted in nrp/api/urls.py; names are ``api:<name>``)."""

from django.urls import path

from matching import apis

urlpatterns = [
    path("children/<id:pk>/rankings/", apis.CaseRankingListApi.as_view(), name="child-ranking-list"),
    path("children/<id:pk>/wish-signals/", apis.CaseWishSignalsApi.as_view(), name="child-wish-signals"),
    path("rankings/<id:pk>/", apis.RankingDetailApi.as_view(), name="ranking-detail"),
    path(
        "rankings/<id:pk>/excluded-families/",
        apis.RankingExcludedFamiliesApi.as_view(),
        name="ranking-excluded-families",
    ),
    path("regions/<id:pk>/matching-weights/", apis.RegionWeightsApi.as_view(), name="region-matching-weights"),
    path(
        "regions/<id:pk>/waiting-statistics/",
        apis.RegionWaitingStatisticsApi.as_view(),
        name="region-waiting-statistics",
    ),
]
