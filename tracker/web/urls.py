from django.urls import path

from tracker.web import claims, discrepancies, entities, indexes, outlets, reports, search, stories, views
from tracker.web.feeds import case_feed, entity_feed, timeline_feed
from tracker.web.ical import hearings_ics
from tracker.web.pagecache import ALL, CASE, CLAIM, ENTITY, EVENT, STORY, cached_page
from tracker.web.timelinejs import case_timeline

app_name = "web"

urlpatterns = [
    path("", cached_page(ALL)(views.home), name="home"),
    path("health", views.health, name="health"),
    path("cases/<slug:slug>/", cached_page(CASE)(views.case), name="case"),
    path("events/<int:pk>/", cached_page(EVENT)(views.event), name="event"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("stories/", indexes.story_list, name="stories"),
    path("stories/<int:pk>/", cached_page(STORY)(stories.story), name="story"),
    path("claims/<int:pk>/", cached_page(CLAIM)(claims.claim), name="claim"),
    path("entities/", indexes.entity_list, name="entities"),
    path("entities/<slug:slug>/", cached_page(ENTITY)(entities.entity), name="entity"),
    path("outlets/", outlets.outlet_list, name="outlets"),
    path("outlets/<int:pk>/", outlets.outlet, name="outlet"),
    path("search", search.search_page, name="search"),
    path("discrepancies/", discrepancies.discrepancy_list, name="discrepancies"),
    path("cases/<slug:slug>/discrepancies/", discrepancies.discrepancy_list, name="discrepancies"),
    path("report/", reports.report, name="report"),
    path("report/thanks/", reports.thanks, name="report_thanks"),
    path("feeds/timeline.atom", cached_page(ALL)(timeline_feed), name="feed"),
    path("cases/<slug:slug>/feed.atom", cached_page(CASE)(case_feed), name="case_feed"),
    path("entities/<slug:slug>/feed.atom", cached_page(ENTITY)(entity_feed), name="entity_feed"),
    path("cases/<slug:slug>/timeline.json", case_timeline, name="case_timelinejs"),
    path("cases/<slug:slug>/hearings.ics", hearings_ics, name="case_hearings"),
]
