"""Importer for a publicity description as published on a website, in plain text."""

from .parser import Finding, ParseResult, is_page_style, parse_page

__all__ = ["Finding", "ParseResult", "is_page_style", "parse_page"]
