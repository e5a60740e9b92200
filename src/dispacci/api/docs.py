"""Interactive API docs at ``/api/docs``, served entirely from this server.

FastAPI's default page loads Swagger UI from a CDN; here the Swagger UI files
come from the ``swagger-ui-bundle`` Python package (installed as a dependency)
and the start-up script is our own static file, so the page works offline and
under a no-inline-script Content-Security-Policy. Without that package the
page falls back to a plain list of the endpoints drawn from the OpenAPI JSON.
"""
from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["install_docs", "swagger_assets_dir"]

router = APIRouter(include_in_schema=False)


def swagger_assets_dir() -> str | None:
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return None
    return str(swagger_ui_path)


@router.get("/api/docs", response_class=HTMLResponse)
def docs_page(request: Request):
    from ..web.templating import templates

    operations = []
    for path, methods in request.app.openapi().get("paths", {}).items():
        for method, spec in methods.items():
            operations.append({"method": method.upper(), "path": path, "summary": spec.get("summary", "")})
    return templates.TemplateResponse(request, "api_docs.html", {
        "swagger": request.app.state.swagger_assets is not None, "operations": operations,
        "title": "dispacci API"})


def install_docs(app: FastAPI) -> None:
    assets = swagger_assets_dir()
    app.state.swagger_assets = assets
    if assets:
        app.mount("/api/docs/assets", StaticFiles(directory=assets), name="swagger-assets")
    app.include_router(router)
