"""Backing up and restoring the whole database (varmuuskopio ja palautus), across SQLite and PostgreSQL.

A backup is one zip file: `manifest.json` (format version, the migrations the database was at,
and per table its file, row count and SHA-256) and one JSON-lines file per table, the first
line naming the columns, each further line one row. Every table of every installed app is in
it (catalogue, history, publications, users, memberships, tokens, assessments, audit, review
state, thesaurus) except what the database rebuilds itself: content types and permissions
(made by `migrate`; references to them are written as their natural keys), sessions (everyone
signs in again), and the search index (built anew after the restore).

Rows keep their primary keys, so references between tables stay as they were; a restore
writes all of them in one transaction (foreign keys are checked at its end), checks each
table's count and digest against the manifest, and on PostgreSQL moves the id sequences past
the restored ids. A database at other migrations than the backup's is refused.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.duration import duration_string

from varanto.search.services import search_index_ensure_current

FORMAT = "varanto-backup"
VERSION = 1
MANIFEST = "manifest.json"
BATCH = 1000
PROGRESS_EVERY = 50_000

# Made by `migrate` (content types, permissions), transient (sessions) or derived (the search index).
NOT_BACKED_UP = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
DERIVED = {"search.searchindex", "search.searchdocument", "search.searchposting", "search.searchterm"}

Progress = Callable[[str], None]


class BackupError(Exception):
    """The backup file cannot be restored here; the message says what and where."""


@dataclass(frozen=True)
class RestoreReport:
    tables: int
    rows: int
    search_indexes: int


def backed_up_models() -> list[type[models.Model]]:
    """Every model with a table of its own that a backup holds, in a fixed order."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in NOT_BACKED_UP | DERIVED
    ]


def _derived_models() -> list[type[models.Model]]:
    return [apps.get_model(label) for label in sorted(DERIVED)]


def _natural(field) -> type[models.Model] | None:
    """ContentType or Permission when the field refers to one: their ids differ between databases."""
    target = field.related_model if field.is_relation else None
    return target if target in (ContentType, Permission) else None


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _dump(field, value):
    if value is None or isinstance(value, (str, int, float, bool)) or isinstance(field, models.JSONField):
        return value
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return duration_string(value)
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode()
    raise TypeError(f"{field.model._meta.label}.{field.name}: cannot back up a {type(value).__name__}")


class _NaturalKeys:
    """Content-type and permission ids ↔ their natural keys, in whichever database this runs."""

    def __init__(self) -> None:
        self._keys: dict[type[models.Model], dict[int, list[str]]] = {}
        self._ids: dict[type[models.Model], dict[tuple, int]] = {}

    def key(self, model, pk: int) -> list[str]:
        if model not in self._keys:
            self._keys[model] = {obj.pk: list(obj.natural_key()) for obj in model.objects.all()}
        return self._keys[model][pk]

    def id(self, model, key: list[str], where: str) -> int:
        if model not in self._ids:
            self._ids[model] = {tuple(obj.natural_key()): obj.pk for obj in model.objects.all()}
        found = self._ids[model].get(tuple(key))
        if found is None and model is ContentType:
            found = ContentType.objects.get_or_create(app_label=key[0], model=key[1])[0].pk
            self._ids[model][tuple(key)] = found
        if found is None:
            raise BackupError(f"{where}: no {model._meta.verbose_name} {key!r} in this database.")
        return found


def _member(model) -> str:
    return f"tables/{model._meta.label_lower}.jsonl"


