"""Static files storage for production: whitenoise's compressed manifest, tolerant of one known defect.

django-viewflow 2.4 ships CSS that refers to Roboto font files it does not ship
(``viewflow/fonts/roboto/node_modules/roboto-fontface/css/roboto/Roboto-*.woff2``). Django's manifest
storage aborts ``collectstatic`` on a missing reference, so production could not be built. We do not edit
the installed package: references *from third-party CSS under a tolerated prefix* to files that do not exist
are left as written (the browser falls back to another font) and logged; a missing reference in our own
files still aborts the build.
"""

from __future__ import annotations

import logging

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger("nrp.staticfiles")

# Third-party static folders whose broken references we tolerate (viewflow's CSS, see above).
TOLERATED_PREFIXES = ("viewflow/",)


class TolerantManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Compressed manifest storage that leaves missing references of tolerated packages unhashed."""

    tolerated_prefixes = TOLERATED_PREFIXES

    def post_process_with_compression(self, files):
        # NRP_STATIC_COMPRESS=false skips the gzip/brotli copies (minutes of CPU for ~80 MB of third-party
        # JS and fonts): for the serving test and quick local builds; the image build keeps compression on.
        if not getattr(settings, "NRP_STATIC_COMPRESS", True):
            return files
        return super().post_process_with_compression(files)

    def url_converter(self, name, hashed_files, template=None):
        converter = super().url_converter(name, hashed_files, template)
        if not str(name).replace("\\", "/").startswith(self.tolerated_prefixes):
            return converter

        def tolerant_converter(matchobj):
            try:
                return converter(matchobj)
            except ValueError as exc:
                if "could not be found" not in str(exc):
                    raise
                logger.info("Static file %s refers to a missing file (left as is): %s", name, exc)
                return matchobj.groupdict()["matched"]

        return tolerant_converter
