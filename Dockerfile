# RightsTrack: one image for the web application and the worker (compose.yaml runs both, with
# PostgreSQL and Redis). Debian 13 "trixie": Python 3.13 and the libraries WeasyPrint draws PDFs with.
#   docker build -t rightstrack .        (podman build works the same)
# BASE: another Debian 13 image, e.g. a mirror's copy when Docker Hub cannot be reached.
ARG BASE=debian:trixie-slim
FROM ${BASE}

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=rightstrack.config.settings \
    RIGHTSTRACK_DATA_DIR=/var/lib/rightstrack \
    PATH=/opt/rightstrack/bin:$PATH

# WeasyPrint (PDF reports): Pango, its FreeType backend, HarfBuzz and its subsetter, fonts with Cyrillic;
# pg_dump for `rightstrack backup` (the client of the server's major version: PostgreSQL 17 in trixie).
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      python3 python3-venv ca-certificates \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig fonts-dejavu-core \
      postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /opt/rightstrack \
 && useradd --system --user-group --home-dir /var/lib/rightstrack --create-home rightstrack

COPY . /src
# [postgres] and [rq]: the PostgreSQL driver and the Redis queue (extras where the package has them).
RUN pip install "/src[postgres,rq]" && rm -rf /src

USER rightstrack
WORKDIR /var/lib/rightstrack
VOLUME /var/lib/rightstrack
EXPOSE 8000
# compose.yaml's web service migrates and collects the static files before this.
CMD ["gunicorn", "rightstrack.config.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--workers", "2", "--threads", "2", "--timeout", "60", "--access-logfile", "-"]
