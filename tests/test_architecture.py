"""The layout ARCHITECTURE.md promises: apps depend on each other one way only, and no module
or function of the project's own code grows past what a reader takes in at once."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Each app may import only from the apps before it (see ARCHITECTURE.md).
LAYERS = [
    "core",
    "privacy",
    "documents",
    "newsletter",
    "home",  # imports resources and stories, which import neither home nor each other
    "resources",
    "stories",
    "translation",
    "roles",
    "search",
    "cms.api",
    "webhooks",
    "accounts",
    "backup",
    "caching",
    "demo",
    "cms",
]
# Within the content layer, the only imports allowed between apps.
CONTENT_EDGES = {("home", "resources"), ("home", "stories")}

MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60


def app_of(module):
    if module == "cms.api" or module.startswith("cms.api."):
        return "cms.api"
    top = module.split(".")[0]
    return top if top in LAYERS else None


def project_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in (".venv", "tests") or relative.parts[0].startswith("."):
            continue
        module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        if app_of(module):
            yield module, path


def imported_modules(tree):
    """Every module an import statement names, at the top or inside a function."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module
            for alias in node.names:  # `from cms import api` names a module too
                yield node.lineno, f"{node.module}.{alias.name}"


def app_edges():
    edges = {}
    for module, path in project_modules():
        source = app_of(module)
        for line, name in imported_modules(ast.parse(path.read_text())):
            target = app_of(name)
            if target and target != source:
                edges.setdefault((source, target), []).append(f"{module}:{line}")
    return edges


def allowed(source, target):
    if (source, target) in CONTENT_EDGES:
        return True
    content = {"home", "resources", "stories"}
    if source in content and target in content:
        return False
    return LAYERS.index(target) < LAYERS.index(source)


def test_apps_import_only_the_apps_below_them():
    wrong = {
        f"{source} -> {target}": places
        for (source, target), places in app_edges().items()
        if not allowed(source, target)
    }
    assert not wrong, wrong


def test_the_layer_check_sees_imports_inside_functions():
    tree = ast.parse("def view():\n    from home.models import HomePage\n")
    assert [app_of(name) for _line, name in imported_modules(tree)] == ["home", "home"]


def code_files():
    for _module, path in project_modules():
        relative = path.relative_to(ROOT)
        if (
            "migrations" in relative.parts
            or relative.parts[0] == "demo"
            and (relative.parts[1] == "translations" or relative.name == "content.py")
        ):
            continue
        yield relative, path


def test_no_source_file_is_longer_than_400_lines():
    long_files = {
        str(relative): count
        for relative, path in code_files()
        if (count := len(path.read_text().splitlines())) > MAX_FILE_LINES
    }
    assert not long_files, long_files


def test_no_function_is_longer_than_60_lines():
    long_functions = {}
    for relative, path in code_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions[f"{relative}:{node.lineno} {node.name}"] = length
    assert not long_functions, long_functions
