"""Temporary helper: validate one YAML data file against a schema in schemas/ (before `coachref check` exists)."""
import json, sys, pathlib, yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

root = pathlib.Path(__file__).resolve().parent.parent / "schemas"
resources = []
for p in root.glob("*.schema.json"):
    s = json.loads(p.read_text())
    resources.append((s["$id"], Resource.from_contents(s)))
registry = Registry().with_resources(resources)
schema = json.loads((root / sys.argv[1]).read_text())
data = yaml.load(open(sys.argv[2], encoding="utf-8"), Loader=yaml.BaseLoader) if False else yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
def fix(o):
    import datetime
    if isinstance(o, dict): return {k: fix(v) for k, v in o.items()}
    if isinstance(o, list): return [fix(v) for v in o]
    if isinstance(o, (datetime.date,)): return o.isoformat()
    return o
v = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
errs = sorted(v.iter_errors(fix(data)), key=lambda e: list(e.absolute_path))
for e in errs:
    print("/" + "/".join(map(str, e.absolute_path)), e.message)
print(f"{len(errs)} errors")
sys.exit(1 if errs else 0)
