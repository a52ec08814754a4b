"""Builds demo/imatra.catalog.json: the City of Imatra's published page read by Varanto's
importer, plus the registry office details the page itself does not give
(demo/imatra-supplement.json), a few processes and interfaces that are clearly labelled
EXAMPLES, not Imatra's own (demo/imatra-examples.json), and an EXAMPLE records management plan
for three of its data resources (demo/imatra-example-plan.json, invented for the demo and
labelled so, never Imatra's own), written out in full canonical form by the exporter.

Run with `make demo-data`; it uses a throwaway database and leaves yours alone.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A copy of ../shared/seeds/imatra-tietovarannot.txt (the page as published), kept here so a clone stands alone.
SEED = HERE / "imatra-tietovarannot.txt"
OUTPUT = HERE / "imatra.catalog.json"


def build() -> dict:
    """Parse the seed, add the supplement, import and export again (needs a migrated database)."""
    from varanto.interchange.canonical import catalog_export
    from varanto.interchange.importing import read_catalog
    from varanto.interchange.services import catalog_import

    catalog, _ = read_catalog(SEED, fmt="text")
    supplement = json.loads((HERE / "imatra-supplement.json").read_text("utf-8"))
    catalog["organization"].update(supplement["organization"])
    examples = json.loads((HERE / "imatra-examples.json").read_text("utf-8"))
    catalog["processes"] = [*catalog.get("processes", []), *examples["processes"]]
    catalog["interfaces"] = [*catalog.get("interfaces", []), *examples["interfaces"]]
    for resource in catalog["resources"]:
        resource["processes"] = [
            *resource.get("processes", []),
            *examples["resource_processes"].get(resource["key"], []),
        ]
    example = json.loads((HERE / "imatra-example-plan.json").read_text("utf-8"))
    catalog["records_management"] = example["records_management"]
    summary = catalog_import(catalog, acting_user=None, replace=True)
    return catalog_export(summary.organization)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as var_dir:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="varanto.settings",
            VARANTO_VAR_DIR=var_dir,
            DATABASE_URL=f"sqlite:///{var_dir}/demo.sqlite3",
        )
        sys.path.insert(0, str(HERE.parent))
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        OUTPUT.write_text(json.dumps(build(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {OUTPUT}")
