"""Database rows made once and copied into each test's database, for fixtures too slow to rebuild.

Importing the Imatra demo takes about half a second (two hundred saves, each validated and
recorded in history); copying the rows it made takes a few milliseconds. `RowSnapshot.capture`
runs a build inside a transaction it rolls back and keeps every row the build added, in every
table; `restore` writes those rows back exactly as they were (ids, timestamps, history), with no
signals, as if the build had just run. `rolled_back` runs a build the same way and keeps only what
it returns, for fixtures that make files once from database rows no test should see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction

T = TypeVar("T")


def rolled_back(build: Callable[[], T]) -> T:
    """What `build` returns; whatever it wrote to the database is rolled back."""
    with transaction.atomic():
        result = build()
        transaction.set_rollback(True)
    return result


def _tables() -> list[type[models.Model]]:
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy]


@dataclass(frozen=True)
class RowSnapshot:
    rows: list[tuple[type[models.Model], list[dict[str, Any]]]]
    result: Any  # what the build returned (e.g. the new organisation's id)

    @classmethod
    def capture(cls, build: Callable[[], Any]) -> RowSnapshot:
        tables = _tables()

        def build_and_read() -> RowSnapshot:
            before = {model: set(model._base_manager.values_list("pk", flat=True)) for model in tables}
            result = build()
            captured: list[tuple[type[models.Model], list[dict[str, Any]]]] = []
            for model in tables:
                fields = [f.attname for f in model._meta.local_concrete_fields]
                new = [
                    row
                    for row in model._base_manager.values(*fields)
                    if row[model._meta.pk.attname] not in before[model]
                ]
                if new:
                    captured.append((model, new))
            return cls(captured, result)

        return rolled_back(build_and_read)

    def restore(self) -> Any:
        with transaction.atomic():
            for model, rows in self.rows:
                fields = list(model._meta.local_concrete_fields)
                objs = [model(**row) for row in rows]
                size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
                for start in range(0, len(objs), size):
                    # raw: values go in as captured (auto_now and defaults untouched), as loaddata does.
                    model._base_manager._insert(  # type: ignore[attr-defined]  # private, not in django-stubs
                        objs[start : start + size], fields=fields, raw=True
                    )
            # PostgreSQL's sequences do not see explicit ids; SQLite's need no reset.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in self.rows]):
                    cursor.execute(sql)
        return self.result
