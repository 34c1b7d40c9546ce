"""Fixtures of the performance tests: the route matrix's world (personas and sample objects)."""

from tests.security.conftest import world  # noqa: F401
