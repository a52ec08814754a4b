"""Requests to the working-model API as an integration: the token and any precondition headers."""


def auth(token: str | None, **headers) -> dict:
    """Test-client keyword arguments: `Authorization: Bearer <token>` (none for None) and the given headers."""
    extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    return {"HTTP_AUTHORIZATION": f"Bearer {token}", **extra} if token is not None else extra
