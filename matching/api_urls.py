"""/api/v1/ paths of matching (mounted in nrp/api/urls.py; names are ``api:<name>``)."""

from django.urls import path

from matching.apis import excluded, rankings, waiting, weights, wishes

urlpatterns = [
    path("children/<id:pk>/rankings/", rankings.CaseRankingListApi.as_view(), name="child-ranking-list"),
    path("children/<id:pk>/wish-signals/", wishes.CaseWishSignalsApi.as_view(), name="child-wish-signals"),
    path("rankings/<id:pk>/", rankings.RankingDetailApi.as_view(), name="ranking-detail"),
    path(
        "rankings/<id:pk>/excluded-families/",
        excluded.RankingExcludedFamiliesApi.as_view(),
        name="ranking-excluded-families",
    ),
    path("regions/<id:pk>/matching-weights/", weights.RegionWeightsApi.as_view(), name="region-matching-weights"),
    path(
        "regions/<id:pk>/waiting-statistics/",
        waiting.RegionWaitingStatisticsApi.as_view(),
        name="region-waiting-statistics",
    ),
]
