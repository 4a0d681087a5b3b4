"""The plugin's pages, one module each."""
from .article import article_view
from .common import has_discrepancy_tables  # noqa: F401 (used by the database_actions hook)
from .index import index_view
from .lineup import lineup_view

ROUTES = [
    (r"^/(?P<database>[^/]+)/-/discrepancies(?P<format>\.json)?$", index_view),
    (r"^/(?P<database>[^/]+)/-/discrepancies/(?P<slug>[^/]+?)(?P<format>\.json|\.csv)?$", lineup_view),
    (r"^/(?P<database>[^/]+)/-/discrepancies-article/(?P<article_id>[^/]+?)(?P<format>\.json)?$", article_view),
]
