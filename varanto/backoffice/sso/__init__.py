"""Kertakirjautuminen: signing officials in to the back office with the organisation's OpenID Connect provider.

`config` reads the settings and the provider's discovery document, `roles` maps the provider's
groups or app roles to roles in organisations, `services` finds or links the user and sets the
roles (audited), `backend` and `views` plug them into mozilla-django-oidc.
"""
