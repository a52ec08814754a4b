"""Locale format overrides (see FORMAT_MODULE_PATH in settings)."""
