"""Through what a user acts: the integration token (rajapinta-avain) an API request signed in with.

The API's sign-in notes the token on that request's user object; history rows and audit rows
read it from there, so the write services need no extra argument to name the integration.
"""

from __future__ import annotations

_KEY = "_varanto_integration"


def act_through_integration(user, label: str) -> None:
    """From now on this user object acts through the integration named `label` (one request's worth)."""
    user.__dict__[_KEY] = label


def integration_of(user) -> str:
    """The integration `user` acts through, or "" for a person signed in themselves (or no one)."""
    return getattr(user, "__dict__", {}).get(_KEY, "") if user is not None else ""
