# article-cleaner: the HTTP service by default; override the command for batch mode, e.g.
#   docker run --rm -v "$PWD/pages:/in:ro" -v "$PWD/clean:/out" article-cleaner \
#       article-cleaner clean /in -o /out --jobs 4
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CLEANER_HOST=0.0.0.0 \
    CLEANER_PORT=8000

WORKDIR /app
COPY pyproject.toml README.md ./
COPY cleaner ./cleaner
COPY service ./service
RUN pip install . \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin cleaner

USER cleaner
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('CLEANER_PORT', '8000'), timeout=4)"]

CMD ["article-cleaner", "serve"]
