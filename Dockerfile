FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    GCM_ENV=production \
    GCM_VAR_DIR=/app/var

# Pango and fonts for PDF rendering in the six UN languages; gettext for the catalogs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig \
        fonts-dejavu-core fonts-noto-core fonts-noto-cjk gettext curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 app
WORKDIR /app

COPY pyproject.toml README.md ./
RUN pip install --upgrade pip && pip install .
COPY --chown=app:app . .

# collectstatic needs settings but no secrets of the deployment.
RUN SECRET_KEY=build-only-secret-key-not-used-at-run-time-0123456789abcdef \
    ALLOWED_HOSTS=build CACHE_URL=redis://build:6379/1 CELERY_BROKER_URL=redis://build:6379/0 \
    EMAIL_URL=smtp://build:25 \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media && chown -R app:app /app/var

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
