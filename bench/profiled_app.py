"""The app under Werkzeug's profiler, one .prof file a request in $PROFILE_DIR: for seeing where a page's time
goes under gunicorn (`bench.page_speed --profile DIR`). Timings taken with it on mean nothing."""

import os

from werkzeug.middleware.profiler import ProfilerMiddleware

from webapp.wsgi import app as served

FILE = "{method}.{path}.{elapsed:.0f}ms.{time:.6f}.prof"  # to the microsecond, so requests do not overwrite each other
served.wsgi_app = ProfilerMiddleware(  # type: ignore[method-assign]
    served.wsgi_app, stream=None, profile_dir=os.environ["PROFILE_DIR"], filename_format=FILE
)
app = served
