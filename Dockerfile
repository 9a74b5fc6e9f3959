# article-cleaner: the HTTP service by default; override the command for batch mode, e.g.
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD/pages:/in:ro" -v "$PWD/clean:/out" \
#       article-cleaner article-cleaner clean /in -o /out --jobs 4
# (--user: the container writes /out as you, so a folder Docker creates or one of yours is writable.)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CLEANER_HOST=0.0.0.0 \
    CLEANER_PORT=8000

WORKDIR /app
# The runtime dependencies first, in a layer of their own, read from pyproject.toml: a change to the
# code reuses this layer instead of reinstalling them all.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin cleaner

COPY README.md ./
COPY cleaner ./cleaner
COPY service ./service
RUN pip install --no-deps .

USER cleaner
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('CLEANER_PORT', '8000'), timeout=4)"]

CMD ["article-cleaner", "serve"]
