# NRP application image: gunicorn behind your TLS proxy; PostgreSQL comes from compose.yaml.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/opt/venv PATH=/opt/venv/bin:$PATH
# WeasyPrint (conference PDF packs) needs Pango; fonts with Czech diacritics.
RUN apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* && pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
COPY . .
# collectstatic with the production storage (nrp/core/staticfiles.py tolerates viewflow's missing fonts).
RUN SECRET_KEY=build-only-not-secret-build-only-not-secret-0123456789 NRP_ENV=production \
    DATABASE_URL=postgresql://build@localhost/build ALLOWED_HOSTS=build \
    sh -c "python manage.py compile_translations && python manage.py collectstatic --noinput"
RUN useradd --system nrp && mkdir -p /data/documents && chown nrp /data/documents
USER nrp
EXPOSE 8000
# Migrations as the database owner (DATABASE_OWNER_URL), gunicorn as the application role (scripts/docker-start.sh).
CMD ["sh", "scripts/docker-start.sh"]
