"""Endpoints of the API module itself: the user (me, tokens), reference data and households."""
