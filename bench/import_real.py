"""How well the four real publicity descriptions import: names F1, systems F1 and responsible per document.

    .venv/bin/python bench/import_real.py

Each document of varanto/testing/data/import-real (its `# ` lines stripped) is recognised as its
own organisation and scored against its gold file by varanto/testing/import_eval.py. Nothing is
written anywhere; documents cut short are read as they are (as `--allow-partial` would).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "varanto.settings")
    import django

    django.setup()
    from varanto.interchange.documents import recognise, recognition_catalog
    from varanto.testing.import_eval import DOCUMENTS, gold, score, stripped

    print(f"{'document':30} {'resources':>9} {'names F1':>9} {'systems F1':>10} {'responsible':>11}  cut short")
    for name in DOCUMENTS:
        expected = gold(name)
        recognition = recognise([(f"{name}.txt", stripped(name))], organization_name=expected["organization"])
        result = score(recognition_catalog(recognition), expected)
        print(
            f"{name:30} {len(recognition.resources):>9} {result.names:>9.2f} {result.systems:>10.2f} "
            f"{result.responsible:>11.2f}  {'yes' if recognition.cut_short else 'no'}"
        )
        for missing in result.missing:
            print(f"    missing: {missing}")
        for extra in result.extra:
            print(f"    extra:   {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
