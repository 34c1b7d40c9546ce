"""In-app notifications with unread badges, and the same events by e-mail per the user's preferences."""
