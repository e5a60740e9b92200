"""Interactive API docs at ``/api/docs``, served entirely from this server.

FastAPI's default page loads Swagger UI from a CDN; here the Swagger UI files
come from the ``swagger-ui-bundle`` Python package (installed as a dependency)
and the start-up script is our own static file, so the page works offline and
under a no-inline-script Content-Security-Policy. Without that package the
page falls back to a plain list of the endpoints drawn from the OpenAPI JSON.

The packaged Swagger UI (4.x) reads OpenAPI 3.0 while FastAPI writes 3.1, so
the page reads ``/api/docs/openapi-3.0.json``: the same document with 3.1's
``null`` types written as 3.0's ``nullable``. ``/api/openapi.json`` stays 3.1.
"""
from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["install_docs", "swagger_assets_dir", "openapi_30"]

router = APIRouter(include_in_schema=False)


def swagger_assets_dir() -> str | None:
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    return str(swagger_ui_path)


@router.get("/api/docs", response_class=HTMLResponse)
def docs_page(request: Request):
    from ..serving.templating import templates

    operations = []
    for path, methods in request.app.openapi().get("paths", {}).items():
        for method, spec in methods.items():
            operations.append({"method": method.upper(), "path": path, "summary": spec.get("summary", "")})
    return templates.TemplateResponse(request, "api_docs.html", {
        "swagger": request.app.state.swagger_assets is not None, "operations": operations,
        "title": "dispacci API"})


@router.get("/api/docs/openapi-3.0.json")
def openapi_for_swagger(request: Request):
    return JSONResponse(openapi_30(request.app.openapi()))


def openapi_30(node):
    """A copy of an OpenAPI 3.1 document that OpenAPI 3.0 readers understand."""
    if isinstance(node, list):
        return [openapi_30(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: openapi_30(value) for key, value in node.items()}
    if str(out.get("openapi", "")).startswith("3.1"):
        out["openapi"] = "3.0.3"
    for key in ("anyOf", "oneOf"):
        options = out.get(key)
        if isinstance(options, list) and {"type": "null"} in options:
            rest = [option for option in options if option != {"type": "null"}]
            out.pop(key)
            if len(rest) == 1 and "$ref" not in rest[0]:
                out.update(rest[0])
            else:
                out[key] = rest
            out["nullable"] = True
    if isinstance(out.get("type"), list):
        types = [t for t in out["type"] if t != "null"]
        out["nullable"] = len(types) < len(out["type"])
        out["type"] = types[0] if len(types) == 1 else types
    if "const" in out:
        out["enum"] = [out.pop("const")]
    if isinstance(out.get("examples"), list) and "example" not in out and "type" in out:
        out["example"] = out.pop("examples")[0] if out["examples"] else None
    return out


def install_docs(app: FastAPI) -> None:
    assets = swagger_assets_dir()
    app.state.swagger_assets = assets
    if assets:
        app.mount("/api/docs/assets", StaticFiles(directory=assets), name="swagger-assets")
    app.include_router(router)
