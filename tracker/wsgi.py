import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

application = get_wsgi_application()

# What start-up made (settings, apps, models, templates' libraries: about 150,000 objects) lives as long as
# the process. Frozen, a worker's full garbage collections walk only what requests made: one cost 170-210 ms
# of CPU on the shared machine before (bench/web.py, which freezes its set-up the same way), 35-40 ms after.
gc.collect()
gc.freeze()
