"""The review workspace in the browser (``casereview serve``): a Django site over the library.

Nothing here scores, reads or writes sheets itself: uploads are reviewed with
``casereview.api.review``, settled with ``casereview.decisions``, downloaded
through ``casereview.report``'s writers and compiled with
``casereview.compile``. This package holds only what a web workspace adds:
accounts and roles, review rounds, the background queue, the pages.

Django is configured in code (``config.configure``), not by a settings module
on ``DJANGO_SETTINGS_MODULE``: the data directory and the database URL are
options of ``casereview serve``.
"""
