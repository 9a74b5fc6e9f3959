"""The playground: `GET /` is a page that calls the public API (POST /v1/clean with explain) and
shows every removed block in place, with its reason.

Plain files in `service/static/`, shipped as package data: no build step, nothing from a CDN.
The page renders hostile web content, so its script only ever sets `textContent`, and the page's
Content-Security-Policy allows scripts, styles and requests from this service alone.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC = Path(__file__).resolve().parent / "static"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # Revalidate (by ETag) on every load, so an upgraded service never runs last version's script.
    "Cache-Control": "no-cache",
}
# The page's own files, by name: a fixed list (a route with a template, unlike a mounted directory,
# is labelled in the metrics; and no path from a request ever reaches the file system).
ASSETS = {
    "playground.js": "text/javascript",
    "playground.css": "text/css",
    "favicon.svg": "image/svg+xml",
}

router = APIRouter(include_in_schema=False)


@router.get("/")
def playground_page() -> FileResponse:
    """The playground page."""
    return FileResponse(STATIC / "index.html", media_type="text/html", headers=SECURITY_HEADERS)


@router.get("/static/{name}")
def playground_asset(name: str) -> FileResponse:
    """The page's script or style sheet."""
    if name not in ASSETS:
        raise HTTPException(404, "Not Found")
    return FileResponse(STATIC / name, media_type=ASSETS[name], headers=SECURITY_HEADERS)
