"""A readable, accessible API reference drawn from the same OpenAPI schema as /api/schema/."""

from dataclasses import dataclass, field
from functools import lru_cache

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict] = field(default_factory=list)
    request_schema: str = ""
    responses: list[tuple[str, str]] = field(default_factory=list)
    needs_login: bool = False


def _ref_name(content: dict) -> str:
    for media in (content or {}).values():
        schema = media.get("schema", {})
        ref = schema.get("$ref") or schema.get("items", {}).get("$ref", "")
        return ref.rsplit("/", 1)[-1]
    return ""


@lru_cache(maxsize=1)
def operations() -> tuple[Operation, ...]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    result = []
    for path, methods in schema["paths"].items():
        for method in HTTP_METHODS:
            op = methods.get(method)
            if op is None:
                continue
            security = op.get("security", [])
            result.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    parameters=[
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": p.get("schema", {}).get("type", ""),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    request_schema=_ref_name(op.get("requestBody", {}).get("content", {})),
                    responses=[
                        (code, r.get("description", "")) for code, r in op.get("responses", {}).items()
                    ],
                    needs_login={} not in security,
                )
            )
    return tuple(result)


def docs(request):
    return render(request, "api/docs.html", {"operations": operations()})
