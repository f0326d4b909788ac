"""The app as gunicorn serves it in production: `gunicorn --preload 'webapp.wsgi:app'` (see the README).

Made and warmed once before the workers fork (webapp/web/warm_up.py), so none starts cold."""

from webapp import create_app
from webapp.web.warm_up import warm_up

app = create_app()
warm_up(app)
