"""Static file storage: hashed, compressed names once `collectstatic` has run (production,
`make run`), plain names before it (tests, a fresh checkout), which WhiteNoise then serves
straight from the apps. Django's manifest storage would raise instead of falling back."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:  # not collected yet
            return name
