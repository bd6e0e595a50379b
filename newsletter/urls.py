"""The sign-up journey's addresses, under each language's prefix (/sw/newsletter/…)."""

from django.urls import path

from newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("sign-up/", views.sign_up, name="sign_up"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
