"""What other apps may follow (webhooks/ does): a subscription confirmed or ended, and a person
erased (whatever was kept elsewhere about their address goes too)."""

from django.dispatch import Signal

# sender=Subscription, subscription=…
subscription_confirmed = Signal()
subscription_ended = Signal()
# sender=Subscriber, email=…
subscriber_erased = Signal()
