"""`GET /docs`: the OpenAPI page, with Swagger UI's script, style and icon served by the service
itself, so the page works on a machine without internet (FastAPI's default loads them from a CDN).

The files come from the `fastapi-offline` package, which ships Swagger UI 5 (the version FastAPI's
own page asks the CDN for); the page is FastAPI's `get_swagger_ui_html`, pointed at them. They are
served under /static/, beside the playground's files, by a fixed list of names.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, HTTPException, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

DOCS_PATH = "/docs"
ASSET_PREFIX = "/static/swagger/"
SWAGGER_STATIC = Path(fastapi_offline.__file__).resolve().parent / "static"
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon.png": "image/png",
}

router = APIRouter(include_in_schema=False)


@router.get(DOCS_PATH)
def swagger_page(request: Request) -> HTMLResponse:
    """The interactive API page, every file of it from this service."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - API",
        swagger_js_url=f"{root}{ASSET_PREFIX}swagger-ui-bundle.js",
        swagger_css_url=f"{root}{ASSET_PREFIX}swagger-ui.css",
        swagger_favicon_url=f"{root}{ASSET_PREFIX}favicon.png",
        oauth2_redirect_url=None,
        # No badge from Swagger's online validator: the page asks nothing of another host.
        swagger_ui_parameters={"validatorUrl": None},
    )


@router.get(ASSET_PREFIX + "{name}")
def swagger_asset(name: str) -> FileResponse:
    """One of Swagger UI's files."""
    if name not in ASSETS:
        raise HTTPException(404, "Not Found")
    return FileResponse(
        SWAGGER_STATIC / name,
        media_type=ASSETS[name],
        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=86400"},
    )
