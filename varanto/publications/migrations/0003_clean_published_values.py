"""Publications made before the write rules, cleaned as the catalogue is (catalog 0003).

A publication is never rewritten, with this one exception: a translation of an internal field
(security measures through `translations.sv`) must not stay public, and a `javascript:` link or
a control character must not stay in what the public pages and downloads are made from. The
content hash is computed again, so the ETags made from it change with the content.
"""

import hashlib
import json

from django.db import migrations

from varanto.core.text import link_scheme_allowed, without_controls

# The translatable public fields of each part of a publication, as at this migration.
TRANSLATABLE = {
    "organization": ("name", "request_instructions"),
    "sections": ("name", "description"),
    "resources": ("name", "purpose", "notes"),
    "systems": ("name", "purpose", "description"),
    "processes": ("name", "purpose"),
    "datasets": ("name", "description"),
    "services": ("name", "description"),
}
WEB_ADDRESSES = {"organization": ("homepage",), "datasets": ("url",), "services": ("url",)}


def _texts(value):
    if isinstance(value, str):
        return without_controls(value)[0]
    if isinstance(value, dict):
        return {k: _texts(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_texts(v) for v in value]
    return value


def _record(part: str, record):
    if not isinstance(record, dict):
        return record
    if "translations" in record:
        allowed = TRANSLATABLE[part]
        translations = record["translations"] if isinstance(record["translations"], dict) else {}
        record["translations"] = {
            language: {f: t for f, t in texts.items() if f in allowed}
            for language, texts in translations.items()
            if isinstance(texts, dict) and any(f in allowed for f in texts)
        }
    if isinstance(record.get("links"), list):
        record["links"] = [
            row for row in record["links"] if isinstance(row, dict) and link_scheme_allowed(str(row.get("url", "")))
        ]
    for name in WEB_ADDRESSES.get(part, ()):
        url = record.get(name)
        if isinstance(url, str) and url and not url.lower().startswith(("http://", "https://")):
            record[name] = ""
    return record


def cleaned(content: dict) -> dict:
    content = _texts(content)
    if "organization" in content:
        content["organization"] = _record("organization", content["organization"])
    for part in ("sections", "resources", "systems", "processes"):
        if isinstance(content.get(part), list):
            content[part] = [_record(part, r) for r in content[part]]
    open_data = content.get("open_data")
    if isinstance(open_data, dict):
        for part in ("datasets", "services"):
            if isinstance(open_data.get(part), list):
                open_data[part] = [_record(part, r) for r in open_data[part]]
    return content


def clean_publications(apps, schema_editor):
    Publication = apps.get_model("publications", "Publication")
    for publication in Publication.objects.iterator():
        content = cleaned(json.loads(json.dumps(publication.content)))
        if content != publication.content:
            digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
            # update(), not save(): the model refuses to rewrite a publication, and rightly so elsewhere.
            Publication.objects.filter(pk=publication.pk).update(content=content, content_hash=digest)


class Migration(migrations.Migration):
    dependencies = [("publications", "0002_publication_withdrawal")]

    operations = [migrations.RunPython(clean_publications, migrations.RunPython.noop)]
