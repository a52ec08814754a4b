"""The accounts app stands below the API: the API builds on it (tokens act as users), never the other way round."""

import subprocess
import sys

# Django set up with the apps accounts stands on and without the API, then every accounts module imported.
PROBE = """
import pkgutil, importlib, sys
import django
from django.conf import settings
settings.configure(
    INSTALLED_APPS=[
        "django.contrib.admin", "django.contrib.contenttypes", "django.contrib.auth",
        "django.contrib.sessions", "django.contrib.messages", "simple_history",
        "axes", "varanto.core", "varanto.catalog", "varanto.publications", "varanto.accounts",
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
)
django.setup()
import varanto.accounts
for module in pkgutil.iter_modules(varanto.accounts.__path__):
    if module.name not in ("tests", "migrations"):
        importlib.import_module("varanto.accounts." + module.name)
print(sorted(m for m in sys.modules if m.startswith(("varanto.api", "varanto.backoffice"))))
"""


def test_importing_the_accounts_app_imports_nothing_of_the_api():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_no_accounts_module_names_the_api_even_inside_a_function():
    """An import inside a function is a circle too, only a later one."""
    import ast
    import pathlib

    import varanto.accounts

    root = pathlib.Path(varanto.accounts.__file__).parent
    sources = [p for p in root.rglob("*.py") if not {"tests", "migrations"} & set(p.relative_to(root).parts)]
    imported = {
        (path.name, name)
        for path in sources
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        for name in (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in getattr(node, "names", [])]
        )
        if isinstance(node, (ast.Import, ast.ImportFrom)) and name.startswith("varanto.api")
    }
    assert not imported
