"""``{% notification_badge %}``: the link to the notifications with the count of unread ones (base layout)."""

from django import template

from nrp.notifications.selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/badge.html", takes_context=True)
def notification_badge(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"unread": unread_count(user=user) if user is not None and user.is_authenticated else 0, "user": user}
