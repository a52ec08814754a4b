"""Existing values brought under the rules every write now applies (`catalog.services.values`).

Control characters other than tab and newline are removed (Word's manual line break becomes a
newline), links other than http(s) and mailto dropped, web addresses other than http(s)
emptied, and translations of anything but the translatable public fields dropped. Each record
changed is saved in place (a data repair, not an edit: no new version, no history row).
"""

from django.db import migrations, models

from varanto.core.text import link_scheme_allowed, without_controls

# The translatable public fields of each model as they are at this migration (a historical
# model has no `translatable_fields`).
TRANSLATABLE = {
    "Organization": ("name", "request_instructions"),
    "Section": ("name", "description"),
    "DataResource": ("name", "purpose", "notes"),
    "InformationSystem": ("name", "purpose", "description"),
    "Process": ("name", "purpose"),
    "OpenDataset": ("name", "description"),
    "DataService": ("name", "description"),
}
MODELS = (*TRANSLATABLE, "ContactPerson", "ServiceLayer", "ResourceSystem", "SystemInterface", "ImpactAssessment")
LINK_FIELDS = ("links",)


def _texts(value):
    if isinstance(value, str):
        return without_controls(value)[0]
    if isinstance(value, dict):
        return {k: _texts(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_texts(v) for v in value]
    return value


def _translations(value, allowed: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        return {}
    out = {}
    for language, texts in value.items():
        if language in ("sv", "en") and isinstance(texts, dict):
            kept = {f: t for f, t in texts.items() if f in allowed and isinstance(t, str) and t.strip()}
            if kept:
                out[language] = kept
    return out


def cleaned(model_name: str, field: models.Field, value):
    """A stored value as the write rules would have left it."""
    value = _texts(value)
    if field.name == "translations":
        return _translations(value, TRANSLATABLE.get(model_name, ()))
    if field.name in LINK_FIELDS and isinstance(value, list):
        return [row for row in value if isinstance(row, dict) and link_scheme_allowed(str(row.get("url", "")))]
    if isinstance(field, models.URLField) and value and not str(value).lower().startswith(("http://", "https://")):
        return ""
    return value


def clean_stored_values(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("catalog", name)
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField) and not f.choices
        ]
        for record in model._default_manager.iterator():
            changed = []
            for field in fields:
                before = getattr(record, field.attname)
                after = cleaned(name, field, before)
                if after != before:
                    setattr(record, field.attname, after)
                    changed.append(field.attname)
            if changed:
                model._default_manager.filter(pk=record.pk).update(**{f: getattr(record, f) for f in changed})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_history_snapshots_and_impact_assessments")]

    operations = [migrations.RunPython(clean_stored_values, migrations.RunPython.noop)]
