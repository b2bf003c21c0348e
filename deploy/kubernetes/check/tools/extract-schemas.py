#!/usr/bin/env python3
"""Maintainer's tool (not run by the check): writes the trimmed schemas the offline check validates against.

  extract-schemas.py crd  OUT.json  CRD.yaml...   the openAPIV3Schema of each CRD version, descriptions removed
  extract-schemas.py k8s  OUT.json  swagger.json  DEFINITION...   the named definitions of Kubernetes' swagger.json and
                                                   everything they reference, descriptions removed

Each upstream file is named, with its version, in ../README.md ("Schemas"). Needs PyYAML.
"""
import json
import sys

DROP = {"description", "x-kubernetes-list-map-keys", "x-kubernetes-list-type", "x-kubernetes-map-type",
        "x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy", "x-kubernetes-group-version-kind",
        "x-kubernetes-validations", "x-kubernetes-unions"}


def strip(node, names=False):
    """names: node is a "properties" map, whose keys are field names (a field may be called "description")."""
    if isinstance(node, dict):
        return {k: strip(v, k == "properties" and not names) for k, v in node.items() if names or k not in DROP}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def crd(out, files):
    import yaml
    result = {}
    for f in files:
        with open(f) as fh:
            for doc in yaml.safe_load_all(fh):
                if not doc or doc.get("kind") != "CustomResourceDefinition":
                    continue
                group, kind = doc["spec"]["group"], doc["spec"]["names"]["kind"]
                for v in doc["spec"]["versions"]:
                    if v.get("served", True):
                        result[f"{group}/{v['name']}/{kind}"] = strip(v["schema"]["openAPIV3Schema"])
    write(out, result)


def k8s(out, swagger, roots):
    with open(swagger) as fh:
        defs = json.load(fh)["definitions"]
    keep, todo = {}, list(roots)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep[name] = strip(defs[name])
        todo.extend(refs(defs[name]))
    gvk = {}
    for name in roots:
        for k in defs[name].get("x-kubernetes-group-version-kind", []):
            api = f"{k['group']}/{k['version']}" if k["group"] else k["version"]
            gvk[f"{api}/{k['kind']}"] = name
    write(out, {"kinds": gvk, "definitions": dict(sorted(keep.items()))})


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                yield v.rsplit("/", 1)[1]
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def write(out, data):
    with open(out, "w") as fh:
        json.dump(data, fh, sort_keys=True, separators=(",", ":"))
        fh.write("\n")


if __name__ == "__main__":
    {"crd": lambda: crd(sys.argv[2], sys.argv[3:]), "k8s": lambda: k8s(sys.argv[2], sys.argv[3], sys.argv[4:])}[sys.argv[1]]()
