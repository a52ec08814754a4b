"""Case-insensitive text matching in the database, alike on SQLite and PostgreSQL.

SQLite's LIKE and LOWER() fold ASCII letters only ("Ä" stays "Ä"), and PostgreSQL's LOWER() folds
as the database's locale does (in a "C" database, ASCII only too). `UnicodeLower` folds by Unicode
on both: on SQLite through a function registered on each connection (Python's `str.lower`), on
PostgreSQL under ICU's root collation, whatever the database's locale. Compare it with `folded(text)`.
"""

from __future__ import annotations

from django.db.models import Func, TextField

SQLITE_FUNCTION = "varanto_lower"


def folded(text: str) -> str:
    """Text as `UnicodeLower` gives it in the database."""
    return text.lower()


class UnicodeLower(Func):
    function = "LOWER"
    arity = 1
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template='LOWER(%(expressions)s COLLATE "und-x-icu")', **extra)


def _sqlite_lower(text):
    return folded(text) if isinstance(text, str) else text


def register_sqlite_lower(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: gives each SQLite connection the function `UnicodeLower` calls."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, _sqlite_lower, deterministic=True)
