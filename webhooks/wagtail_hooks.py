from wagtail import hooks
from wagtail.permissions import register_permission_policy

from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.views import (
    WebhookDeliveryViewSet,
    WebhookEndpointViewSet,
    delivery_permission_policy,
    endpoint_permission_policy,
)

# Registered before the viewsets, which would otherwise fall back to Django's model permissions.
register_permission_policy(WebhookEndpoint, endpoint_permission_policy)
register_permission_policy(WebhookDelivery, delivery_permission_policy)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return [WebhookEndpointViewSet(), WebhookDeliveryViewSet()]