class _Lines:
    """One table's JSON-lines member, written in large pieces, with the digest of what was written."""

    def __init__(self, raw) -> None:
        self.raw, self.buffer, self.digest, self.rows = raw, bytearray(), hashlib.sha256(), -1

    def write(self, data: list) -> None:
        encoded = (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        self.digest.update(encoded)
        self.buffer += encoded
        self.rows += 1
        if len(self.buffer) > 1 << 20:
            self.flush()

    def flush(self) -> None:
        self.raw.write(self.buffer)
        self.buffer.clear()


def backup_write(path: Path, *, progress: Progress = lambda message: None) -> dict:
    """Write the whole database to `path` as one consistent snapshot; returns the manifest.

    The file appears only when complete (it is written beside it first).
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # One snapshot of every table, whatever is written meanwhile.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return _write(path, progress)


def _write(path: Path, progress: Progress) -> dict:
    partial = path.with_name(path.name + ".part")
    try:
        manifest = _write_archive(partial, progress)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)
    return manifest


def _write_archive(partial: Path, progress: Progress) -> dict:
    natural = _NaturalKeys()
    tables: dict[str, dict] = {}
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for model in backed_up_models():
            fields = model._meta.local_concrete_fields
            naturals = [_natural(f) for f in fields]
            with archive.open(_member(model), "w", force_zip64=True) as raw:
                lines = _Lines(raw)
                lines.write([f.attname for f in fields])
                values = model._base_manager.order_by("pk").values_list(*(f.attname for f in fields))
                for row in values.iterator(chunk_size=2000):
                    lines.write(
                        [
                            natural.key(target, v) if target and v is not None else _dump(f, v)
                            for f, target, v in zip(fields, naturals, row, strict=True)
                        ]
                    )
                    if lines.rows % PROGRESS_EVERY == 0:
                        progress(f"{model._meta.label}: {lines.rows} rows …")
                lines.flush()
            tables[model._meta.label_lower] = {
                "file": _member(model),
                "rows": lines.rows,
                "sha256": lines.digest.hexdigest(),
            }
            progress(f"{model._meta.label}: {lines.rows} rows")
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": _applied_migrations(),
            "tables": tables,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def backup_manifest(path: Path) -> dict:
    """The manifest of a backup file, checked to be one this version can restore."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(f"{path}: not a Varanto backup ({error}).") from None
    with archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except (KeyError, ValueError) as error:
            raise BackupError(f"{path}: {MANIFEST} is missing or unreadable ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: {MANIFEST} does not describe a Varanto backup.")
    if manifest.get("version") != VERSION:
        raise BackupError(f"{path}: backup format version {manifest.get('version')!r}; this Varanto reads {VERSION}.")
    return manifest


def database_is_empty() -> bool:
    """Whether no table a backup holds has a row (what `migrate` makes itself does not count)."""
    return not any(model._base_manager.exists() for model in backed_up_models())


def backup_restore(path: Path, *, replace: bool = False, progress: Progress = lambda message: None) -> RestoreReport:
    """Restore the backup at `path` into this database, all or nothing.

    The database must be migrated to the same migrations as the backup, and empty unless
    `replace` (then everything in it is deleted first, inside the same transaction).
    """
    manifest = backup_manifest(path)
    here = _applied_migrations()
    wanted = manifest["migrations"]
    if here != wanted:
        missing = [f"{app}.{name}" for app, name in wanted if [app, name] not in here]
        extra = [f"{app}.{name}" for app, name in here if [app, name] not in wanted]
        raise BackupError(
            f"{path}: the backup was made at other migrations than this database is at "
            f"(only in the backup: {', '.join(missing) or 'none'}; only here: {', '.join(extra) or 'none'}). "
            "Restore with the Varanto version that made it into a database migrated by it, then migrate."
        )
    known = {model._meta.label_lower: model for model in backed_up_models()}
    unknown = sorted(set(manifest["tables"]) - set(known))
    absent = sorted(set(known) - set(manifest["tables"]))
    if unknown or absent:
        raise BackupError(f"{path}: tables do not match this Varanto (unknown: {unknown}, missing: {absent}).")
    with transaction.atomic():
        if not database_is_empty():
            if not replace:
                raise BackupError(
                    "The database is not empty; restore into an empty one (migrated), "
                    "or use --force to delete everything in it first."
                )
            database_clear(progress=progress)
        total = 0
        with zipfile.ZipFile(path) as archive:
            natural = _NaturalKeys()
            for label, model in known.items():
                total += _restore_table(archive, model, manifest["tables"][label], natural, progress)
        if connection.vendor == "sqlite":
            connection.check_constraints(table_names=[model._meta.db_table for model in known.values()])
        _reset_sequences(list(known.values()))
    # The search index is derived: built anew from the restored publications.
    return RestoreReport(tables=len(known), rows=total, search_indexes=search_index_ensure_current())


def database_clear(*, progress: Progress = lambda message: None) -> None:
    """Delete every row a backup would hold, and the search index (what `restore --force` does first)."""
    for model in [*_derived_models(), *reversed(backed_up_models())]:
        deleted = model._base_manager.all()._raw_delete(connection.alias)
        if deleted:
            progress(f"{model._meta.label}: {deleted} rows deleted")


def _rows(archive: zipfile.ZipFile, entry: dict, where: str) -> Iterator[list]:
    digest = hashlib.sha256()
    try:
        member = archive.open(entry["file"])
    except KeyError:
        raise BackupError(f"{where}: {entry['file']} is missing from the backup.") from None
    with member:
        for number, encoded in enumerate(member, start=1):
            digest.update(encoded)
            try:
                yield json.loads(encoded)
            except ValueError as error:
                raise BackupError(f"{where}, line {number}: {error}") from None
    if digest.hexdigest() != entry["sha256"]:
        raise BackupError(f"{where}: the contents differ from the manifest's digest; the file is damaged.")


def _restore_table(archive, model, entry: dict, natural: _NaturalKeys, progress: Progress) -> int:
    where = f"{entry['file']}"
    rows = _rows(archive, entry, where)
    by_name = {f.attname: f for f in model._meta.local_concrete_fields}
    columns = next(rows, None)
    if columns is None or sorted(columns) != sorted(by_name):
        raise BackupError(f"{where}: the columns {columns} are not those of {model._meta.label} {sorted(by_name)}.")
    fields = [by_name[name] for name in columns]
    naturals = [_natural(f) for f in fields]
    count, batch = 0, []
    for line, row in enumerate(rows, start=2):
        try:
            values = {
                f.attname: (natural.id(target, v, f"{where}, line {line}") if target and v is not None else _load(f, v))
                for f, target, v in zip(fields, naturals, row, strict=True)
            }
        except (ValueError, TypeError) as error:
            raise BackupError(f"{where}, line {line}: {error}") from None
        batch.append(model(**values))
        count += 1
        if len(batch) >= BATCH:
            _insert(model, fields, batch)
        if count % PROGRESS_EVERY == 0:
            progress(f"{model._meta.label}: {count} rows …")
    _insert(model, fields, batch)
    stored = model._base_manager.count()
    if count != entry["rows"] or stored != entry["rows"]:
        raise BackupError(
            f"{where}: the manifest says {entry['rows']} rows of {model._meta.label}; "
            f"{count} were read and {stored} are stored."
        )
    progress(f"{model._meta.label}: {count} rows")
    return count


def _insert(model, fields, batch: list) -> None:
    """INSERT the rows as they are: raw, so times made `auto_now` keep their stored values, and no signals."""
    size = max(1, min(BATCH, connection.ops.bulk_batch_size(fields, batch)))
    for start in range(0, len(batch), size):
        model._base_manager._insert(batch[start : start + size], fields=fields, raw=True)
    batch.clear()


def _load(field, value):
    if value is None or isinstance(field, models.JSONField):
        return value
    try:
        return field.to_python(value)
    except ValidationError as error:
        raise ValueError(f"{field.name}: {'; '.join(error.messages)}") from None


def _reset_sequences(restored: list[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the restored ids (SQLite follows the largest id itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), restored)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
